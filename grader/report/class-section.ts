/**
 * The class summary that ends the text and Markdown reports: the score
 * distribution, verdict counts and pass rates per part, the most common
 * misconceptions, the roster check and possible copies. Learner text is
 * kept on one line (text) or escaped (Markdown).
 */
import { formatNumber } from '../../engine/format.ts';
import { EXERCISES } from '../../exercises/index.ts';
import { passRate } from '../class/summary.ts';
import type { ClassView } from '../class/view.ts';
import { TOP_SETTINGS } from '../class/challenge-summary.ts';
import { CHALLENGE_CLASS } from '../messages/challenges.ts';
import { CLASS } from '../messages/class.ts';
import type { ChallengeSummary, CopyGroup } from '../schema.ts';
import { mdText } from './md-escape.ts';

/** Misconceptions in the Markdown table; the rest are folded under a <details> (the text report lists them all). */
const TOP_MISCONCEPTIONS = 10;

/** What a catalogued misconception is: its feedback under the post's numbers (the catalogue's own words). */
export function misconceptionDescription(exercise: string, id: string): string {
  const definition = EXERCISES.find((e) => e.id === exercise);
  const found = definition?.misconceptions(definition.canonical).find((m) => m.id === id || `${m.part}.${m.id}` === id);
  return found?.feedback ?? '';
}
/** Names listed under one roster heading before "… and N more". */
const MAX_LISTED = 50;
/** Width of the longest bar in the text histogram. */
const BAR = 30;

const percentText = (rate: number) => `${Math.floor(100 * rate)}%`;
const mean = (x: number) => formatNumber(x, { sig: 3, group: false });

/** The class summary as plain text lines. */
export function classText(view: ClassView, oneLine: (text: string) => string): string[] {
  const out = ['', `== ${CLASS.title} ==`, '', CLASS.distribution];
  const { distribution: d } = view;
  if (d.graded === 0) out.push(`  ${CLASS.noneGraded}`);
  else {
    out.push(
      `  ${CLASS.statistics({ graded: d.graded, mean: mean(d.mean!), median: mean(d.median!), min: d.min!, max: d.max!, maxScore: d.maxScore })}`,
    );
    if (d.passing) out.push(`  ${CLASS.passing(d.passing.files, d.graded, d.passing.score)}`);
    const widest = Math.max(1, ...d.bands.map((b) => b.files));
    for (const band of d.bands) {
      out.push(
        `  ${CLASS.band(band.from, band.to).padStart(7)}  ${'█'.repeat(Math.round((BAR * band.files) / widest)).padEnd(BAR)}  ${band.files}`,
      );
    }
  }
  const c = CLASS.partColumns;
  const width = Math.max(c.part.length, ...view.parts.map((p) => `${p.exercise}.${p.part}`.length));
  out.push(
    '',
    CLASS.parts,
    `  ${c.part.padEnd(width)}  ${[c.correct, c.incorrect, c.invalid, c.missing, c.rate].map((h) => h.padStart(9)).join(' ')}`,
  );
  for (const p of view.parts) {
    const cells = [p.correct, p.incorrect, p.invalid, p.missing].map((n) => String(n).padStart(9));
    out.push(`  ${`${p.exercise}.${p.part}`.padEnd(width)}  ${[...cells, percentText(passRate(p)).padStart(9)].join(' ')}`);
  }
  out.push('', CLASS.misconceptions);
  if (view.misconceptions.length === 0) out.push(`  ${CLASS.noMisconceptions}`);
  const partWidth = Math.max(0, ...view.misconceptions.map((m) => `${m.exercise}.${m.part}`.length));
  for (const m of view.misconceptions) {
    out.push(`  ${String(m.count).padStart(5)}  ${`${m.exercise}.${m.part}`.padEnd(partWidth)}  ${m.id}`);
    const description = misconceptionDescription(m.exercise, m.id);
    if (description) out.push(`  ${''.padStart(5)}  ${''.padEnd(partWidth)}  ${oneLine(description)}`);
  }
  if (view.challenges) {
    out.push('', CHALLENGE_CLASS.title);
    for (const c of view.challenges) out.push(...challengeLines(c).map((l, i) => `${i === 0 ? '  ' : '    '}${oneLine(l)}`));
  }
  if (view.roster) {
    const r = view.roster;
    out.push('', CLASS.roster, `  ${CLASS.rosterLine(r.learners, r.missing.length, r.offRoster.length, r.several.length)}`);
    const list = (heading: string, items: string[]) => {
      if (items.length === 0) return;
      out.push(`  ${heading}:`, ...items.slice(0, MAX_LISTED).map((i) => `    ${oneLine(i)}`));
      if (items.length > MAX_LISTED) out.push(`    ${CLASS.more(items.length - MAX_LISTED)}`);
    };
    list(CLASS.missing, r.missing);
    list(
      CLASS.unreadable,
      (r.unreadable ?? []).map((u) => `${u.learner}: ${u.path}: ${u.reason}`),
    );
    list(
      CLASS.offRoster,
      r.offRoster.map((f) => `${f.path}  ${f.learner ?? CLASS.noLearner}`),
    );
    list(
      CLASS.several,
      r.several.map((s) => `${s.learner}: ${s.paths.join(', ')}`),
    );
  }
  out.push('', ...gradebookText(view).map((l, i) => (i === 0 ? l : `  ${oneLine(l)}`)));
  out.push('', CLASS.copies);
  if (view.copies.length === 0) out.push(`  ${CLASS.noCopies}`);
  for (const group of view.copies) out.push(...copyLines(group).map((l, i) => `${i === 0 ? '  ' : '    '}${oneLine(l)}`));
  return out;
}

