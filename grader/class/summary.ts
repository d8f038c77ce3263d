/**
 * What a class of graded files adds up to: verdict counts per part, the
 * catalogued misconceptions met and how often, and the spread of scores.
 * Pure functions of file reports, shared by every report format and the
 * browser's class report.
 */
import { EXERCISES } from '../../exercises/index.ts';
import { VERDICTS } from '../constants.ts';
import { percent } from '../grade/score.ts';
import type { FileReport, MisconceptionCount, PartCount } from '../schema.ts';

/** Per exercise and part, in the course's order, how many graded files got each verdict. */
export function partCounts(reports: readonly FileReport[]): PartCount[] {
  // Exercise id → part id → its count: looked up by the ids themselves, no key built per part of every file.
  const byExercise = new Map<string, Map<string, PartCount>>();
  const counts: PartCount[] = [];
  for (const exercise of EXERCISES) {
    const parts = new Map<string, PartCount>();
    byExercise.set(exercise.id, parts);
    for (const part of exercise.parts) {
      const count = { exercise: exercise.id, part: part.id, correct: 0, incorrect: 0, invalid: 0, missing: 0 };
      parts.set(part.id, count);
      counts.push(count);
    }
  }
  for (const report of reports) {
    if (report.status !== 'graded') continue;
    for (const exercise of report.exercises) {
      const parts = byExercise.get(exercise.id);
      if (!parts) continue;
      for (const part of exercise.parts) {
        const count = parts.get(part.id);
        if (count && VERDICTS.includes(part.verdict)) count[part.verdict]++;
      }
    }
  }
  return counts;
}

/** The share of graded files that got the part right, 0–1 (0 when no file was graded). */
export function passRate(count: PartCount): number {
  const total = count.correct + count.incorrect + count.invalid + count.missing;
  return total === 0 ? 0 : count.correct / total;
}

/** Each catalogued misconception met, with how many graded files met it: most frequent first, then in the course's order. */
export function misconceptionCounts(reports: readonly FileReport[]): MisconceptionCount[] {
  const counts = new Map<string, MisconceptionCount>();
  for (const report of reports) {
    if (report.status !== 'graded') continue;
    for (const exercise of report.exercises) {
      for (const part of exercise.parts) {
        if (part.misconception === undefined) continue;
        const key = `${exercise.id}\u0000${part.id}\u0000${part.misconception}`;
        const count = counts.get(key);
        if (count) count.count++;
        else counts.set(key, { exercise: exercise.id, part: part.id, id: part.misconception, count: 1 });
      }
    }
  }
  const order = courseOrder();
  return [...counts.values()].sort(
    (a, b) =>
      b.count - a.count ||
      (order.get(`${a.exercise}.${a.part}`) ?? 0) - (order.get(`${b.exercise}.${b.part}`) ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** `<exercise>.<part>` → its place in the course. */
export function courseOrder(): Map<string, number> {
  return new Map(EXERCISES.flatMap((e) => e.parts.map((p) => `${e.id}.${p.id}`)).map((key, i) => [key, i]));
}

/** One band of the score distribution: files whose percentage is at least `from` and below `to` (100% has a band of its own). */
export interface ScoreBand {
  from: number;
  to: number;
  files: number;
}

/** The spread of the graded files' scores. */
export interface ScoreDistribution {
  /** Graded files counted. */
  graded: number;
  /** Ten bands of 10 percentage points, then one for 100%. */
  bands: ScoreBand[];
  /** Scores in parts correct; undefined when nothing was graded. */
  mean?: number;
  median?: number;
  min?: number;
  max?: number;
  /** Parts in a file. */
  maxScore: number;
  /** With the course's passing score: how many graded files reach it. */
  passing?: { score: number; files: number };
}

/** Ten bands of ten points and a band for full marks: the shape a gradebook's histogram has. */
export function scoreDistribution(reports: readonly FileReport[], passingScore?: number): ScoreDistribution {
  const graded = reports.filter((r) => r.status === 'graded');
  const bands: ScoreBand[] = [
    ...Array.from({ length: 10 }, (_, i) => ({ from: 10 * i, to: 10 * (i + 1), files: 0 })),
    { from: 100, to: 100, files: 0 },
  ];
  for (const report of graded) {
    const p = percent(report);
    const index = p >= 100 ? 10 : Math.min(9, Math.floor(p / 10));
    bands[index]!.files++;
  }
  const maxScore = EXERCISES.reduce((sum, e) => sum + e.parts.length, 0);
  // The same comparison as --min-score's pass mark (report/facts.ts passes): the exact percentage, not the rounded one shown.
  const passing =
    passingScore === undefined ? {} : { passing: { score: passingScore, files: graded.filter((r) => percent(r) >= passingScore).length } };
  if (graded.length === 0) return { graded: 0, bands, maxScore, ...passing };
  const scores = graded.map((r) => r.score).sort((a, b) => a - b);
  const middle = scores.length >> 1;
  const median = scores.length % 2 === 1 ? scores[middle]! : (scores[middle - 1]! + scores[middle]!) / 2;
  const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  return { graded: graded.length, bands, mean, median, min: scores[0]!, max: scores.at(-1)!, maxScore, ...passing };
}
