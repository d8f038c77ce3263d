/**
 * The class report page in a real browser: a folder or files, chosen or
 * dropped, are graded in the page with the class summary; the gradebook it
 * offers is byte for byte the CLI's; every network request is recorded and
 * none carries the files (after the grader is loaded, none happens at all);
 * axe finds nothing, the keyboard reaches everything, and without JavaScript
 * the page says what it needs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatJson } from '../../grader/report/json-report.ts';
import course from '../../course.config.ts';
import { generatedClass, ROSTER_CSV } from '../grader/class-fixtures.ts';
import { useSite } from './support/served-site.ts';
import { PARTS } from '../support/course.ts';
import { PROJECT_ROOT } from './support/site.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const site = useSite();
const root = mkdtempSync(join(tmpdir(), 'vg-e2e-class-'));
/** The class as a teacher's download folder would hold it: answers, a nested folder, macOS debris and a hidden file. */
const folder = join(root, 'submissions');
const rosterFile = join(root, 'roster.csv');

beforeAll(async () => {
  mkdirSync(join(folder, 'late'), { recursive: true });
  mkdirSync(join(folder, '__MACOSX'), { recursive: true });
  for (const f of generatedClass()) writeFileSync(join(folder, f.path === 'ada-late.json' ? `late/${f.path}` : f.path), f.text);
  writeFileSync(join(folder, '__MACOSX', '._ada.json'), 'not an answer file');
  writeFileSync(join(folder, '.notes.yaml'), 'answers: {}\n');
  writeFileSync(join(folder, 'README.txt'), 'hand-in notes');
  // Left with a note, on the terminal and in the page alike (grader/class/files.ts): a near miss and the grader's own report.
  writeFileSync(join(folder, 'late', 'eve.json.txt'), 'answers: {}\n');
  writeFileSync(join(folder, 'report.json'), formatJson([]));
  writeFileSync(rosterFile, ROSTER_CSV);
});

/** Text that only the files hold: learner ids and the ring's odd answers. A request carrying any of it would be a leak. */
const SECRETS = ['carol@uni.edu', 'zed@uni.edu', '1.2345', '777.7', 'grace@uni.edu', 'relu-swap'];

interface Recorded {
  url: string;
  method: string;
  body: string;
  headers: string;
}

