/**
 * The learner's progress in localStorage, one versioned record per key
 * (`vg:v1:<name>`): one per exercise, one for the lessons' checkpoints and
 * one for the course (the learner id). Anything unreadable, malformed or from
 * another version is removed and reported as a notice, never thrown. What a
 * page saves is clipped to the same limit that loading accepts, so a long
 * answer can never make its own record look damaged. Each record's shape is
 * written once, as rules (stored-record.ts), and both its type and its check
 * come from them.
 */
import { isRecord } from '../../../grader/read/plain-data.ts';
import { VERDICTS } from '../../../grader/constants.ts';
import { MAX_STORED_TEXT, put, readStored, STORAGE_VERSION, type Rule, type Stored } from './stored-record.ts';

export { MAX_STORED_TEXT, STORAGE_VERSION, VERDICTS };
export type Verdict = (typeof VERDICTS)[number];

const TEXT = { type: 'text' } as const satisfies Rule;
const VERDICT = { type: 'verdict' } as const satisfies Rule;
const BOOLEAN = { type: 'boolean' } as const satisfies Rule;
const VERSION = { type: 'version' } as const satisfies Rule;

/** What one exercise page remembers between visits (`vg:v1:<exercise-id>`). */
export const PROGRESS_RULES = {
  type: 'fields',
  required: {
    v: VERSION,
    /** The text of each control, by part id, as typed or chosen (clipped to MAX_STORED_TEXT). */
    answers: { type: 'byKey', of: TEXT },
    /** The last check's verdict and feedback, and how the grader read the answer, by part id. */
    verdicts: { type: 'byKey', of: { type: 'fields', required: { verdict: VERDICT, feedback: TEXT }, optional: { readAs: TEXT } } },
    /** True once the learner has pressed Check at least once (unlocks the worked solution). */
    attempted: BOOLEAN,
    /** How many hints are revealed. */
    hints: { type: 'count', max: 100 },
  },
  optional: {
    /** The learner id the answers were given for (older records; the course record now holds it). */
    learner: TEXT,
  },
} as const satisfies Rule;

/** One checkpoint's state: what was typed, the last check, and whether it was solved or its answer shown. */
const CHECKPOINT_RESULT = {
  type: 'fields',
  required: {
    answer: TEXT,
    /** Checked at least once (enables "Show the answer"). */
    checked: BOOLEAN,
    /** Answered correctly at least once: the checkpoint counts as done. */
    solved: BOOLEAN,
    revealed: BOOLEAN,
  },
  optional: {
    verdict: VERDICT,
    feedback: TEXT,
    /** How the grader read the answer (the report's readAs), for the page's own sentence. */
    readAs: TEXT,
  },
} as const satisfies Rule;

/** Every checkpoint's state, by `<lesson-slug>/<checkpoint-id>` (`vg:v1:checkpoints`). */
export const CHECKPOINTS_RULES = {
  type: 'fields',
  required: { v: VERSION, results: { type: 'byKey', of: CHECKPOINT_RESULT } },
} as const satisfies Rule;

/** What holds for the whole course: the one learner id (`vg:v1:course`). */
export const COURSE_RULES = { type: 'fields', required: { v: VERSION }, optional: { learner: TEXT } } as const satisfies Rule;

export type Progress = Stored<typeof PROGRESS_RULES>;
export type CheckpointResult = Stored<typeof CHECKPOINT_RESULT>;
export type CheckpointProgress = Stored<typeof CHECKPOINTS_RULES>;
export type CourseProgress = Stored<typeof COURSE_RULES>;

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

/** Text as it is saved: at most MAX_STORED_TEXT characters. */
export const clipText = (text: string): string => (text.length <= MAX_STORED_TEXT ? text : text.slice(0, MAX_STORED_TEXT));

/** Only the entries whose key is listed (all of them without a list). */
function onlyKeys<T>(record: Record<string, T>, keys?: readonly string[]): Record<string, T> {
  if (!keys) return record;
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) if (keys.includes(key)) put(out, key, value);
  return out;
}

/**
 * Checks a parsed value against the exercise record and copies it key by key; undefined when it
 * does not fit. With `partIds`, verdicts for keys that are not parts of the exercise are dropped,
 * so edited storage cannot claim more correct parts than the exercise has.
 */
export function parseProgress(raw: unknown, partIds?: readonly string[]): Progress | undefined {
  const progress = readStored(PROGRESS_RULES, raw);
  if (!progress || !partIds) return progress;
  return { ...progress, answers: onlyKeys(progress.answers, partIds), verdicts: onlyKeys(progress.verdicts, partIds) };
}

/** Checks the checkpoints record; results for ids not in `known` are dropped. */
export function parseCheckpoints(raw: unknown, known?: readonly string[]): CheckpointProgress | undefined {
  const progress = readStored(CHECKPOINTS_RULES, raw);
  return progress && { ...progress, results: onlyKeys(progress.results, known) };
}

/** Checks the course record. */
export function parseCourse(raw: unknown): CourseProgress | undefined {
  return readStored(COURSE_RULES, raw);
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
