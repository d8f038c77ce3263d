/**
 * The course's one score for the LMS: correct parts over all parts of the
 * course's exercises, as the grader scores a file, reported as a percentage
 * (SCORM 1.2 LMSes expect raw in 0–100: Moodle's datamodel and scorm-again
 * check that range) and, for 2004, scaled to [0, 1].
 */

/** One exercise's last check: correct parts and all parts. */
export interface ExerciseScore {
  correct: number;
  total: number;
}

export interface CourseScore {
  /** Percent of all parts correct, two decimals at most (1.2's CMIDecimal). */
  percent: number;
  /** percent / 100, for 2004's cmi.score.scaled. */
  scaled: number;
  /** Every exercise has been checked at least once. */
  completed: boolean;
  /** Against the passing percent: passed once reached; failed when every exercise is checked and it is not; else unknown. */
  success: 'passed' | 'failed' | 'unknown';
}

/**
 * The course score from each exercise's last check (absent: never checked, all its parts count as not correct).
 * `partCounts` lists every exercise of the course with its number of parts.
 */
export function courseScore(
  partCounts: Readonly<Record<string, number>>,
  checked: Readonly<Record<string, ExerciseScore | undefined>>,
  passingPercent: number | undefined,
): CourseScore {
  let correct = 0;
  let total = 0;
  let completed = true;
  for (const [id, parts] of Object.entries(partCounts)) {
    total += parts;
    const result = checked[id];
    if (result) correct += Math.min(result.correct, parts);
    else completed = false;
  }
  const percent = total === 0 ? 0 : Math.round((correct / total) * 10000) / 100;
  const scaled = Math.round(percent * 100) / 10000;
  const success = passingPercent === undefined ? 'unknown' : percent >= passingPercent ? 'passed' : completed ? 'failed' : 'unknown';
  return { percent, scaled, completed, success };
}

/** The passing percent from what the LMS says (1.2 mastery_score 0–100, 2004 scaled_passing_score −1…1), else the course's own. */
export function passingPercent(version: '1.2' | '2004', fromLms: string, fromCourse: number | undefined): number | undefined {
  const value = fromLms.trim() === '' ? NaN : Number(fromLms);
  if (Number.isFinite(value)) return version === '2004' ? value * 100 : value;
  return fromCourse;
}
