/**
 * The class report as DOM: summary counts, score distribution, verdicts per
 * part, misconceptions, roster, possible copies and the files. Every piece of
 * file content (paths, learner ids) goes in through textContent only, with
 * control and bidi characters shown as code points (format/visible.ts), as the
 * CLI's reports show them: a right-to-left override cannot disguise an id.
 */
import { formatNumber } from '../../../engine/format.ts';
import { passRate } from '../../../grader/class/summary.ts';
import { challengeLines, copyLines, misconceptionDescription } from '../../../grader/report/class-section.ts';
import { visible } from '../../../grader/report/visible.ts';
import { CHALLENGE_CLASS } from '../../../grader/messages/challenges.ts';
import { CLASS } from '../../../grader/messages/class.ts';
import { LABELS } from '../../../grader/messages/report.ts';
import { SKIPS } from '../../../grader/messages/skips.ts';
import { percent } from '../../../grader/grade/score.ts';
import type { CopyGroup } from '../../../grader/schema.ts';
import type { ClassResult } from './grade-files.ts';

type Cell = string | number;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = visible(text);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** A table with a caption, column headers, a row header in the first column, and numbers aligned right. */
function table(caption: string, head: readonly string[], rows: readonly (readonly Cell[])[]): HTMLElement {
  const wrap = el('div', undefined, { class: 'vg-table-wrap', tabindex: '0', role: 'region', 'aria-label': caption });
  const t = el('table');
  // The caption repeats the section's heading for screen readers, which announce it with the table.
  t.append(el('caption', caption, { class: 'sr-only' }));
  const tr = el('tr');
  for (const h of head) tr.append(el('th', h, { scope: 'col' }));
  t.append(el('thead'), el('tbody'));
  t.tHead!.append(tr);
  for (const row of rows) {
    const r = el('tr');
    row.forEach((cell, i) =>
      r.append(el(i === 0 ? 'th' : 'td', String(cell), i === 0 ? { scope: 'row' } : typeof cell === 'number' ? { class: 'vg-num' } : {})),
    );
    t.tBodies[0]!.append(r);
  }
  wrap.append(t);
  return wrap;
}

function section(title: string, ...children: Node[]): HTMLElement {
  const s = el('section');
  s.append(el('h3', title), ...children);
  return s;
}

function list(items: readonly string[]): HTMLElement {
  const ul = el('ul');
  for (const item of items) ul.append(el('li', item));
  return ul;
}

const rate = (x: number) => `${Math.floor(100 * x)}%`;

/** A group as a list item: its heading, then the files and the parts it shares. */
function copyItem(group: CopyGroup): HTMLElement {
  const [head, ...rest] = copyLines(group);
  const li = el('li', head);
  li.append(list(rest));
  return li;
}

/** The score bands as a table with a bar per band, under the mean, median and range. */
function distributionSection(d: ClassResult['view']['distribution']): HTMLElement {
  const stats =
    d.graded === 0
      ? CLASS.noneGraded
      : CLASS.statistics({
          graded: d.graded,
          mean: formatNumber(d.mean!, { sig: 3, group: false }),
          median: formatNumber(d.median!, { sig: 3, group: false }),
          min: d.min!,
          max: d.max!,
          maxScore: d.maxScore,
        });
  const widest = Math.max(1, ...d.bands.map((b) => b.files));
  const bands = table(
    CLASS.distribution,
    ['Score', 'Files', 'Share'],
    d.bands.map((b) => [CLASS.band(b.from, b.to), b.files, '']),
  );
  bands.querySelectorAll('tbody tr').forEach((row, i) => {
    const bar = el('span', undefined, { class: 'vg-bar', 'aria-hidden': 'true' });
    bar.style.inlineSize = `${(100 * d.bands[i]!.files) / widest}%`;
    row.lastElementChild!.append(bar);
  });
  const passing = d.graded > 0 && d.passing ? [el('p', CLASS.passing(d.passing.files, d.graded, d.passing.score))] : [];
  return section(CLASS.distribution, el('p', stats), ...passing, bands);
}