/** The class summary as Markdown lines. */
export function classMarkdown(view: ClassView): string[] {
  const out = ['', `## ${CLASS.title}`, '', `### ${CLASS.distribution}`, ''];
  const { distribution: d } = view;
  if (d.graded === 0) out.push(CLASS.noneGraded);
  else {
    out.push(
      CLASS.statistics({ graded: d.graded, mean: mean(d.mean!), median: mean(d.median!), min: d.min!, max: d.max!, maxScore: d.maxScore }),
      '',
    );
    if (d.passing) out.push(CLASS.passing(d.passing.files, d.graded, d.passing.score), '');
    out.push('| Score | Files |', '|---|---:|', ...d.bands.map((b) => `| ${CLASS.band(b.from, b.to)} | ${b.files} |`));
  }
  const c = CLASS.partColumns;
  out.push(
    '',
    `### ${CLASS.parts}`,
    '',
    `| ${c.part} | ${c.correct} | ${c.incorrect} | ${c.invalid} | ${c.missing} | ${c.rate} |`,
    '|---|---:|---:|---:|---:|---:|',
  );
  out.push(
    ...view.parts.map(
      (p) =>
        `| ${mdText(`${p.exercise}.${p.part}`)} | ${p.correct} | ${p.incorrect} | ${p.invalid} | ${p.missing} | ${percentText(passRate(p))} |`,
    ),
  );
  const m = CLASS.misconceptionColumns;
  out.push('', `### ${CLASS.misconceptions}`, '');
  if (view.misconceptions.length === 0) out.push(CLASS.noMisconceptions);
  else {
    const row = (x: (typeof view.misconceptions)[number]) =>
      `| ${mdText(`${x.exercise}.${x.part}`)} | ${mdText(x.id)} | ${mdText(misconceptionDescription(x.exercise, x.id))} | ${x.count} |`;
    const head = [`| ${m.part} | ${m.id} | ${m.description} | ${m.count} |`, '|---|---|---|---:|'];
    out.push(...head, ...view.misconceptions.slice(0, TOP_MISCONCEPTIONS).map(row));
    const rest = view.misconceptions.slice(TOP_MISCONCEPTIONS);
    // The long tail folded, not dropped: every misconception met is listed with what it is.
    if (rest.length > 0)
      out.push('', `<details><summary>${CLASS.more(rest.length)}</summary>`, '', ...head, ...rest.map(row), '', '</details>');
  }
  if (view.challenges) {
    out.push('', `### ${CHALLENGE_CLASS.title}`, '');
    for (const c of view.challenges) {
      const [head, ...rest] = challengeLines(c);
      out.push(`- ${mdText(head!)}`, ...rest.map((l) => `  - ${mdText(l)}`));
    }
  }
  if (view.roster) {
    const r = view.roster;
    out.push('', `### ${CLASS.roster}`, '', CLASS.rosterLine(r.learners, r.missing.length, r.offRoster.length, r.several.length));
    const list = (heading: string, items: string[]) => {
      if (items.length === 0) return;
      out.push('', `**${heading}:**`, '', ...items.slice(0, MAX_LISTED).map((i) => `- ${mdText(i)}`));
      if (items.length > MAX_LISTED) out.push(`- ${CLASS.more(items.length - MAX_LISTED)}`);
    };
    list(CLASS.missing, r.missing);
    list(
      CLASS.unreadable,
      (r.unreadable ?? []).map((u) => `${u.learner}: ${u.path}: ${u.reason}`),
    );
    list(
      CLASS.offRoster,
      r.offRoster.map((f) => `${f.path} ${f.learner ?? CLASS.noLearner}`),
    );
    list(
      CLASS.several,
      r.several.map((s) => `${s.learner}: ${s.paths.join(', ')}`),
    );
  }
  const [heading, ...lines] = gradebookText(view);
  out.push('', `### ${heading}`, '', ...lines.filter((l) => l !== '').map((l) => `- ${mdText(l.trim())}`));
  out.push('', `### ${CLASS.copies}`, '');
  if (view.copies.length === 0) out.push(CLASS.noCopies);
  for (const group of view.copies) {
    const [head, ...rest] = copyLines(group);
    out.push(`- ${mdText(head!)}`, ...rest.map((l) => `  - ${mdText(l)}`));
  }
  return out;
}

