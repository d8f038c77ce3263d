/**
 * The problem codes and the parameters each one carries: the catalogue's
 * keys, with no wording and no imports, so the report schema can type a
 * problem's `code` as exactly these (and nothing imports back into it).
 */

/** Parameters for each problem code; the code decides the wording (problems.ts). */
export interface ProblemParams {
  // The file as a whole: it could not be read or validated.
  /** `atLeast`: the file said it was smaller (a /proc file says 0), and reading stopped at `bytes`. */
  'too-large': { bytes: number; limit: number; atLeast?: boolean };
  'invalid-encoding': Record<string, never>;
  /** UTF-16 text saved without a byte-order mark (Notepad's "Unicode"): recognisable, but not read by guesswork. */
  'utf16-no-bom': { order: 'little-endian' | 'big-endian' };
  /** A known binary format (a PDF, a ZIP or Word file, an image…), named by its first bytes. */
  binary: { kind: string };
  syntax: { format: 'YAML' | 'JSON'; detail: string };
  /** `firstLine`: where the key first appears (the problem's own line is the repeat). */
  'duplicate-key': { key: string; firstLine?: number; line?: number };
  alias: Record<string, never>;
  tag: { tag: string };
  'too-deep': { limit: number };
  /** The YAML pre-check (yaml-precheck.ts): more of one structure than any answers file needs. */
  'too-complex': { what: 'brackets' | 'commas' | 'entries' | 'anchors' | 'indents'; limit: number };
  'complex-key': Record<string, never>;
  empty: Record<string, never>;
  'not-a-mapping': { got: string };
  'missing-answers': Record<string, never>;
  'invalid-answers': { got: string };
  'wrong-course': { got: string };
  'invalid-learner': { got: string; limit: number };
  /** Variants are on, and the file names no learner (or a blank one): whose numbers to grade against is unknown. */
  'no-learner': Record<string, never>;
  unreadable: { detail: string };
  unlisted: { detail: string };
  /** A symbolic link the folder walk would not follow: it leads outside the graded folder, or in a loop. */
  symlink: { reason: 'outside' | 'loop' | 'broken' };
  internal: { detail: string };
  // One exercise or one part: the part is `invalid`, the rest is graded.
  'invalid-exercise': { exercise: string; got: string };
  'wrong-type': { got: string; expected: string };
  'not-a-number': { text: string };
  /** A number part's text longer than any accepted way of writing a number. */
  'number-too-long': { length: number; limit: number };
  /** Arithmetic such as 0.4^3: readable, but a number part takes the value, not the working. */
  calculation: { text: string };
  'not-finite': { text: string };
  /** `fraction`: the learner's own percentage as a fraction ("0.064" for "6.4%"), when it reads as one. */
  percent: { text: string; fraction?: string };
  /** `dotted`: the learner's own text with the comma as a point ("0.25" for "0,25"). */
  'decimal-comma': { text: string; dotted: string };
  'bad-expression': { detail: string; column: number };
  'expression-too-long': { length: number; limit: number };
  'expression-too-deep': { limit: number };
  'not-a-choice': { text: string; choices: readonly string[] };
  // Warnings: reported, never failing the file.
  'unknown-key': { key: string; suggestion?: string };
  'unknown-exercise': { exercise: string; suggestion?: string };
  'unknown-part': { exercise: string; part: string; suggestion?: string; owner?: string };
  /** Variants are off, but the file names a learner: graded against the post's numbers, which may not be theirs. */
  'learner-ignored': { learner: string };
  /** The folder walk reached this file under another name too (a symbolic link, or a path given twice); it is graded once, here. */
  'also-reached': { spelling: string; link: boolean };
  /** The browser's class report: another chosen file has the same bytes and modification time (a link, or a copy kept with its time). */
  'same-file': { path: string };
  'too-many-problems': { count: number };
}

export type ProblemCode = keyof ProblemParams;

/** Every code, for the report schema's enum; the check below keeps it equal to ProblemParams' keys. */
export const PROBLEM_CODES = [
  'too-large',
  'invalid-encoding',
  'utf16-no-bom',
  'binary',
  'syntax',
  'duplicate-key',
  'alias',
  'tag',
  'too-deep',
  'too-complex',
  'complex-key',
  'empty',
  'not-a-mapping',
  'missing-answers',
  'invalid-answers',
  'wrong-course',
  'invalid-learner',
  'no-learner',
  'unreadable',
  'unlisted',
  'symlink',
  'internal',
  'invalid-exercise',
  'wrong-type',
  'not-a-number',
  'number-too-long',
  'calculation',
  'not-finite',
  'percent',
  'decimal-comma',
  'bad-expression',
  'expression-too-long',
  'expression-too-deep',
  'not-a-choice',
  'unknown-key',
  'unknown-exercise',
  'unknown-part',
  'learner-ignored',
  'also-reached',
  'same-file',
  'too-many-problems',
] as const satisfies readonly ProblemCode[];

// Fails to compile when a code is added to ProblemParams but not to PROBLEM_CODES.
type Missing = Exclude<ProblemCode, (typeof PROBLEM_CODES)[number]>;
const everyCodeListed: [Missing] extends [never] ? true : Missing = true;
void everyCodeListed;
