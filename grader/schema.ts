/**
 * The answers file and the grading report, as zod schemas: the schemas are the
 * source of truth and the types are derived from them (z.infer).
 *
 * zod/mini rather than classic zod: the exercise page grades forms in the
 * browser within a 60 KB gzip budget, and classic zod alone bundles to ~90 KB.
 * Grading imports only the types from here, so neither the browser's form
 * check nor the CLI's start-up pays for zod; test/grader/schema.test.ts holds
 * grade/grade-document.ts's envelope check to AnswerEnvelopeSchema.
 */
import * as z from 'zod/mini';
import { COURSE_ID, LEARNER_MAX_LENGTH, VERDICTS } from './constants.ts';
import { PROBLEM_CODES } from './messages/codes.ts';

export { LEARNER_MAX_LENGTH };

/**
 * One answer as written in the file.
 * @example 3.9e-7
 * @example "1.56 × 10^-5"
 * @example "1/4 - (s - 1/2)^2"
 * @example "better"
 * @example false
 */
export const AnswerValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/**
 * The answers to one exercise, by part id. An empty value (`null`) counts as missing.
 * @example { "gradient_relu": "1e-3", "improvement_factor": 64, "vanishing_gone": "no" }
 */
export const ExerciseAnswersSchema = z.record(z.string(), AnswerValueSchema);

/** The answers file (DESIGN.md: "The answer file"). A public format: keep it stable. */
export const AnswerFileSchema = z.object({
  /**
   * Optional; when present it must name this course.
   * @example "vanishing-gradients"
   */
  course: z.optional(z.literal(COURSE_ID)),
  /**
   * Optional; picks the learner's variant of the numbers when the course enables variants.
   * @example "ada@example.edu"
   */
  learner: z.optional(z.string().check(z.minLength(1), z.maxLength(LEARNER_MAX_LENGTH))),
  /**
   * Optional; when the file was saved (ISO 8601). The site's download writes it; the gradebook keeps each learner's latest file by it.
   * @example "2026-03-01T10:00:00.000Z"
   */
  submitted: z.optional(z.string()),
  /**
   * Answers by exercise id, then part id. Unknown ids are warnings, not errors.
   * @example { "saturation": { "ratio": 35.3 } }
   */
  answers: z.record(z.string(), ExerciseAnswersSchema),
});

/** An answers file as the browser form or the CLI reader hands it over. */
export type AnswerFile = z.infer<typeof AnswerFileSchema>;
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

/**
 * The rules a file must meet to be graded at all (else its status is `error`):
 * part values stay `unknown` here because a bad value fails only its own part
 * (`invalid`), never the file. grade/grade-document.ts's envelopeProblems applies these
 * rules without zod, and a property test holds it to failing the same fields as this schema.
 */
export const AnswerEnvelopeSchema = z.object({
  course: AnswerFileSchema.shape.course,
  learner: AnswerFileSchema.shape.learner,
  answers: z.record(z.string(), z.unknown()),
});

/**
 * A problem found while reading, validating or grading: data, worded by messages/problems.ts.
 * @example { "code": "not-a-number", "path": "answers.relu-swap.gradient_relu", "line": 24, "column": 5, "message": "could not read 'abc' as a number; …" }
 */
