import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHALLENGE_IDS } from '../../../exercises/challenges/index.ts';
import { EXERCISES } from '../../../exercises/index.ts';
import { createGrader } from '../../../grader/grade/grader.ts';
import { readAnswersText } from '../../../grader/read/answers-file.ts';
import { blankTemplate } from '../../../grader/report/answers-template.ts';
import { PARTS_WITH_CHALLENGES } from '../../support/course.ts';

const { gradeText } = createGrader();

describe('blankTemplate', () => {
  const template = blankTemplate();

  it('names every exercise and part, with each question as a comment above its part', () => {
    const lines = template.split('\n');
    for (const exercise of EXERCISES) {
      expect(lines).toContain(`  ${exercise.id}:`);
      for (const part of exercise.parts) {
        const at = lines.indexOf(`    ${part.id}:`);
        expect(at).toBeGreaterThan(0);
        expect(lines[at - 1]).toContain(`# ${part.question}`);
      }
    }
  });

  it("mentions the post's parameter values and how to grade the file", () => {
    expect(template).toContain("# The post's numbers: w = 0.1, the number of hidden layers = 4.");
    expect(template).toContain('npm run grade -- answers.yaml');
    expect(template).toContain('(better | worse)');
  });

  it('reads back as the course, no learner and every part empty', () => {
    const read = readAnswersText(template, 'answers.yaml');
    expect(read.ok && JSON.parse(JSON.stringify(read.data))).toEqual({
      course: 'vanishing-gradients',
      answers: {
        ...Object.fromEntries(EXERCISES.map((e) => [e.id, Object.fromEntries(e.parts.map((p) => [p.id, null]))])),
        ...Object.fromEntries(CHALLENGE_IDS.map((id) => [id, null])),
      },
    });
    const report = gradeText(template, { path: 'answers.yaml' });
    expect(report).toMatchObject({ status: 'graded', score: 0, maxScore: PARTS_WITH_CHALLENGES, warnings: [], errors: [] });
    expect(report.exercises.flatMap((e) => e.parts).every((p) => p.verdict === 'missing')).toBe(true);
  });
});

describe('a template made for one learner', () => {
  it('reads back with exactly the learner id given, whatever characters it holds', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((id) => id.trim() !== ''),
        fc.boolean(),
        (id, variants) => {
          const read = readAnswersText(blankTemplate({ learner: id, variants }), 'answers.yaml');
          expect(read.ok && (read.data as { learner?: unknown }).learner).toBe(id.trim());
        },
      ),
      { numRuns: 300 },
    );
    for (const id of [
      'a: b',
      '#x',
      "it's",
      'say "hi"',
      '- item',
      'line\nbreak',
      'tab\there',
      'a\u2028b',
      ' padded ',
      '[x]',
      '&anchor',
      '*alias',
    ]) {
      const read = readAnswersText(blankTemplate({ learner: id, variants: true }), 'answers.yaml');
      expect(read.ok && (read.data as { learner?: unknown }).learner).toBe(id.trim());
    }
  });

  it("shows the post's numbers when variants are off, and grades as nothing answered either way", () => {
    const off = blankTemplate({ learner: 'ada@example.edu', variants: false });
    expect(off).toContain("# The post's numbers: w = 0.1, the number of hidden layers = 4.");
    expect(off).not.toContain('Your numbers');
    const on = blankTemplate({ learner: 'ada@example.edu', variants: true });
    for (const text of [off, on]) {
      const report = gradeText(text, { path: 'answers.yaml', variants: true });
      expect(report).toMatchObject({ status: 'graded', score: 0, learner: 'ada@example.edu', variant: true, errors: [] });
    }
  });
});
