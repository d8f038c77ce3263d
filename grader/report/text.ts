/** The default report: an aligned table per file with the feedback, for a terminal or a log. */
import { LABELS } from '../messages/report.ts';
import { visible } from './visible.ts';
import { passes, scoreText, summarize, type FormatOptions } from './facts.ts';
import type { FileReport, Problem, Verdict } from '../schema.ts';
import { classView, showsClassSummary } from '../class/view.ts';
import { classText } from './class-section.ts';
import { reportVariantNumbers } from './variant-notes.ts';

export interface TextOptions extends FormatOptions {
  /** ANSI colours; the CLI turns them on only for a terminal. */
  color?: boolean;
}

const MARKS: Record<Verdict, string> = { correct: '✓', incorrect: '✗', invalid: '!', missing: '·' };
const COLORS: Record<Verdict | 'error' | 'warning' | 'bold', string> = {
  correct: '32',
  incorrect: '31',
  invalid: '33',
  missing: '90',
  error: '31',
  warning: '33',
  bold: '1',
};

/** A readable report of every file, then a one-line summary. */
export function formatText(reports: readonly FileReport[], options: TextOptions = {}): string {
  const { color = false, minScore = 0 } = options;
  const paint = (kind: keyof typeof COLORS, text: string): string => (color ? `\u001b[${COLORS[kind]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const report of reports) {
    const status =
      report.status === 'error'
        ? paint('error', LABELS.fileError)
        : passes(report, minScore)
          ? scoreText(report, options)
          : paint('error', `${scoreText(report, options)} ${LABELS.belowMark(minScore)}`);
    out.push(`${paint('bold', oneLine(report.path))}  ${status}`);
    if (report.learner !== undefined)
      out.push(`  ${oneLine(LABELS.learner(report.learner, report.status === 'error' ? undefined : report.variant === true))}`);
    const problem = (kind: 'error' | 'warning', p: Problem): string =>
      `  ${paint(kind, LABELS[kind])} ${oneLine(`${LABELS.where(p.path, p.line, p.column)}: ${p.message}`)}`;
    if (report.status === 'error') out.push(...report.errors.map((p) => problem('error', p)));
    out.push(...report.warnings.map((p) => problem('warning', p)));
    const width = Math.max(0, ...report.exercises.flatMap((e) => e.parts.map((p) => p.id.length)));
    const verdictWidth = Math.max(...Object.values(LABELS.verdicts).map((v) => v.length));
    for (const exercise of report.exercises) {
      out.push(`  ${oneLine(exercise.id)}  ${exercise.score}/${exercise.maxScore}  ${oneLine(exercise.title)}`);
      // Graded with the learner's own numbers: say which, so the feedback below can be read against them. (The notes on keys that
      // keep the post's names follow in the feedback files and the template; a terminal table keeps to one line.)
      const numbers = reportVariantNumbers(report, exercise.id);
      if (numbers !== undefined) out.push(`    ${oneLine(numbers)}`);
      for (const part of exercise.parts) {
        const verdict = paint(part.verdict, `${MARKS[part.verdict]} ${LABELS.verdicts[part.verdict].padEnd(verdictWidth)}`);
        out.push(`    ${oneLine(part.id).padEnd(width)}  ${verdict}  ${oneLine(part.feedback)}`);
      }
    }
    out.push('');
  }
  if (showsClassSummary(reports, options)) out.push(...classText(classView(reports, options), oneLine), '');
  out.push(LABELS.summary(summarize(reports, minScore), minScore));
  return `${out.join('\n')}\n`;
}

/** Text stays on its row, and control and bidi characters from input (ANSI escapes too) are shown as code points. */
function oneLine(text: string): string {
  return visible(text);
}
