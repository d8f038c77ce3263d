/**
 * Reports for the formatter tests: one graded with every verdict and a warning, one unreadable.
 * They are cut down to the post's five exercises, which the samples in the tests are written out for,
 * so that an exercise added to the manifest leaves them as they are.
 */
import { createGrader } from '../../../grader/grade/grader.ts';
import type { FileReport } from '../../../grader/schema.ts';
import { onlyExercises } from '../../support/course.ts';
import { POST_ANSWERS_YAML, POST_EXERCISE_IDS } from '../fixtures.ts';

const { gradeText, gradeAnswers } = createGrader();

export function sampleReports(): FileReport[] {
  const text = POST_ANSWERS_YAML.replace('gradient_6_layers: 9.75e-9', 'gradient_6_layers: 2.4e-10') // off by more than the tolerance
    .replace('ratio: 35.3', 'ratio: "<b>35</b> & \'more\'"') // invalid, with markup to escape
    .replace('    vanishing_gone: no\n', '') // missing
    .replace('  relu-swap:', '  relu-swp: {}\n  relu-swap:');
  return [
    gradeText(text, { path: 'submissions/ada.yaml' }),
    gradeText('answers:\n  a: 1\n  a: 2\n', { path: 'submissions/bad|file.yaml' }),
    gradeAnswers({ answers: {} }, { path: 'submissions/blank.json' }),
  ].map((report) => onlyExercises(report, POST_EXERCISE_IDS));
}
