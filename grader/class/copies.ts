/**
 * Possible copies, for an instructor to look at (never a verdict):
 * - files that give the same *uncatalogued* wrong answers on several number
 *   or expression parts: a catalogued slip, or a two-way choice, is shared by
 *   honest learners all the time, an odd wrong number rarely;
 * - with variants on, a file whose wrong answers are right for another
 *   learner's numbers (the references of every learner in the class are
 *   computed by the exercises, as the grader does).
 */
import { EXERCISES, exerciseParams, learnerKey, type ExerciseDefinition, type NumberPart } from '../../exercises/index.ts';
import { withinTolerance } from '../../exercises/catalogue.ts';
import { readNumber } from '../number.ts';
import type { CopyGroup, FileReport } from '../schema.ts';
import { courseOrder } from './summary.ts';

export interface CopyOptions {
  /** Shared wrong answers that make a pair worth a look. One shared slip is chance; three identical odd answers rarely are. */
  minShared?: number;
  /** Parts on which a file must answer with another learner's numbers; one could be a coincidence of rounding. */
  minVariantParts?: number;
  /** Other learners (say, from the roster) whose numbers a file could carry; the files' own learners are always included. */
  learners?: readonly string[];
}

const MIN_SHARED = 3;
const MIN_VARIANT_PARTS = 2;

/**
 * A wrong answer held by more than this many files is a common mistake, not
 * evidence: at least 5 files, or a tenth of the class when that is more.
 */
function commonAbove(files: number): number {
  return Math.max(5, Math.ceil(files / 10));
}

/** Both kinds of group, shared wrong answers first. */
export function findCopies(reports: readonly FileReport[], options: CopyOptions = {}): CopyGroup[] {
  return [...sharedWrongAnswers(reports, options.minShared ?? MIN_SHARED), ...otherVariants(reports, options)];
}

/** Groups of files linked by at least `minShared` identical uncatalogued wrong answers (linked pairs chain into groups). */
export function sharedWrongAnswers(reports: readonly FileReport[], minShared = MIN_SHARED): CopyGroup[] {
  const graded = reports.filter((r) => r.status === 'graded');
  const holders = new Map<string, number[]>();
  graded.forEach((report, index) => {
    for (const exercise of report.exercises) {
      for (const part of exercise.parts) {
        if (part.verdict !== 'incorrect' || part.misconception !== undefined || part.readAs === undefined) continue;
        if (kindOf(exercise.id, part.id) === 'choice') continue;
        const key = `${exercise.id}.${part.id}\u0000${part.readAs}`;
        const list = holders.get(key);
        if (list) list.push(index);
        else holders.set(key, [index]);
      }
    }
  });
  const limit = commonAbove(graded.length);
  const shared = new Map<string, Set<string>>(); // "i j" → the parts the pair shares
  for (const [key, files] of holders) {
    if (files.length < 2 || files.length > limit) continue;
    const part = key.slice(0, key.indexOf('\u0000'));
    for (let a = 0; a < files.length; a++) {
      for (let b = a + 1; b < files.length; b++) {
        const pair = `${files[a]} ${files[b]}`;
        const parts = shared.get(pair);
        if (parts) parts.add(part);
        else shared.set(pair, new Set([part]));
      }
    }
  }
  // Union-find over the linked pairs, so a ring of three who share with each other is one group.
  const parent = graded.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const linkedParts = new Map<number, Set<string>>();
  for (const [pair, parts] of shared) {
    if (parts.size < minShared) continue;
    const [a, b] = pair.split(' ').map(Number) as [number, number];
    parent[root(a)] = root(b);
    for (const i of [a, b]) linkedParts.set(i, new Set([...(linkedParts.get(i) ?? []), ...parts]));
  }
  const groups = new Map<number, number[]>();
  for (const i of linkedParts.keys()) groups.set(root(i), [...(groups.get(root(i)) ?? []), i]);
  const order = courseOrder();
  return [...groups.values()].map((members) => {
    members.sort((a, b) => a - b);
    const parts = new Set(members.flatMap((i) => [...linkedParts.get(i)!]));
    return {
      kind: 'shared-wrong-answers' as const,
      files: members.map((i) => fileOf(graded[i]!)),
      parts: [...parts].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    };
  }).sort((a, b) => b.parts.length - a.parts.length || b.files.length - a.files.length);
}

