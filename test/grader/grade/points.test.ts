/** Points per exercise or part (the course setting): the table, a file's points, and the setting's checks. */
import { describe, expect, it } from 'vitest';
import { defineCourse, settingsFromJson, settingsJson } from '../../../course.schema.ts';
import { EXERCISES } from '../../../exercises/index.ts';
import { createGrader } from '../../../grader/grade/grader.ts';
import { filePoints, isDefaultPoints, pointsProblems, pointsTable } from '../../../grader/grade/points.ts';
import { PARTS } from '../../support/course.ts';
import { answersFile, referenceAnswers } from '../class-fixtures.ts';

const { gradeText } = createGrader();

describe('points', () => {
  it("are 1 per part without the setting: a file's points are its parts correct", () => {
    const table = pointsTable();
    expect(table.total).toBe(PARTS);
    expect(isDefaultPoints(table)).toBe(true);
    const answers = referenceAnswers(undefined, false);
    answers['weight-scale']!.gradient_w_2 = 5;
    const report = gradeText(answersFile('a', answers), { path: 'a.json' });
    expect(filePoints(report, table)).toMatchObject({ points: report.score, maxPoints: PARTS });
  });

  it("share an exercise's points evenly between its parts, and take a part's own points", () => {
    // weight-scale has 5 parts: 10 points make 2 each; one wrong part costs 2 (worked by hand).
    const table = pointsTable({ 'weight-scale': 10, saturation: { ratio: 3 } });
    expect(table.total).toBe(PARTS - 5 + 10 + 2);
    const answers = referenceAnswers(undefined, false);
    answers['weight-scale']!.gradient_w_2 = 5;
    answers.saturation!.ratio = 1;
    const points = filePoints(gradeText(answersFile('a', answers), { path: 'a.json' }), table);
    expect(points.points).toBe(table.total - 2 - 3);
    expect(points.exercises.get('weight-scale')).toEqual({ points: 8, maxPoints: 10 });
  });

  it('are checked in the course settings, with a line naming each mistake', () => {
    expect(pointsProblems({ 'weight-scal': 2, saturation: { ratoi: 1, ratio: -1 }, 'relu-swap': 'five' })).toEqual([
      `unknown exercise 'weight-scal' (known: ${EXERCISES.map((e) => e.id).join(', ')})`,
      "saturation: unknown part 'ratoi' (known: dsigma_at_5, dsigma_at_0_5, ratio, factor_w10_at_5)",
      'saturation.ratio: points must be a number from 0 to 1000',
      'relu-swap: expected a number of points, or points per part',
    ]);
    expect(() => defineCourse({ title: 'T', points: { 'sigmoid-max': -1 } })).toThrow(
      '- **points**: sigmoid-max: points must be a number from 0 to 1000',
    );
  });

  it('travel with the other settings in course.json, read back the same', () => {
    const config = defineCourse({ title: 'T', variants: true, points: { 'sigmoid-max': 8 } });
    expect(settingsFromJson(settingsJson(config))).toEqual(config);
    expect(settingsFromJson(JSON.stringify({ ...config, base: '/vg/' }))).toEqual(config);
  });
});
