/**
 * Crafted classes that attack the copy finder (decisions: hostile classes), as file reports
 * built directly (grading 10,000 files would measure the grader, not the
 * finder). Shared by test/grader/copies.test.ts and bench/copies.ts.
 */
import { EXERCISES, exerciseParams } from '../../exercises/index.ts';
import type { FileReport } from '../../grader/schema.ts';

export const CRAFTED_KINDS = ['groups', 'chain', 'variants'] as const;
export type CraftedKind = (typeof CRAFTED_KINDS)[number];

/** The number and expression parts, as `<exercise>.<part>`: the ones the copy finder compares. */
export const COMPARED_PARTS = EXERCISES.flatMap((e) => e.parts.filter((p) => p.kind !== 'choice').map((p) => `${e.id}.${p.id}`));

/** A graded report whose listed parts are wrong with the given text, the rest right. */
export function craftedReport(
  path: string,
  wrong: ReadonlyMap<string, string>,
  learner: string | undefined,
  variant?: boolean,
): FileReport {
  return {
    path,
    status: 'graded',
    score: 0,
    maxScore: EXERCISES.reduce((n, e) => n + e.parts.length, 0),
    errors: [],
    warnings: [],
    ...(learner === undefined ? {} : { learner }),
    ...(variant === undefined ? {} : { variant }),
    exercises: EXERCISES.map((e) => ({
      id: e.id,
      title: e.title,
      score: 0,
      maxScore: e.parts.length,
      parts: e.parts.map((p) => {
        const readAs = wrong.get(`${e.id}.${p.id}`);
        return readAs === undefined
          ? { id: p.id, verdict: 'correct' as const, feedback: '' }
          : { id: p.id, verdict: 'incorrect' as const, feedback: '', readAs };
      }),
    })),
  };
}

const pathOf = (i: number) => `class/${String(i).padStart(5, '0')}.yaml`;

/**
 * - `groups`: ten groups, each sharing one odd value on each of the 15 number and expression parts;
 * - `chain`: file i shares three odd values with file i + 1 (one group as long as the class);
 * - `variants`: variants on, every file answers with the next learner's numbers on every number part.
 */
export function craftedClass(kind: CraftedKind, count: number): FileReport[] {
  if (kind === 'groups') {
    const size = Math.ceil(count / 10);
    return Array.from({ length: count }, (_, i) => {
      const group = Math.floor(i / size);
      return craftedReport(
        pathOf(i),
        new Map(COMPARED_PARTS.map((part, k) => [part, `${0.123 + group + k / 1000}`])),
        `learner-${i}@uni.edu`,
      );
    });
  }
  if (kind === 'chain') {
    return Array.from({ length: count }, (_, i) => {
      const wrong = new Map<string, string>();
      for (const link of [i - 1, i]) {
        if (link < 0 || link >= count - 1) continue;
        for (let k = 0; k < 3; k++) wrong.set(COMPARED_PARTS[(3 * link + k) % COMPARED_PARTS.length]!, `${0.5 + link / 1e6 + k / 10}`);
      }
      return craftedReport(pathOf(i), wrong, `learner-${i}@uni.edu`);
    });
  }
  const learner = (i: number) => `s${String(i % count).padStart(5, '0')}@uni.edu`;
  return Array.from({ length: count }, (_, i) => {
    const wrong = new Map<string, string>();
    for (const e of EXERCISES) {
      const answers = e.answers(exerciseParams(e, learner(i + 1), true));
      for (const p of e.parts)
        if (p.kind === 'number' && typeof answers[p.id] === 'number') wrong.set(`${e.id}.${p.id}`, String(answers[p.id]));
    }
    return craftedReport(pathOf(i), wrong, learner(i), true);
  });
}