/** The verdicts per part, and the misconceptions met. */
function partSections(view: ClassResult['view']): HTMLElement[] {
  const c = CLASS.partColumns;
  const m = CLASS.misconceptionColumns;
  return [
    section(
      CLASS.parts,
      table(
        CLASS.parts,
        [c.part, c.correct, c.incorrect, c.invalid, c.missing, c.rate],
        view.parts.map((p) => [`${p.exercise}.${p.part}`, p.correct, p.incorrect, p.invalid, p.missing, rate(passRate(p))]),
      ),
    ),
    section(
      CLASS.misconceptions,
      view.misconceptions.length === 0
        ? el('p', CLASS.noMisconceptions)
        : table(
            CLASS.misconceptions,
            [m.part, m.id, m.description, m.count],
            view.misconceptions.map((x) => [`${x.exercise}.${x.part}`, x.id, misconceptionDescription(x.exercise, x.id), x.count]),
          ),
    ),
  ];
}

/** The lab challenges, when any file answered one. */
function challengeSection(challenges: NonNullable<ClassResult['view']['challenges']>): HTMLElement {
  const items = el('ul');
  items.append(
    ...challenges.map((c) => {
      const [head, ...rest] = challengeLines(c);
      const li = el('li', head);
      li.append(list(rest));
      return li;
    }),
  );
  return section(CHALLENGE_CLASS.title, items);
}

/** Who is on the roster without a file, which files are not on it, and who handed in several. */
function rosterSection(r: NonNullable<ClassResult['view']['roster']>): HTMLElement {
  const parts: Node[] = [el('p', CLASS.rosterLine(r.learners, r.missing.length, r.offRoster.length, r.several.length))];
  if (r.missing.length) parts.push(el('h4', CLASS.missing), list(r.missing));
  if (r.unreadable?.length) parts.push(el('h4', CLASS.unreadable), list(r.unreadable.map((u) => `${u.learner}: ${u.path}: ${u.reason}`)));
  if (r.offRoster.length) parts.push(el('h4', CLASS.offRoster), list(r.offRoster.map((f) => `${f.path} ${f.learner ?? CLASS.noLearner}`)));
  if (r.several.length) parts.push(el('h4', CLASS.several), list(r.several.map((s) => `${s.learner}: ${s.paths.join(', ')}`)));
  return section(CLASS.roster, ...parts);
}

/** The gradebook's rule, which file counted for a learner with several, and the files to check by hand. */
function gradebookSection(book: ClassResult['view']['gradebook']): HTMLElement {
  const kept = book.rows
    .filter((row) => row.report && row.others.length > 0)
    .map((row) =>
      CLASS.kept(
        row.learner,
        row.report!.path,
        row.others.map((o) => o.path),
      ),
    );
  return section(
    CLASS.gradebook,
    el('p', CLASS.gradebookLine(book.points.total, book.keep)),
    ...(kept.length ? [list(kept)] : []),
    ...(book.byHand.length ? [el('h4', CLASS.byHand), list(book.byHand.map((f) => `${f.path}: ${f.reason}`))] : []),
  );
}

/** Every file with its learner, status and score. */
function filesSection(reports: ClassResult['reports']): HTMLElement {
  return section(
    'Files',
    table(
      'Files',
      ['File', 'Learner', 'Status', 'Score', 'Percent'],
      reports.map((r) => [
        r.path,
        r.learner?.trim() ?? '',
        r.status === 'graded' ? 'graded' : LABELS.fileError,
        r.status === 'graded' ? `${r.score}/${r.maxScore}` : '–',
        r.status === 'graded' ? `${Math.floor(percent(r))}%` : '–',
      ]),
    ),
  );
}

/** Replaces `root`'s content with the class report. */
export function renderReport(root: HTMLElement, result: ClassResult, minScore = 0): void {
  const { view, reports, counts } = result;
  const out: Node[] = [el('h2', CLASS.title), el('p', LABELS.summary(counts, minScore), { class: 'vg-class-counts' })];
  out.push(distributionSection(view.distribution), ...partSections(view));
  if (view.challenges) out.push(challengeSection(view.challenges));
  if (view.roster) out.push(rosterSection(view.roster));
  out.push(gradebookSection(view.gradebook));
  const copies = el('ul');
  copies.append(...view.copies.map(copyItem));
  out.push(section(CLASS.copies, view.copies.length === 0 ? el('p', CLASS.noCopies) : copies));
  const twice = reports.flatMap((r) => r.warnings.filter((w) => w.code === 'same-file').map((w) => `${r.path}: ${w.message}`));
  if (twice.length > 0) out.push(section(CLASS.sameFiles, list(twice)));
  if (result.notes.length > 0) out.push(section(SKIPS.heading, list(result.notes)));
  out.push(filesSection(reports));
  root.replaceChildren(...out);
}