/**
 * Files (with variants on) whose wrong number answers are right for other
 * learners' numbers on at least `minVariantParts` parts. The group names the
 * learners whose numbers fit the most of those answers (several, when they
 * share the parameters and cannot be told apart).
 */
export function otherVariants(reports: readonly FileReport[], options: CopyOptions = {}): CopyGroup[] {
  const minParts = options.minVariantParts ?? MIN_VARIANT_PARTS;
  const withVariant = reports.filter((r) => r.status === 'graded' && r.variant === true && r.learner !== undefined);
  if (withVariant.length === 0) return [];
  // Every learner named in the class, once, by their compared key.
  const learners = new Map<string, string>();
  for (const learner of [...withVariant.map((r) => r.learner!), ...(options.learners ?? [])]) {
    const key = learnerKey(learner);
    if (key !== '' && !learners.has(key)) learners.set(key, learner.trim());
  }
  // Per number part, each distinct reference value and the learners whose numbers give it
  // (at most a hundred variants per exercise, so this stays small for any class).
  const references = new Map<string, { value: number; keys: string[]; part: NumberPart }[]>();
  for (const exercise of EXERCISES) {
    for (const [key, learner] of learners) {
      const answers = exercise.answers(exerciseParams(exercise, learner, true));
      for (const part of exercise.parts) {
        if (part.kind !== 'number') continue;
        const value = answers[part.id];
        if (typeof value !== 'number') continue;
        const list = references.get(`${exercise.id}.${part.id}`) ?? [];
        const same = list.find((r) => r.value === value);
        if (same) same.keys.push(key);
        else list.push({ value, keys: [key], part });
        references.set(`${exercise.id}.${part.id}`, list);
      }
    }
  }
  const canonical = canonicalAnswers();
  const groups: CopyGroup[] = [];
  const order = courseOrder();
  const byKey = new Map(withVariant.map((r) => [learnerKey(r.learner!), r]));
  for (const report of withVariant) {
    const own = learnerKey(report.learner!);
    const matched = new Map<string, string[]>(); // other learner's key → parts
    for (const exercise of report.exercises) {
      for (const part of exercise.parts) {
        if (part.verdict !== 'incorrect' || part.readAs === undefined) continue;
        const id = `${exercise.id}.${part.id}`;
        const read = readNumber(part.readAs);
        if (!read.ok) continue;
        for (const ref of references.get(id) ?? []) {
          if (!withinTolerance(ref.part.tolerance, ref.value, read.value)) continue;
          // The post's own number is what a learner who ignored their variant writes: not another learner's.
          if (canonical.get(id) === ref.value) continue;
          for (const key of ref.keys) if (key !== own) matched.set(key, [...(matched.get(key) ?? []), id]);
        }
      }
    }
    // The learners whose numbers explain the most wrong answers; another learner who shares one exercise's
    // parameters with them explains fewer, and is not named.
    const best = Math.max(0, ...[...matched.values()].map((p) => p.length));
    if (best < minParts) continue;
    const sources = [...matched].filter(([, parts]) => parts.length === best);
    const parts = [...new Set(sources.flatMap(([, p]) => p))];
    groups.push({
      kind: 'other-variant',
      files: [fileOf(report), ...sources.map(([key]) => {
        const other = byKey.get(key);
        return other ? fileOf(other) : { path: '', learner: learners.get(key)! };
      })],
      parts: parts.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    });
  }
  return groups;
}

function fileOf(report: FileReport): CopyGroup['files'][number] {
  return report.learner === undefined ? { path: report.path } : { path: report.path, learner: report.learner };
}

/** `<exercise>\u0000<part>` → the part's kind, for every part of the course. */
let kinds: Map<string, string> | undefined;

function kindOf(exercise: string, part: string): string | undefined {
  kinds ??= new Map(EXERCISES.flatMap((e) => e.parts.map((p) => [`${e.id}\u0000${p.id}`, p.kind] as const)));
  return kinds.get(`${exercise}\u0000${part}`);
}

/** `<exercise>.<part>` → the post's own number. */
function canonicalAnswers(): Map<string, unknown> {
  return new Map(EXERCISES.flatMap((e: ExerciseDefinition) => {
    const answers = e.answers(e.canonical);
    return e.parts.map((p) => [`${e.id}.${p.id}`, answers[p.id]] as const);
  }));
}
