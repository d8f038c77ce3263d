/**
 * Saved progress for one exercise in localStorage, under a versioned key
 * (`vg:v1:<exercise-id>`). Anything unreadable, malformed or from another
 * version is removed and reported as a notice, never thrown.
 */
import { isRecord } from '../../../grader/plain.ts';

export const STORAGE_VERSION = 1;
export const VERDICTS = ['correct', 'incorrect', 'invalid', 'missing'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What one exercise page remembers between visits. */
export interface Progress {
  v: typeof STORAGE_VERSION;
  /** The text of each control, by part id, exactly as typed or chosen. */
  answers: Record<string, string>;
  /** The last check's verdict and feedback, by part id. */
  verdicts: Record<string, { verdict: Verdict; feedback: string }>;
  /** True once the learner has pressed Check at least once (unlocks the worked solution). */
  attempted: boolean;
  /** How many hints are revealed. */
  hints: number;
  /** The learner id the answers were given for, when variants are on. */
  learner?: string;
}

/** The storage key of an exercise's progress at the current version. */
export const progressKey = (id: string): string => `vg:v${STORAGE_VERSION}:${id}`;

/** A fresh, empty record. */
export const emptyProgress = (): Progress => ({ v: STORAGE_VERSION, answers: {}, verdicts: {}, attempted: false, hints: 0 });

export type LoadResult = { progress: Progress; notice?: string };

const MAX_TEXT = 2000;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

/** Checks a parsed value against the v1 shape and copies it key by key (no prototype surprises); undefined when it does not fit. */
export function parseProgress(raw: unknown): Progress | undefined {
  if (!isRecord(raw) || raw.v !== STORAGE_VERSION) return undefined;
  const { answers, verdicts, attempted, hints, learner } = raw;
  if (!isRecord(answers) || !isRecord(verdicts) || typeof attempted !== 'boolean') return undefined;
  if (typeof hints !== 'number' || !Number.isInteger(hints) || hints < 0 || hints > 100) return undefined;
  if (learner !== undefined && !isText(learner)) return undefined;
  const out = emptyProgress();
  for (const [k, v] of Object.entries(answers)) {
    if (!isText(v)) return undefined;
    Object.defineProperty(out.answers, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  for (const [k, v] of Object.entries(verdicts)) {
    if (!isRecord(v) || !VERDICTS.includes(v.verdict as Verdict) || !isText(v.feedback)) return undefined;
    const entry = { verdict: v.verdict as Verdict, feedback: v.feedback };
    Object.defineProperty(out.verdicts, k, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  out.attempted = attempted;
  out.hints = hints;
  if (learner !== undefined) out.learner = learner;
  return out;
}

/** Reads an exercise's progress; removes corrupted or other-version records and says so in `notice`. */
export function loadProgress(storage: Storage, id: string): LoadResult {
  const notices: string[] = [];
  // Records that an older (or newer) version of the course wrote for this exercise.
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const m = key?.match(/^vg:v(\d+):(.+)$/);
    if (key && m && m[2] === id && Number(m[1]) !== STORAGE_VERSION) stale.push(key);
  }
  if (stale.length > 0) {
    for (const key of stale) storage.removeItem(key);
    notices.push('Progress saved by an older version of this course could not be used and was cleared.');
  }
  const text = storage.getItem(progressKey(id));
  if (text === null) return notices.length ? { progress: emptyProgress(), notice: notices.join(' ') } : { progress: emptyProgress() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const progress = parseProgress(parsed);
  if (progress) return notices.length ? { progress, notice: notices.join(' ') } : { progress };
  storage.removeItem(progressKey(id));
  const older = isRecord(parsed) && typeof parsed.v === 'number' && parsed.v < STORAGE_VERSION;
  notices.push(
    older
      ? 'Progress saved by an older version of this course could not be used and was cleared.'
      : 'Your saved progress for this exercise was damaged and has been cleared. Your answers start afresh.',
  );
  return { progress: emptyProgress(), notice: notices.join(' ') };
}

/** Writes progress; a full or disabled storage is ignored (returns false) rather than breaking the page. */
export function saveProgress(storage: Storage, id: string, progress: Progress): boolean {
  try {
    storage.setItem(progressKey(id), JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/** Correct parts over all parts from the saved verdicts, for the exercises index; undefined before any check. */
export function savedScore(progress: Progress, partCount: number): { correct: number; total: number } | undefined {
  const verdicts = Object.values(progress.verdicts);
  if (!progress.attempted || verdicts.length === 0) return undefined;
  return { correct: verdicts.filter((v) => v.verdict === 'correct').length, total: partCount };
}

/** The saved answers of an exercise, read without side effects (nothing is removed); empty when none or unreadable. */
export function peekAnswers(storage: Storage, id: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(progressKey(id)) ?? 'null');
  } catch {
    return {};
  }
  return parseProgress(parsed)?.answers ?? {};
}
