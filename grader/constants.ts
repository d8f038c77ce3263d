/** The answers file's domain constants, shared by the schema, the grader and its wording (no imports, so no cycle). */

/** The course id an answers file may name in `course:`. */
export const COURSE_ID = 'vanishing-gradients';
/** The longest `learner` accepted; an email or a student id fits with room to spare. */
export const LEARNER_MAX_LENGTH = 200;

/** A part's verdicts, in the order reports count them (grading policy: DESIGN.md). */
export const VERDICTS = ['correct', 'incorrect', 'invalid', 'missing'] as const;

/** The largest answers file read, in bytes (DESIGN.md: reliability); a bigger one is reported too large, never read whole. */
export const MAX_BYTES = 256 * 1024;
