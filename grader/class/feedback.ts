/**
 * One Markdown feedback file per graded file (--feedback-dir), ready to send
 * back to the learner: their score, every part's verdict and feedback, and
 * the problems with their line numbers. Named by learner id, else by the
 * file's name; no path of the instructor's machine appears inside.
 */
import { FEEDBACK_FILE } from '../messages/class.ts';
import { LABELS } from '../messages/report.ts';
import { mdLiteral } from '../format/md.ts';
import { percent } from '../score.ts';
import type { FileReport, Problem } from '../schema.ts';

/** A feedback file: a safe file name (no folder) and its Markdown. */
export interface FeedbackFile {
  name: string;
  text: string;
}

/** Names that Windows refuses whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
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
  let name = raw.normalize('NFC').trim().replace(/[^\p{L}\p{N}._@+-]+/gu, '_').replace(/^[._]+|[._]+$/g, '');
  if (name.length > MAX_NAME) name = name.slice(0, MAX_NAME).replace(/[._]+$/, '');
  if (name === '' ) name = 'answers';
  return RESERVED.test(name.split('.')[0]!) ? `_${name}` : name;
}

/** A path that names the instructor's machine (POSIX absolute, Windows drive or UNC) becomes its last segment. */
function withoutAbsolutePaths(text: string, report: FileReport): string {
  const file = baseName(report.path);
  return text
    .split(report.path).join(file)
    .replace(/(?:[A-Za-z]:[\\/]|\\\\|\/)(?:[^\s'"()\\/]+[\\/])*([^\s'"()\\/]+)/g, (match, last: string, offset: number, whole: string) =>
      // A lone "/" between words (10/19, and/or) is not a path: only rewrite what starts a word.
      offset === 0 || /[\s'"(]/.test(whole[offset - 1]!) ? last : match);
}

/** The feedback files for these reports, one per file, with unique names ("ada@uni.edu.md", then "ada@uni.edu-2.md"). */
export function feedbackFiles(reports: readonly FileReport[]): FeedbackFile[] {
  const used = new Set<string>();
  return reports.map((report) => {
    const learner = report.learner?.trim();
    const stem = safeName(learner ? learner : baseName(report.path).replace(/\.(?:ya?ml|json)$/i, ''));
    let name = `${stem}.md`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}.md`;
    used.add(name.toLowerCase());
    return { name, text: feedbackMarkdown(report) };
  });
}

/** One learner's feedback as Markdown. */
export function feedbackMarkdown(report: FileReport): string {
  const clean = (text: string) => mdLiteral(withoutAbsolutePaths(text, report));
  const out = [`# ${FEEDBACK_FILE.title}`, ''];
  if (report.learner?.trim()) out.push(`- ${clean(FEEDBACK_FILE.learner(report.learner.trim()))}`);
  out.push(`- ${clean(FEEDBACK_FILE.file(baseName(report.path)))}`);
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
    out.push(`| ${c.part} | ${c.verdict} | ${c.feedback} |`, '|---|---|---|');
    out.push(...exercise.parts.map((p) => `| ${clean(p.id)} | ${LABELS.verdicts[p.verdict]} | ${clean(p.feedback)} |`));
  }
  if (report.status === 'graded' && report.score === report.maxScore) out.push('', FEEDBACK_FILE.allCorrect);
  out.push('', FEEDBACK_FILE.regrade);
  return `${out.join('\n')}\n`;
}