export const ProblemSchema = z.object({
  /** Dotted path into the file; "" is the file itself. @example "answers.relu-swap.gradient_relu" */
  path: z.string(),
  /** 1-based line, when known. @example 24 */
  line: z.optional(z.int()),
  /** 1-based column, when known. @example 5 */
  column: z.optional(z.int()),
  /** The sentence a person reads. */
  message: z.string(),
  /** Stable machine-readable kind, one of messages/codes.ts's codes. @example "duplicate-key" */
  code: z.enum(PROBLEM_CODES),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** A 1-based place in the source text. */
export interface Position {
  line: number;
  column: number;
}

/** correct | incorrect | invalid (could not be read, so not graded) | missing. */
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/** One part's verdict. */
export const PartReportSchema = z.object({
  /** The part id. @example "gradient_w_0_5" */
  id: z.string(),
  verdict: VerdictSchema,
  /** What the grader read and, when wrong, a pointer that does not give the answer away. @example "correct (read as 1.00 × 10⁻³)" */
  feedback: z.string(),
  /** How the input was read, when it could be read. @example "1 × 10⁻³" */
  readAs: z.optional(z.string()),
  /** Line of the answer in the file, when known (for CI annotations). @example 12 */
  line: z.optional(z.int()),
  /** The catalogued misconception the answer matched, when it matched one. @example "gradient_5_layers.one-factor-too-many" */
  misconception: z.optional(z.string()),
  /** For a lab challenge: the settings the challenge lets the learner change, as the setup set them. @example ["learning rate η=0.05", "number of epochs=300"] */
  settings: z.optional(z.array(z.string())),
});
export type PartReport = z.infer<typeof PartReportSchema>;

/** One exercise's parts and score. */
export const ExerciseReportSchema = z.object({
  /** @example "weight-scale" */
  id: z.string(),
  /** @example "Weight scale" */
  title: z.string(),
  /** Correct parts. @example 4 */
  score: z.int(),
  /** All parts. @example 5 */
  maxScore: z.int(),
  parts: z.array(PartReportSchema),
});
export type ExerciseReport = z.infer<typeof ExerciseReportSchema>;

/** One file's report (DESIGN.md: "The JSON report"). */
export const FileReportSchema = z.object({
  /** The path as given to the grader. @example "submissions/ada.yaml" */
  path: z.string(),
  /** `error` when the file could not be read or validated at all. */
  status: z.enum(['graded', 'error']),
  /** Correct parts over the whole file. @example 17 */
  score: z.int(),
  /** All parts of all exercises. @example 19 */
  maxScore: z.int(),
  /** File-level problems and `invalid` parts, each with its path and, where known, its line. */
  errors: z.array(ProblemSchema),
  /** Unknown ids and other surprises that do not fail the file. */
  warnings: z.array(ProblemSchema),
  exercises: z.array(ExerciseReportSchema),
  /** The learner named in the file, if any. @example "ada@example.edu" */
  learner: z.optional(z.string()),
  /** True when the learner's variant parameters were used. */
  variant: z.optional(z.boolean()),
  /** The file's `submitted:` time as written (ISO 8601; the site's download writes it), when given. @example "2026-03-01T10:00:00.000Z" */
  submitted: z.optional(z.string()),
});
export type FileReport = z.infer<typeof FileReportSchema>;

/** One part's verdict counts over a class's graded files. */
export const PartCountSchema = z.object({
  /** @example "weight-scale" */
  exercise: z.string(),
  /** @example "gradient_w_0_5" */
  part: z.string(),
  correct: z.int(),
  incorrect: z.int(),
  invalid: z.int(),
  missing: z.int(),
});
export type PartCount = z.infer<typeof PartCountSchema>;

/** How many graded files met one catalogued misconception. */
export const MisconceptionCountSchema = z.object({
  /** @example "saturation" */
  exercise: z.string(),
  /** @example "dsigma_at_5" */
  part: z.string(),
  /** The catalogue's id. @example "dsigma_at_5.sigma-not-derivative" */
  id: z.string(),
  /** @example 12 */
  count: z.int(),
});
export type MisconceptionCount = z.infer<typeof MisconceptionCountSchema>;

/** The roster held against the files (--roster). */
export const RosterCheckSchema = z.object({
  /** Learners on the roster. @example 30 */
  learners: z.int(),
  /** Roster learners with no file, as the roster writes them. @example ["grace@example.edu"] */
  missing: z.array(z.string()),
  /** Files whose learner is not on the roster, or that name no learner. */
  offRoster: z.array(z.object({ path: z.string(), learner: z.optional(z.string()) })),
  /** Learners with more than one file. */
  several: z.array(z.object({ learner: z.string(), paths: z.array(z.string()) })),
  /** Files that could not be read, by the learner their `learner:` line names (status `error`, never `missing`). */
  unreadable: z.optional(z.array(z.object({ learner: z.string(), path: z.string(), reason: z.string() }))),
});
export type RosterCheck = z.infer<typeof RosterCheckSchema>;

/** Files that may have been copied: the same wrong answers, or another learner's numbers. */
export const CopyGroupSchema = z.object({
  /** `shared-wrong-answers`: the files give the same uncatalogued wrong answers; `other-variant`: the first file answers with numbers that are not its learner's own. */
  kind: z.enum(['shared-wrong-answers', 'other-variant']),
  /** The files involved (for `other-variant`, the answering file, then roster learners whose numbers fit, if a roster was given). */
  files: z.array(z.object({ path: z.string(), learner: z.optional(z.string()) })),
  /** The parts that match, as `<exercise>.<part>`. @example ["deeper-network.gradient_5_layers"] */
  parts: z.array(z.string()),
  /** `other-variant`: how many learners' numbers fit those answers (only roster learners are ever named). @example 1 */
  fits: z.optional(z.int()),
});
export type CopyGroup = z.infer<typeof CopyGroupSchema>;

/** One lab challenge across a class: its verdicts, the settings learners chose and the failure reasons, most common first. */
export const ChallengeSummarySchema = z.object({
  /** @example "relu-learning-rate" */
  challenge: z.string(),
  correct: z.int(),
  incorrect: z.int(),
  invalid: z.int(),
  missing: z.int(),
  /** @example [{ "setting": "learning rate η=0.05", "count": 12 }] */
  settings: z.array(z.object({ setting: z.string(), count: z.int() })),
  /** @example [{ "reason": "dead-units", "count": 5 }] */
  reasons: z.array(z.object({ reason: z.string(), count: z.int() })),
});
export type ChallengeSummary = z.infer<typeof ChallengeSummarySchema>;

/** The whole JSON report: one entry per file and a summary. */
export const ReportSchema = z.object({
  files: z.array(FileReportSchema),
  summary: z.object({
    /** Files given. @example 1 */
    files: z.int(),
    /** Files that were read and graded. @example 1 */
    graded: z.int(),
    /** Files that could not be graded or that scored below --min-score. @example 0 */
    failed: z.int(),
    /** Of the graded files, those below --min-score (never counted in notRead). @example 0 */
    belowMark: z.int(),
    /** Files that could not be read or validated (status `error`). @example 0 */
    notRead: z.int(),
    /** Per exercise and part, how many graded files got each verdict. */
    parts: z.array(PartCountSchema),
    /** Each catalogued misconception met in the graded files, most frequent first. */
    misconceptions: z.array(MisconceptionCountSchema),
    /** With --roster: who has no file, whose file is not on the roster, who has several. */
    roster: z.optional(RosterCheckSchema),
    /** Groups of files that may have been copied; empty when none stands out. */
    copies: z.optional(z.array(CopyGroupSchema)),
    /** With points other than 1 per part (the course settings): the gradebook's total, and each file's points. */
    points: z.optional(z.object({ total: z.number(), files: z.array(z.object({ path: z.string(), points: z.number() })) })),
    /** Per lab challenge answered in the class: verdicts, settings used and failure reasons. */
    challenges: z.optional(z.array(ChallengeSummarySchema)),
  }),
});
export type Report = z.infer<typeof ReportSchema>;