/** The gradebook's facts: its total points and --keep policy, the files kept and not counted, and the files to check by hand. */
function gradebookText(view: ClassView): string[] {
  const book = view.gradebook;
  const out = ['', CLASS.gradebook, CLASS.gradebookLine(book.points.total, book.keep)];
  for (const row of book.rows)
    if (row.report && row.others.length > 0)
      out.push(
        CLASS.kept(
          row.learner,
          row.report.path,
          row.others.map((o) => o.path),
        ),
      );
  if (book.byHand.length > 0) out.push(CLASS.byHand, ...book.byHand.map((f) => `  ${f.path}: ${f.reason}`));
  return out.slice(1);
}

/** A challenge as its verdicts, then the settings used and the failure reasons, most common first (also the browser report's). */
export function challengeLines(c: ChallengeSummary): string[] {
  return [CHALLENGE_CLASS.verdicts(c), CHALLENGE_CLASS.settings(c, TOP_SETTINGS), CHALLENGE_CLASS.reasons(c, TOP_SETTINGS)];
}

/** A group as a heading line, then one line per file and the parts (also the browser report's list items). */
export function copyLines(group: CopyGroup): string[] {
  const who = (f: CopyGroup['files'][number]) =>
    f.path === '' ? `${f.learner} ${CLASS.noFile}` : f.learner ? `${f.path} (${f.learner})` : f.path;
  if (group.kind === 'shared-wrong-answers') {
    return [CLASS.sharedWrong(group.files.length, group.parts.length), ...group.files.map(who), group.parts.join(', ')];
  }
  const [first, ...others] = group.files;
  return [
    CLASS.otherVariant(
      who(first!),
      group.fits ?? others.length,
      others.map((o) => o.learner ?? o.path),
    ),
    group.parts.join(', '),
  ];
}
