/**
 * The learner's progress in localStorage, one versioned record per key
 * (`vg:v1:<name>`): one per exercise, one for the lessons' checkpoints and
 * one for the course (the learner id). Anything unreadable, malformed or from
 * another version is removed and reported as a notice, never thrown. What a
 * page saves is clipped to the same limit that loading accepts, so a long
 * answer can never make its own record look damaged.
 */
import { isRecord } from '../../../grader/read/plain-data.ts';

export const STORAGE_VERSION = 1;
export { VERDICTS } from '../../../grader/constants.ts';
import { VERDICTS } from '../../../grader/constants.ts';
export type Verdict = (typeof VERDICTS)[number];

/** The longest text kept for one answer, feedback or learner id; saving clips to it, loading accepts it. */
export const MAX_STORED_TEXT = 2000;

/** What one exercise page remembers between visits. */
export interface Progress {
  v: typeof STORAGE_VERSION;
  /** The text of each control, by part id, as typed or chosen (clipped to MAX_STORED_TEXT). */
  answers: Record<string, string>;
  /** The last check's verdict and feedback, and how the grader read the answer, by part id. */
  verdicts: Record<string, { verdict: Verdict; feedback: string; readAs?: string }>;
  /** True once the learner has pressed Check at least once (unlocks the worked solution). */
  attempted: boolean;
  /** How many hints are revealed. */
  hints: number;
  /** The learner id the answers were given for (older records; the course record now holds it). */
  learner?: string;
}

/** One checkpoint's state: what was typed, the last check, and whether it was solved or its answer shown. */
export interface CheckpointResult {
  answer: string;
  verdict?: Verdict;
  feedback?: string;
  /** How the grader read the answer (the report's readAs), for the page's own sentence. */
  readAs?: string;
  /** Checked at least once (enables "Show the answer"). */
  checked: boolean;
  /** Answered correctly at least once: the checkpoint counts as done. */
  solved: boolean;
  revealed: boolean;
}

/** Every checkpoint's state, by `<lesson-slug>/<checkpoint-id>`. */
export interface CheckpointProgress {
  v: typeof STORAGE_VERSION;
  results: Record<string, CheckpointResult>;
}

/** What holds for the whole course: the one learner id. */
export interface CourseProgress {
  v: typeof STORAGE_VERSION;
  learner?: string;
}

/** The storage key of a record at the current version. */
export const progressKey = (name: string): string => `vg:v${STORAGE_VERSION}:${name}`;
/** The record names that are not exercises. */
export const CHECKPOINTS_RECORD = 'checkpoints';
export const COURSE_RECORD = 'course';

/** A fresh, empty exercise record. */
export const emptyProgress = (): Progress => ({ v: STORAGE_VERSION, answers: {}, verdicts: {}, attempted: false, hints: 0 });
const emptyCheckpoints = (): CheckpointProgress => ({ v: STORAGE_VERSION, results: {} });
const emptyCourse = (): CourseProgress => ({ v: STORAGE_VERSION });

export type LoadResult = { progress: Progress; notice?: string };

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_STORED_TEXT;
/** Text as it is saved: at most MAX_STORED_TEXT characters. */
export const clipText = (text: string): string => (text.length <= MAX_STORED_TEXT ? text : text.slice(0, MAX_STORED_TEXT));
const isVerdict = (v: unknown): v is Verdict => VERDICTS.includes(v as Verdict);

/** Sets an own, enumerable key (a key such as `__proto__` stays plain data). */
function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Checks a parsed value against the v1 exercise shape and copies it key by key; undefined when it
 * does not fit. With `partIds`, verdicts for keys that are not parts of the exercise are dropped,
 * so edited storage cannot claim more correct parts than the exercise has.
 */
