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
    expect(template).toContain("# The post's numbers: w = 0.1, depth = 4.");
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
