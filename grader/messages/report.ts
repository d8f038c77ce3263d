/** The report's own words: labels, headings and the summary the formatters print around the data. */

/** Words the report formatters print around the data. */
export const LABELS = {
  /** The course title when the caller passes no course settings (the CLI and the class report always pass theirs). */
  courseTitle: 'Vanishing Gradients',
  /** The Markdown report's heading, after the course title (course.config.ts). */
  heading: (title: string) => `${title} — grading report`,
  verdicts: { correct: 'correct', incorrect: 'incorrect', invalid: 'invalid', missing: 'missing' },
  error: 'error',
  warning: 'warning',
  fileError: 'could not be graded',
  where: (path: string, line?: number, column?: number) =>
    `${path || '(file)'}${line === undefined ? '' : ` (line ${line}${column === undefined ? '' : `, column ${column}`})`}`,
  /** "200 files: 194 graded (92 below the pass mark of 80%), 6 not read": three counts that never overlap. */
  summary: (s: { files: number; graded: number; belowMark: number; notRead: number }, minScore: number) =>
    `${s.files} ${s.files === 1 ? 'file' : 'files'}: ${s.graded} graded` +
    (minScore > 0 ? ` (${s.belowMark} below the pass mark of ${minScore}%)` : '') +
    `, ${s.notRead} not read`,
  /** `variant` undefined: the file was not graded (its learner read from its `learner:` line). */
  learner: (learner: string, variant: boolean | undefined) =>
    `learner ${learner}: ${variant === undefined ? 'not graded' : variant ? 'graded with their own variant' : "graded against the post's numbers"}`,
  learnerCell: (learner: string, variant: boolean | undefined) =>
    `${learner} (${variant === undefined ? 'not graded' : variant ? 'own variant' : "post's numbers"})`,
  markdownLearner: 'Learner',
  junitLearner: 'learner',
  junitVariant: 'variant',
  /** With no pass mark (--min-score 0) every graded file "passes", so the result only says it was graded. */
  passed: (minScore: number) => (minScore > 0 ? `reached ${minScore}%` : 'graded'),
  belowMark: (minScore: number) => `below ${minScore}%`,
  markdownColumns: { file: 'File', status: 'Status', score: 'Score', result: 'Result' },
  markdownPartColumns: { exercise: 'Exercise', part: 'Part', verdict: 'Verdict', feedback: 'Feedback' },
  markdownToRevisit: (path: string) => `Parts to revisit in ${path}`,
  markdownProblems: (path: string) => `Problems in ${path}`,
  allCorrect: 'Every part is correct.',
  /** The JUnit document's name: fixed, not the course title, because the class walk knows the grader's own reports by it (class/files.ts). */
  junitSuite: 'vanishing-gradients',
  junitReadCase: 'read and validate the file',
};