export function parseProgress(raw: unknown, partIds?: readonly string[]): Progress | undefined {
  if (!isRecord(raw) || raw.v !== STORAGE_VERSION) return undefined;
  const { answers, verdicts, attempted, hints, learner } = raw;
  if (!isRecord(answers) || !isRecord(verdicts) || typeof attempted !== 'boolean') return undefined;
  if (typeof hints !== 'number' || !Number.isInteger(hints) || hints < 0 || hints > 100) return undefined;
  if (learner !== undefined && !isText(learner)) return undefined;
  const out = emptyProgress();
  for (const [k, v] of Object.entries(answers)) {
    if (!isText(v)) return undefined;
    if (!partIds || partIds.includes(k)) put(out.answers, k, v);
  }
  for (const [k, v] of Object.entries(verdicts)) {
    if (!isRecord(v) || !isVerdict(v.verdict) || !isText(v.feedback)) return undefined;
    if (v.readAs !== undefined && !isText(v.readAs)) return undefined;
    const kept = { verdict: v.verdict, feedback: v.feedback, ...(v.readAs !== undefined ? { readAs: v.readAs } : {}) };
    if (!partIds || partIds.includes(k)) put(out.verdicts, k, kept);
  }
  out.attempted = attempted;
  out.hints = hints;
  if (learner !== undefined) out.learner = learner;
  return out;
}

/** Checks the checkpoints record; results for ids not in `known` are dropped. */
export function parseCheckpoints(raw: unknown, known?: readonly string[]): CheckpointProgress | undefined {
  if (!isRecord(raw) || raw.v !== STORAGE_VERSION || !isRecord(raw.results)) return undefined;
  const out = emptyCheckpoints();
  for (const [id, r] of Object.entries(raw.results)) {
    if (
      !isRecord(r) ||
      !isText(r.answer) ||
      typeof r.checked !== 'boolean' ||
      typeof r.solved !== 'boolean' ||
      typeof r.revealed !== 'boolean'
    )
      return undefined;
    if (r.verdict !== undefined && !isVerdict(r.verdict)) return undefined;
    if (r.feedback !== undefined && !isText(r.feedback)) return undefined;
    if (r.readAs !== undefined && !isText(r.readAs)) return undefined;
    if (known && !known.includes(id)) continue;
    const result: CheckpointResult = { answer: r.answer, checked: r.checked, solved: r.solved, revealed: r.revealed };
    if (r.verdict !== undefined) result.verdict = r.verdict;
    if (r.feedback !== undefined) result.feedback = r.feedback;
    if (r.readAs !== undefined) result.readAs = r.readAs;
    put(out.results, id, result);
  }
  return out;
}

/** Checks the course record. */
export function parseCourse(raw: unknown): CourseProgress | undefined {
  if (!isRecord(raw) || raw.v !== STORAGE_VERSION) return undefined;
  if (raw.learner !== undefined && !isText(raw.learner)) return undefined;
  return raw.learner === undefined ? emptyCourse() : { v: STORAGE_VERSION, learner: raw.learner };
}

const OLDER = 'Progress saved by an older version of this course could not be used and was cleared.';

/** Reads one record; removes a corrupted or other-version one and says so in `notice`. */
function loadRecord<T>(
  storage: Storage,
  name: string,
  { parse, empty, damaged }: { parse: (raw: unknown) => T | undefined; empty: () => T; damaged: string },
): { value: T; notice?: string } {
  const notices: string[] = [];
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const m = key?.match(/^vg:v(\d+):(.+)$/);
    if (key && m && m[2] === name && Number(m[1]) !== STORAGE_VERSION) stale.push(key);
  }
  if (stale.length > 0) {
    for (const key of stale) storage.removeItem(key);
    notices.push(OLDER);
  }
  const done = (value: T) => (notices.length ? { value, notice: notices.join(' ') } : { value });
  const text = storage.getItem(progressKey(name));
  if (text === null) return done(empty());
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const value = parse(parsed);
  if (value !== undefined) return done(value);
  storage.removeItem(progressKey(name));
  const older = isRecord(parsed) && typeof parsed.v === 'number' && parsed.v < STORAGE_VERSION;
  notices.push(older ? OLDER : damaged);
  return done(empty());
}

/** Reads an exercise's progress; removes corrupted or other-version records and says so in `notice`. */
export function loadProgress(storage: Storage, id: string, partIds?: readonly string[]): LoadResult {
  const { value, notice } = loadRecord(storage, id, {
    parse: (raw) => parseProgress(raw, partIds),
    empty: emptyProgress,
    damaged: 'Your saved progress for this exercise was damaged and has been cleared. Your answers start afresh.',
  });
  return notice ? { progress: value, notice } : { progress: value };
}

