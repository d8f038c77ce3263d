/**
 * Points: what a part is worth in a gradebook. The course settings may give
 * an exercise's points (shared evenly by its parts) or each part's; anything
 * not given is worth 1 per part, so without the setting points are the
 * number of correct parts. Every gradebook format and the class summary
 * read points from here.
 */
import { CHALLENGE_IDS, SETUP_PART } from '../../exercises/challenges/types.ts';
import { EXERCISES } from '../../exercises/index.ts';
import { isRecord, own } from '../read/plain-data.ts';
import type { FileReport } from '../schema.ts';

/**
 * The course setting: an exercise's points, or an exercise's parts' points.
 * @example { "sigmoid-max": 4, "weight-scale": { "gradient_w_0_5": 2 } }
 */
export type PointsSetting = Readonly<Record<string, number | Readonly<Record<string, number>>>>;

/** Points of every part, by exercise then part, and their total. */
export interface PointsTable {
  parts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  total: number;
}

/** A file's points: in all, and per exercise. */
export interface FilePoints {
  points: number;
  maxPoints: number;
  exercises: ReadonlyMap<string, { points: number; maxPoints: number }>;
}

/** Points are shown to two decimals: an exercise of 4 points over 3 parts gives parts of 1.33. */
export const roundPoints = (x: number): number => Math.round(x * 100) / 100;

/** The points table of a (valid) setting; none: 1 per part. */
export function pointsTable(setting?: PointsSetting): PointsTable {
  let total = 0;
  const parts = new Map<string, Map<string, number>>();
  for (const exercise of EXERCISES) {
    const given = setting === undefined ? undefined : own(setting as Record<string, unknown>, exercise.id);
    const byPart = new Map<string, number>();
    for (const part of exercise.parts) {
      const value = typeof given === 'number' ? given / exercise.parts.length : isRecord(given) ? own(given, part.id) : undefined;
      byPart.set(part.id, typeof value === 'number' ? value : 1);
    }
    total += [...byPart.values()].reduce((a, b) => a + b, 0);
    parts.set(exercise.id, byPart);
  }
  return { parts, total: roundPoints(total) };
}

/**
 * The table with the lab challenges added, one point each, for a class where
 * some file answered one: the grader grades the challenges only in such files
 * (a file without challenge answers trains nothing), so a class without them
 * keeps the exercises' total, and a class with them counts them for everyone.
 */
export function withChallenges(table: PointsTable): PointsTable {
  if (CHALLENGE_IDS.every((id) => table.parts.has(id))) return table;
  const parts = new Map(table.parts);
  for (const id of CHALLENGE_IDS) parts.set(id, new Map([[SETUP_PART, 1]]));
  return { parts, total: roundPoints(table.total + CHALLENGE_IDS.length) };
}

/** Whether some report holds a lab challenge (the grader adds them only to files that answer one). */
export const hasChallengeAnswers = (reports: readonly FileReport[]): boolean =>
  reports.some((r) => r.exercises.some((e) => (CHALLENGE_IDS as readonly string[]).includes(e.id)));

/** True when every part is worth 1 (points are the parts' count). */
export function isDefaultPoints(table: PointsTable): boolean {
  return [...table.parts.values()].every((parts) => [...parts.values()].every((p) => p === 1));
}

/** A file's points under the table; a file that was not graded has none, out of the total. */
export function filePoints(report: FileReport, table: PointsTable): FilePoints {
  const exercises = new Map<string, { points: number; maxPoints: number }>();
  let points = 0;
  for (const [id, parts] of table.parts) {
    const verdicts = report.exercises.find((e) => e.id === id)?.parts;
    let got = 0;
    let max = 0;
    for (const [part, worth] of parts) {
      max += worth;
      if (report.status === 'graded' && verdicts?.find((p) => p.id === part)?.verdict === 'correct') got += worth;
    }
    exercises.set(id, { points: roundPoints(got), maxPoints: roundPoints(max) });
    points += got;
  }
  return { points: roundPoints(points), maxPoints: table.total, exercises };
}

/** What is wrong with a points setting (for course.schema.ts), one line each; empty when it is valid. */
export function pointsProblems(value: unknown): string[] {
  if (!isRecord(value)) return ['expected an object of exercise ids'];
  const problems: string[] = [];
  const ok = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1000;
  for (const [id, given] of Object.entries(value)) {
    const exercise = EXERCISES.find((e) => e.id === id);
    if (!exercise) {
      problems.push(`unknown exercise '${id}' (known: ${EXERCISES.map((e) => e.id).join(', ')})`);
      continue;
    }
    if (typeof given === 'number') {
      if (!ok(given)) problems.push(`${id}: points must be a number from 0 to 1000`);
    } else if (isRecord(given)) {
      for (const [part, worth] of Object.entries(given)) {
        if (!exercise.parts.some((p) => p.id === part))
          problems.push(`${id}: unknown part '${part}' (known: ${exercise.parts.map((p) => p.id).join(', ')})`);
        else if (!ok(worth)) problems.push(`${id}.${part}: points must be a number from 0 to 1000`);
      }
    } else problems.push(`${id}: expected a number of points, or points per part`);
  }
  return problems;
}
