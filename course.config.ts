/**
 * Course settings, validated by grader/course.ts (a mistake fails the build
 * and the grader with a message naming the field).
 */
import { defineCourse } from './grader/course.ts';

export default defineCourse({
  title: 'Vanishing Gradients',
  /** Per-learner variants of the numbers, picked by `learner:` in the answers file. */
  variants: false,
  /** Percent of parts correct that the site shows as passing. */
  passingScore: 80,
});
