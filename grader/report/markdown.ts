/**
 * A Markdown report for a CI job summary ($GITHUB_STEP_SUMMARY): a score
 * table for every file, then the parts to revisit and any problems. Learner
 * text is escaped so it always renders as text, never as Markdown or HTML.
 */
import { LABELS } from '../messages/report.ts';
import { passes, scoreText, summarize, type FormatOptions } from './facts.ts';
import type { FileReport } from '../schema.ts';
import { mdText as cell } from './md-escape.ts';
import { classView, showsClassSummary } from '../class/view.ts';
import { classMarkdown } from './class-section.ts';
import { reportVariantNumbers } from './variant-notes.ts';

/** The Markdown report. */
export function formatMarkdown(reports: readonly FileReport[], options: FormatOptions = {}): string {
  const { minScore = 0 } = options;
  const cols = LABELS.markdownColumns;
  const learners = reports.some((r) => r.learner !== undefined);
  const out: string[] = [
    `## ${cell(LABELS.heading(options.title ?? LABELS.courseTitle))}`,
    '',
    LABELS.summary(summarize(reports, minScore), minScore),
    '',
    `| ${cols.file} |${learners ? ` ${LABELS.markdownLearner} |` : ''} ${cols.status} | ${cols.score} | ${cols.result} |`,
    `|---|${learners ? '---|' : ''}---|---:|---|`,
    ...reports.map((r) => {
      const ok = passes(r, minScore);
      const result = ok
        ? `✅ ${LABELS.passed(minScore)}`
        : r.status === 'error'
          ? `❌ ${LABELS.fileError}`
          : `❌ ${LABELS.belowMark(minScore)}`;
      const learner = !learners
        ? ''
        : r.learner === undefined
          ? ' – |'
          : ` ${cell(LABELS.learnerCell(r.learner, r.status === 'error' ? undefined : r.variant === true))} |`;
      return `| ${cell(r.path)} |${learner} ${r.status} | ${r.status === 'graded' ? scoreText(r, options) : '–'} | ${result} |`;
    }),
  ];
  for (const report of reports) {
    const problems = [
      ...report.errors.map((p) => ({ kind: LABELS.error, p })),
      ...report.warnings.map((p) => ({ kind: LABELS.warning, p })),
    ];
    const open = report.exercises.flatMap((e) => e.parts.filter((p) => p.verdict !== 'correct').map((p) => ({ e, p })));
    if (problems.length > 0) {
      out.push('', `### ${cell(LABELS.markdownProblems(report.path))}`, '');
      out.push(...problems.map(({ kind, p }) => `- **${kind}** ${cell(LABELS.where(p.path, p.line, p.column))}: ${cell(p.message)}`));
    }
    if (open.length > 0) {
      const c = LABELS.markdownPartColumns;
      out.push('', `### ${cell(LABELS.markdownToRevisit(report.path))}`, '');
      out.push(`| ${c.exercise} | ${c.part} | ${c.verdict} | ${c.feedback} |`, '|---|---|---|---|');
      out.push(...open.map(({ e, p }) => `| ${cell(e.id)} | ${cell(p.id)} | ${LABELS.verdicts[p.verdict]} | ${cell(p.feedback)} |`));
      // Graded with the learner's own numbers: which, for each exercise with a part to revisit, to read the feedback against.
      const numbers = [...new Set(open.map(({ e }) => e.id))].flatMap((id) => {
        const line = reportVariantNumbers(report, id);
        return line === undefined ? [] : [`- ${cell(id)}: ${cell(line)}`];
      });
      if (numbers.length > 0) out.push('', ...numbers);
    }
  }
  if (showsClassSummary(reports, options)) out.push(...classMarkdown(classView(reports, options)));
  return `${out.join('\n')}\n`;
}