/** Reads the checkpoints record (results for unknown ids are dropped). */
export function loadCheckpoints(storage: Storage, known?: readonly string[]): { progress: CheckpointProgress; notice?: string } {
  const { value, notice } = loadRecord(storage, CHECKPOINTS_RECORD, {
    parse: (raw) => parseCheckpoints(raw, known),
    empty: emptyCheckpoints,
    damaged: 'Your saved checkpoint answers were damaged and have been cleared.',
  });
  return notice ? { progress: value, notice } : { progress: value };
}

/**
 * The course's learner id: the course record's, or (from before there was one) the first id an
 * exercise record holds. Read without side effects on the exercise records.
 */
export function loadLearner(storage: Storage, exerciseIds: readonly string[]): string | undefined {
  const { value } = loadRecord(storage, COURSE_RECORD, {
    parse: parseCourse,
    empty: emptyCourse,
    damaged: 'Your saved learner id was damaged and has been cleared.',
  });
  if (value.learner !== undefined) return value.learner;
  for (const id of exerciseIds) {
    const learner = peekProgress(storage, id)?.learner;
    if (learner) return learner;
  }
  return undefined;
}

/** Saves the course's learner id (trimmed; empty removes it). */
export function saveLearner(storage: Storage, learner: string | undefined): boolean {
  const id = learner?.trim();
  return write(storage, COURSE_RECORD, id ? { v: STORAGE_VERSION, learner: clipText(id) } : emptyCourse());
}

/** Writes a record; a full or disabled storage is ignored (returns false) rather than breaking the page. */
function write(storage: Storage, name: string, value: unknown): boolean {
  try {
    storage.setItem(progressKey(name), JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Writes an exercise's progress, clipped to what loading accepts. */
export function saveProgress(storage: Storage, id: string, progress: Progress): boolean {
  const clipped: Progress = { ...progress, answers: {}, verdicts: {} };
  for (const [k, v] of Object.entries(progress.answers)) put(clipped.answers, k, clipText(v));
  for (const [k, v] of Object.entries(progress.verdicts))
    put(clipped.verdicts, k, { ...v, feedback: clipText(v.feedback), ...(v.readAs !== undefined ? { readAs: clipText(v.readAs) } : {}) });
  if (progress.learner !== undefined) clipped.learner = clipText(progress.learner);
  return write(storage, id, clipped);
}

/** Writes every checkpoint's state, clipped to what loading accepts. */
export function saveCheckpoints(storage: Storage, progress: CheckpointProgress): boolean {
  const out = emptyCheckpoints();
  for (const [id, r] of Object.entries(progress.results)) {
    const result: CheckpointResult = { ...r, answer: clipText(r.answer) };
    if (r.feedback !== undefined) result.feedback = clipText(r.feedback);
    if (r.readAs !== undefined) result.readAs = clipText(r.readAs);
    put(out.results, id, result);
  }
  return write(storage, CHECKPOINTS_RECORD, out);
}

/** Correct parts over all parts from the saved verdicts, for the exercises index; undefined before any check. */
export function savedScore(progress: Progress, partCount: number): { correct: number; total: number } | undefined {
  const verdicts = Object.values(progress.verdicts);
  if (!progress.attempted || verdicts.length === 0) return undefined;
  return { correct: Math.min(partCount, verdicts.filter((v) => v.verdict === 'correct').length), total: partCount };
}

/** An exercise's saved record, read without side effects (nothing is removed); undefined when none or unreadable. */
export function peekProgress(storage: Storage, id: string, partIds?: readonly string[]): Progress | undefined {
  try {
    return parseProgress(JSON.parse(storage.getItem(progressKey(id)) ?? 'null'), partIds);
  } catch {
    return undefined;
  }
}

/** The saved answers of an exercise, read without side effects; empty when none or unreadable. */
export function peekAnswers(storage: Storage, id: string, partIds?: readonly string[]): Record<string, string> {
  return peekProgress(storage, id, partIds)?.answers ?? {};
}

/** localStorage, or undefined when the browser refuses it (private mode, disabled storage). */
export function safeStorage(): Storage | undefined {
  try {
    const s = window.localStorage;
    s.getItem('vg:probe');
    return s;
  } catch {
    return undefined;
  }
}
