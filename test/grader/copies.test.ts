/** The copy finder against a hostile class (decisions: hostile classes): long chains, decoy drafts, and who gets named. */
import { describe, expect, it } from 'vitest';
import { copySteps, findCopies } from '../../grader/class/copies.ts';
import { classView } from '../../grader/class/view.ts';
import { copyLines } from '../../grader/report/class-section.ts';
import { createGrader } from '../../grader/grade/grader.ts';
import { generatedClass, variantClass } from './class-fixtures.ts';
import { COMPARED_PARTS, craftedClass } from './copy-fixtures.ts';

const { gradeText } = createGrader();

const grade = (files: { path: string; text: string }[], variants = false) =>
  files.map(({ path, text }) => gradeText(text, { path, variants }));

describe('the copy finder on a hostile class', () => {
  it('follows a chain of 9,000 files, each sharing three odd answers with the next, without running out of stack', () => {
    // The first version found a group's root recursively: this chain threw RangeError (stack overflow).
    const groups = findCopies(craftedClass('chain', 9_000));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.files).toHaveLength(9_000);
  });

  it('finds each of ten groups whole when each group shares an odd value on every part (every pair of 200 shares every number and expression part)', () => {
    const groups = findCopies(craftedClass('groups', 2_000));
    expect(groups.map((g) => g.files.length)).toEqual(Array(10).fill(200));
    // Every number and expression part, in the course's order: 16 for the post's five (19 parts, 3 of them choices).
    for (const group of groups) expect(group.parts).toEqual(COMPARED_PARTS);
  });

  it('runs in steps for the browser, pausing every few hundred files, with the same groups', () => {
    const reports = craftedClass('variants', 1_500);
    const steps = copySteps(reports);
    let pauses = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(3 * 5 + 3); // per 500 files: shared answers, each exercise's learners, each file's numbers
    expect(next.value).toEqual(findCopies(reports));
  });

  it("counts holders per learner: four decoy drafts of one learner do not make the ring's answers look common", () => {
    const ring = generatedClass().filter((f) => ['carol.json', 'dan.json', 'eve.json'].includes(f.path));
    const dan = ring.find((f) => f.path === 'dan.json')!;
    const decoys = [1, 2, 3, 4].map((n) => ({ path: `dan-draft-${n}.json`, text: dan.text }));
    // 7 files hold each answer (over the 5 that make an answer common), but only 3 learners do.
    const groups = findCopies(grade([...generatedClass(), ...decoys]));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.files.map((f) => f.path)).toEqual(['carol.json', 'dan.json', 'eve.json', ...decoys.map((d) => d.path)]);
  });

  it("a learner's own drafts are not a copy of each other", () => {
    const dan = generatedClass().find((f) => f.path === 'dan.json')!;
    expect(findCopies(grade([dan, { ...dan, path: 'dan-2.json' }, { ...dan, path: 'dan-3.json' }]))).toEqual([]);
  });

  it('without a roster, words the variant case about the answering file and names no one', () => {
    const graded = grade(variantClass(), true);
    const groups = findCopies(graded).filter((g) => g.kind === 'other-variant');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.files).toEqual([{ path: 'judy.json', learner: 'judy@uni.edu' }]);
    expect(groups[0]!.fits).toBeGreaterThanOrEqual(1);
    const [head] = copyLines(groups[0]!);
    expect(head).toMatch(
      /^judy\.json \(judy@uni\.edu\) answers with numbers that are not their own \(they fit the numbers of \d+ learners?\)$/,
    );
    expect(head).not.toContain('ivan');
  });

  it('with a roster, may name the roster learners whose numbers fit', () => {
    const graded = grade(variantClass(), true);
    const view = classView(graded, {
      roster: ['ivan@uni.edu', 'judy@uni.edu', 'ken@uni.edu'].map((learner) => ({ learner, key: learner })),
    });
    const group = view.copies.find((g) => g.kind === 'other-variant')!;
    expect(group.files.map((f) => f.learner)).toEqual(['judy@uni.edu', 'ivan@uni.edu']);
    expect(copyLines(group)[0]).toContain('on the roster: ivan@uni.edu');
  });
});