async function openReport(options: { javaScriptEnabled?: boolean } = {}) {
  const { context, page, problems } = await site.newPage({ acceptDownloads: true, ...options });
  const requests: Recorded[] = [];
  const record = (req: Request) =>
    void requests.push({ url: req.url(), method: req.method(), body: req.postData() ?? '', headers: JSON.stringify(req.headers()) });
  page.on('request', record);
  await page.goto(`${site.url}guides/class-report/`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  return { context, page, problems, requests };
}

async function graded(page: Page) {
  await page
    .locator('[data-status]')
    .filter({ hasText: /^Graded / })
    .waitFor();
  return (await page.locator('[data-status]').textContent()) ?? '';
}

/** A table's body rows as text cells, by its caption. */
async function rows(page: Page, caption: string): Promise<string[][]> {
  return page
    .locator('table', { has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
}

/** The CLI's gradebook for the same folder, run from the folder's parent so paths match the browser's (submissions/…). */
function cliGradebook(): string {
  const node = resolve(PROJECT_ROOT, 'node_modules/.bin/node');
  const run = spawnSync(
    node,
    [resolve(PROJECT_ROOT, 'grader/cli.ts'), basename(folder), '--format', 'csv', '--roster', rosterFile, '--no-variants'],
    { cwd: dirname(folder), encoding: 'utf8' },
  );
  if (run.status === 2) throw new Error(run.stderr);
  return run.stdout;
}

describe('the class report page', () => {
  it('loads no grader before it is needed, grades a chosen folder in the page, and sends nothing after the grader loads', async () => {
    const { context, page, problems, requests } = await openReport();
    const atLoad = requests.length;
    expect(requests.some((r) => /grade-files/.test(r.url))).toBe(false);
    // A person points at the drop area (or tabs to a control) before choosing files: that fetches the grader.
    await page.locator('[data-drop]').hover();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => requests.some((r) => /grade-files/.test(r.url))).toBe(true);
    const beforeFiles = requests.length;

    await page.locator('input[data-folder]').setInputFiles(folder);
    expect(await graded(page)).toBe('Graded 8 of 9 files.');
    await page.locator('input[data-roster]').setInputFiles(rosterFile);
    await page.locator('[data-status]').filter({ hasText: 'Graded 8 of 9 files.' }).waitFor();
    await page.locator('h3', { hasText: 'Roster' }).waitFor();

    const parts = await rows(page, 'Verdicts per part');
    expect(parts).toHaveLength(PARTS);
    expect(parts.find((r) => r[0] === 'deeper-network.gradient_5_layers')).toEqual([
      'deeper-network.gradient_5_layers',
      '4',
      '4',
      '0',
      '0',
      '50%',
    ]);
    const misconceptions = await rows(page, 'Misconceptions met, most common first');
    expect(misconceptions.map((r) => r[3])).toEqual(['1', '1']);
    expect(misconceptions.every((r) => r[2]!.length > 0)).toBe(true);
    const text = (await page.locator('[data-result]').textContent()) ?? '';
    expect(text).toContain('3 files give the same unusual wrong answers on 3 parts');
    expect(text).toContain('7 learners on the roster: 2 without a file, 2 files not on the roster, 1 with several files');
    expect(text).toContain('grace@uni.edu');
    // The build's passing score (course.config.ts) reaches the page's summary, as it does the CLI's.
    expect(text).toMatch(new RegExp(`\\d+ of 8 graded files reach(es)? the course's passing score of ${course.passingScore}%\\.`));
    // The hidden file and the __MACOSX debris are not graded; the nested folder is.
    const files = (await rows(page, 'Files')).map((r) => r[0]);
    expect(files).toContain('submissions/late/ada-late.json');
    expect(files.some((f) => /MACOSX|\.notes/.test(f!))).toBe(false);
    const skipped = page.locator('section', { has: page.locator('h3', { hasText: 'Files not graded' }) }).locator('li');
    expect(await skipped.allTextContents()).toEqual([
      "skipped 'submissions/late/eve.json.txt': its name ends in an extra extension; rename it to 'eve.json' to grade it",
      "skipped 'submissions/report.json': it is a grader report, not an answers file",
    ]);

    // The gradebook download is the CLI's gradebook for the same folder and roster.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the gradebook (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('gradebook.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe(cliGradebook());

    // Every request: a GET for the site's own files, none carrying the files' content, none at all once files were given.
    const origin = new URL(site.url).origin;
    for (const r of requests) {
      expect(r.method).toBe('GET');
      expect(r.body).toBe('');
      expect(r.url.startsWith(origin) || r.url.startsWith('blob:') || r.url.startsWith('data:')).toBe(true);
      for (const secret of SECRETS) expect(`${r.url} ${r.headers}`).not.toContain(secret);
    }
    expect(requests.slice(beforeFiles).filter((r) => !r.url.startsWith('blob:'))).toEqual([]);
    expect(atLoad).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('grades files dropped on the page, and files chosen one by one', async () => {
    const { context, page, problems } = await openReport();
    const dropped = generatedClass().slice(0, 3);
    await page.locator('[data-drop]').evaluate((zone, list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.path, { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, dropped);
    expect(await graded(page)).toBe('Graded 3 of 3 files.');
    expect((await rows(page, 'Files')).map((r) => r[0])).toEqual(['ada.json', 'bob.json', 'carol.json']);
    await page.locator('input[data-files]').setInputFiles([join(folder, 'zed.json'), join(folder, 'broken.yaml')]);
    expect(await graded(page)).toBe('Graded 1 of 2 files.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows control and bidi characters as code points, and reports one file given under two paths (decisions: hostile classes)', async () => {
    const { context, page, problems } = await openReport();
    // A right-to-left override displays "‮ude.inu@321s" as "s123@uni.edu"; adam.json is zoe.json's bytes and time (a link, as a browser sees it).
    const zoe = JSON.stringify({ learner: '\u202Eude.inu@321s', answers: {} });
    const given = [
      { path: 'adam.json', text: zoe, time: 1_700_000_000_000 },
      { path: 'kim.json', text: JSON.stringify({ learner: 'kim@uni.edu', answers: {} }), time: 1_700_000_000_000 },
      { path: 'zoe.json', text: zoe, time: 1_700_000_000_000 },
    ];
    await page.locator('[data-drop]').evaluate((zone, list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.path, { type: 'application/json', lastModified: f.time }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, given);
    expect(await graded(page)).toBe('Graded 3 of 3 files.');
    const files = await rows(page, 'Files');
    expect(files.find((r) => r[0] === 'zoe.json')![1]).toBe('\\u{202E}ude.inu@321s');
    const text = (await page.locator('[data-result]').textContent()) ?? '';
    expect(text).not.toContain('\u202E');
    const same = page.locator('section', { has: page.locator('h3', { hasText: 'The same file under several paths' }) }).locator('li');
    expect(await same.allTextContents()).toEqual([
      expect.stringMatching(/^adam\.json: this file is byte for byte 'zoe\.json'/),
      expect.stringMatching(/^zoe\.json: this file is byte for byte 'adam\.json'/),
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('passes axe before and after a report, and the keyboard reaches every control and the download', async () => {
    const { context, page, problems } = await openReport();
    const axe = async () =>
      (await new AxeBuilder({ page }).include('vg-class-report').withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
    expect(await axe()).toEqual([]);
    await page.locator('input[data-folder]').setInputFiles(folder);
    await graded(page);
    expect(await axe()).toEqual([]);
    const full = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(full.violations.map((v) => v.id)).toEqual([]);
    // Tab from the top of the report's controls: each input, the checkbox and the download button take focus in order.
    await page.locator('input[data-files]').focus();
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      order.push(
        await page.evaluate(() => {
          const a = document.activeElement as HTMLElement;
          return a.dataset.action ?? Object.keys(a.dataset)[0] ?? a.tagName;
        }),
      );
      await page.keyboard.press('Tab');
    }
    expect(order).toEqual(['files', 'folder', 'roster', 'variants', 'download-csv']);
    await page.locator('[data-action="download-csv"]').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('gradebook.csv');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says what it needs without JavaScript', async () => {
    const { context, page } = await openReport({ javaScriptEnabled: false });
    await expect.poll(() => page.locator('[data-needs-js]').isVisible()).toBe(true);
    expect(await page.locator('[data-needs-js]').textContent()).toContain('node grade.mjs submissions/');
    expect(await page.locator('[data-controls]').isVisible()).toBe(false);
    await context.close();
  });

  it('publishes the single-file grader beside the pages', async () => {
    const res = await fetch(`${site.url}grade.mjs`);
    expect(res.status).toBe(200);
    expect((await res.text()).startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
