/**
 * Course settings, validated by course.schema.ts (a mistake fails the build
 * and the grader with a message naming the field).
 */
import { defineCourse } from './course.schema.ts';

/**
 * COURSE_VARIANTS=on or off overrides the `variants` default for one build or grading run,
 * so an instructor can deploy and grade with variants without editing this file.
 */
function variantsSetting(fallback: boolean): boolean {
  const value = process.env.COURSE_VARIANTS?.trim();
  if (!value) return fallback;
  if (value === 'on' || value === 'off') return value === 'on';
  throw new Error(`COURSE_VARIANTS must be "on" or "off", not "${value}".`);
}

export default defineCourse({
  /** The site's title, the heading of the grader's Markdown report and the name of the LMS gradebooks' column. */
  title: 'Vanishing Gradients',
  /** Per-learner variants of the numbers, picked by `learner:` in the answers file. */
  variants: variantsSetting(false),
  /** Percent of parts correct that counts as passing: the exercises page, the SCORM packages' passed/failed, the class summary. */
  passingScore: 80,
});
