/**
 * One Markdown feedback file per graded file (--feedback-dir), ready to send
 * back to the learner: their score, every part's verdict and feedback, and
 * the problems with their line numbers. A learner id in a file is whatever
 * the learner typed, so it names a feedback file only when it is on the
 * roster and no other file claims it (as its case-folded key); every other
 * file is named by its path relative to the graded folder. Each file says
 * which submission it is for; no path of the instructor's machine appears.
 */
import { learnerKey } from '../../exercises/index.ts';
import { FEEDBACK_FILE } from '../messages/class.ts';
import { LABELS } from '../messages/report.ts';
import { mdLiteral } from '../report/md-escape.ts';
import { reportVariantNotes } from '../report/variant-notes.ts';
import { percent } from '../grade/score.ts';
import type { FileReport, Problem } from '../schema.ts';

/** A feedback file: a safe file name (no folder) and its Markdown. */
export interface FeedbackFile {
  name: string;
  text: string;
}

/** Names that Windows refuses whatever the extension (it takes COM¹ and LPT³ for COM1 and LPT3, so any digit counts). */
const RESERVED = /^(?:con|prn|aux|nul|com\p{N}|lpt\p{N})$/iu;
/** Characters (code points, so a cut never splits a surrogate pair) kept of a name, before `-2` and `.md`. */
const MAX_NAME = 80;

/** The last segment of a path, with either separator. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/**
 * A file name from a learner id or a file's name: letters, digits, `. _ - @`
 * and `+` kept, anything else (slashes, colons, spaces, control characters)
 * becomes `_`; no leading dot, at most 80 characters, never a reserved name.
 */
export function safeName(raw: string): string {
  let name = raw
    .normalize('NFC')
    .trim()
    .replace(/[^\p{L}\p{N}._@+-]+/gu, '_')
    .replace(/^[._]+|[._]+$/g, '');
  const chars = [...name];
  if (chars.length > MAX_NAME)
    name = chars
      .slice(0, MAX_NAME)
      .join('')
      .replace(/[._]+$/, '');
  if (name === '') name = 'answers';
  return RESERVED.test(name.split('.')[0]!.trim()) ? `_${name}` : name;
}

/** Each path without the folders all of them share: the submission's path relative to the graded folder. */
export function relativePaths(paths: readonly string[]): string[] {
  const split = paths.map((p) => p.split(/[\\/]/));
  let shared = 0;
  const shortest = Math.min(...split.map((s) => s.length - 1));
  while (shared < shortest && split.every((s) => s[shared] === split[0]![shared])) shared++;
  return split.map((s) =>
    s
      .slice(shared)
      .filter((x) => x !== '' && x !== '.')
      .join('/'),
  );
}

/** A path that names the instructor's machine (POSIX absolute, Windows drive or UNC) becomes its last segment. */
function withoutAbsolutePaths(text: string, report: FileReport): string {
  const file = baseName(report.path);
  return text
    .split(report.path)
    .join(file)
    .replace(/(?:[A-Za-z]:[\\/]|\\\\|\/)(?:[^\s'"()\\/]+[\\/])*([^\s'"()\\/]+)/g, (match, last: string, offset: number, whole: string) =>
      // A lone "/" between words (10/19, and/or) is not a path: only rewrite what starts a word.
      offset === 0 || /[\s'"(]/.test(whole[offset - 1]!) ? last : match,
    );
}

export interface FeedbackOptions {
  /** The roster's learner keys (learnerKey): only an id on it names a feedback file. */
  roster?: readonly { key: string }[];
  /** The course's title (course.config.ts), which heads each file. */
  title?: string;
}

/**
 * The feedback files for these reports, one per file, with names unique even on a case-insensitive disk
 * (compared case-folded, as learner ids are): "ada@uni.edu.md" for the one file claiming roster id
 * Ada@Uni.edu, "hw1-zoe_answers.yaml.md" for submissions/hw1-zoe/answers.yaml, then "-2" on a clash.
 */
export function feedbackFiles(reports: readonly FileReport[], options: FeedbackOptions = {}): FeedbackFile[] {
  const onRoster = new Set((options.roster ?? []).map((r) => r.key));
  const claims = new Map<string, number>();
  for (const report of reports) {
    const key = report.learner === undefined ? '' : learnerKey(report.learner);
    if (onRoster.has(key)) claims.set(key, (claims.get(key) ?? 0) + 1);
  }
  const relative = relativePaths(reports.map((r) => r.path));
  const used = new Set<string>();
  return reports.map((report, i) => {
    const key = report.learner === undefined ? '' : learnerKey(report.learner);
    const stem = safeName(claims.get(key) === 1 ? key : relative[i]!);
    let name = `${stem}.md`;
    for (let n = 2; used.has(fold(name)); n++) name = `${stem}-${n}.md`;
    used.add(fold(name));
    return { name, text: feedbackMarkdown(report, relative[i]!, options.title) };
  });
}

/** A file name as a case-insensitive disk compares it (and as learner ids are compared). */
export function fold(name: string): string {
  return learnerKey(name);
}

/** One learner's feedback as Markdown. */
export function feedbackMarkdown(report: FileReport, path = baseName(report.path), title: string = LABELS.courseTitle): string {
  const clean = (text: string) => mdLiteral(withoutAbsolutePaths(text, report));
  const out = [`# ${mdLiteral(FEEDBACK_FILE.title(title))}`, ''];
  if (report.learner?.trim()) out.push(`- ${clean(FEEDBACK_FILE.learner(report.learner.trim()))}`);
  out.push(`- ${clean(FEEDBACK_FILE.file(path))}`);
  if (report.status === 'graded') {
    out.push(`- ${FEEDBACK_FILE.score(report.score, report.maxScore, Math.floor(percent(report)))}`);
    if (report.variant !== undefined) out.push(`- ${FEEDBACK_FILE.variant(report.variant)}`);
  }
  const line = (kind: string, p: Problem) => `- **${kind}** ${clean(LABELS.where(p.path, p.line, p.column))}: ${clean(p.message)}`;
  if (report.status !== 'graded') out.push('', FEEDBACK_FILE.notGraded, '', ...report.errors.map((p) => line(LABELS.error, p)));
  else if (report.errors.length > 0) out.push('', `## ${FEEDBACK_FILE.problems}`, '', ...report.errors.map((p) => line(LABELS.error, p)));
  if (report.warnings.length > 0) out.push('', `## ${FEEDBACK_FILE.warnings}`, '', ...report.warnings.map((p) => line(LABELS.warning, p)));
  for (const exercise of report.exercises) {
    const c = FEEDBACK_FILE.columns;
    out.push('', `## ${clean(exercise.title)} (${exercise.id}): ${exercise.score}/${exercise.maxScore}`, '');
    const notes = reportVariantNotes(report, exercise.id);
    if (notes.length > 0) out.push(...notes.map((note) => `- ${clean(note)}`), '');
    out.push(`| ${c.part} | ${c.verdict} | ${c.feedback} |`, '|---|---|---|');
    out.push(...exercise.parts.map((p) => `| ${clean(p.id)} | ${LABELS.verdicts[p.verdict]} | ${clean(p.feedback)} |`));
  }
  if (report.status === 'graded' && report.score === report.maxScore) out.push('', FEEDBACK_FILE.allCorrect);
  out.push('', FEEDBACK_FILE.regrade);
  return `${out.join('\n')}\n`;
}
