/**
 * The training lab in a real browser: its build-time frame, every control
 * changing the run and the hash, a hash and a preset link restoring every
 * control, out-of-range messages, the prediction asked before a run, and full
 * runs of 300, 1,000 and 5,000 epochs. Timings and main-thread long tasks are
 * figures, not assertions: they go to test-results/lab.json (and race.json,
 * which `npm run size` reads), and `node bench/lab.ts` prints them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { DEFAULT_LAB, LAB_PRESETS, LAB_PRESET_NAMES, presetSettings } from '../../src/lesson-data/race-config.ts';
import { openPage } from './support/browser.ts';
import { useSite } from './support/served-site.ts';
import { PROJECT_ROOT } from './support/site.ts';

const site = useSite();
let lesson: string;
beforeAll(() => {
  lesson = `${site.url}lessons/training/`;
});

type LongTask = { start: number; duration: number };

/** How long a poll waits: hydration and the worker's first epoch take seconds on a busy 2-core machine. */
const POLL_MS = 30_000;

/** A fresh profile that records main-thread long tasks from the first script on. */
async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await site.browser.newContext(options);
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: LongTask[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  return context;
}

/** Opens the lesson (with a hash), scrolls the lab into view and waits for it to hydrate and for the worker's epoch 0. */
async function openLab(context: BrowserContext, hash = ''): Promise<{ page: Page; lab: Locator; problems: string[] }> {
  const { page, problems } = await openPage(context);
  await page.goto(lesson + hash);
  const lab = page.locator('[data-island="training-lab"]');
  await lab.scrollIntoViewIfNeeded();
  await lab.locator('xpath=ancestor::astro-island[1]').evaluate(
    (el) =>
      new Promise<void>((done) => {
        const ready = () => !el.hasAttribute('ssr');
        if (ready()) return done();
        new MutationObserver((_, obs) => ready() && (obs.disconnect(), done())).observe(el, { attributes: true });
      }),
  );
  await expect.poll(() => lab.getByRole('button', { name: 'Step one epoch' }).isEnabled(), { timeout: POLL_MS }).toBe(true);
  return { page, lab, problems };
}

const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));
const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();

/** Lesson 7's folded group of knobs, and whether it is open. */
const fixesGroup = (lab: Locator) => lab.locator('details[data-group="fixes"]');
const fixesOpen = (lab: Locator) => fixesGroup(lab).evaluate((d) => (d as HTMLDetailsElement).open);
/** One network's activation (always shown) and its lesson 7 knobs (in the folded group). */
const netMain = (lab: Locator, i: number) => lab.locator(`[data-network="${i}"]`);
const netFixes = (lab: Locator, i: number) => lab.locator(`[data-network-fixes="${i}"]`);
async function network(lab: Locator, i: number) {
  return [
    await netMain(lab, i)
      .getByLabel(/^Activation/)
      .inputValue(),
    await netFixes(lab, i).getByLabel('Initialisation').inputValue(),
    await netFixes(lab, i).getByLabel('Batch norm').isChecked(),
    await netFixes(lab, i)
      .getByLabel(/^Residual/)
      .isChecked(),
  ];
}

/** What one epoch of the current settings produces: the loss chart's reading after a step, and the run's length. */
async function fingerprint(lab: Locator): Promise<string> {
  await expect.poll(() => lab.getAttribute('data-epoch'), { timeout: POLL_MS }).toBe('0');
  await lab.getByRole('radio', { name: /A:/ }).check();
  await lab.getByRole('button', { name: 'Step one epoch' }).click();
  await expect.poll(() => lab.getAttribute('data-epoch'), { timeout: POLL_MS }).toBe('1');
  return `${await lab.locator('[data-chart="loss"]').getAttribute('aria-label')} | ${await text(lab.locator('[data-readout="epoch"]'))}`;
}

/** Types into a checked field and waits past the typing pause. */
async function type(lab: Locator, label: RegExp, value: string): Promise<void> {
  const field = lab.getByLabel(label);
  await field.fill(value);
  await field.press('Enter');
}

describe('the training lab', () => {
  it('renders epoch 0 at build time and says what needs JavaScript', async () => {
    const html = await (await fetch(lesson)).text();
    const lab = html.slice(html.indexOf('data-island="training-lab"'));
    expect(lab).toMatch(/Epoch (<!-- -->)?0(<!-- -->)? of (<!-- -->)?300/);
    expect(lab).toContain('data-chart="loss"');
    expect(lab).toContain('data-chart="heatmap"');
    expect(lab).toContain('which needs JavaScript');
  });

  it('changes the run and the hash with every control', async () => {
    const context = await newContext();
    const { page, lab, problems } = await openLab(context);
    let before = await fingerprint(lab);
    // Lesson 6's lab starts with lesson 7's knobs folded away, and its activation menus offer sigmoid and ReLU only.
    expect(await fixesOpen(lab)).toBe(false);
    expect(await lab.getByLabel(/^Constant w/).isVisible()).toBe(false);
    expect(
      await netMain(lab, 1)
        .getByLabel(/^Activation/)
        .locator('option')
        .allTextContents(),
    ).toEqual(['sigmoid', 'ReLU']);
    // Each step: the control, and what the hash must then hold (the hash names every setting: see src/islands/lab/state.ts).
    const steps: [string, () => Promise<unknown>, string][] = [
      ['data set', () => lab.getByLabel('Data set').selectOption('circles'), 'ds:circles'],
      ['noise', () => type(lab, /^Noise/, '0.2'), 'nz:0.2'],
      ['seed', () => type(lab, /^Seed/, '7'), 's:7'],
      ['hidden layers', () => type(lab, /^Hidden layers/, '3'), 'd:3'],
      ['width', () => type(lab, /^Width/, '6'), 'w:6'],
      ['learning rate', () => type(lab, /^Learning rate/, '0.5'), 'lr:0.5'],
      ['epochs', () => type(lab, /^Epochs/, '500'), 'ep:500'],
      ['batch size', () => type(lab, /^Batch size/, '50'), 'bs:50'],
      [
        'activation of A (lesson 6)',
        () =>
          netMain(lab, 1)
            .getByLabel(/^Activation/)
            .selectOption('relu'),
        'a1:relu',
      ],
      // Lesson 7's knobs: open the group first.
      [
        'activation of A (lesson 7)',
        async () => {
          await fixesGroup(lab).locator('summary').click();
          await expect.poll(() => fixesOpen(lab)).toBe(true);
          return netMain(lab, 1)
            .getByLabel(/^Activation/)
            .selectOption('tanh');
        },
        'a1:tanh',
      ],
      ['initialisation of A', () => netFixes(lab, 1).getByLabel('Initialisation').selectOption('constant'), 'i1:constant'],
      ['constant w', () => type(lab, /^Constant w/, '0.3'), 'cw:0.3'],
      ['batch norm of B', () => netFixes(lab, 2).getByLabel('Batch norm').check(), 'b2:1'],
      [
        'residual of B',
        () =>
          netFixes(lab, 2)
            .getByLabel(/^Residual/)
            .check(),
        'r2:1',
      ],
      ['add network C', () => lab.getByRole('button', { name: 'Add network C' }).click(), 'k:3'],
      [
        'activation of C',
        () =>
          netMain(lab, 3)
            .getByLabel(/^Activation/)
            .selectOption('leaky-relu'),
        'a3:leaky-relu',
      ],
      ['remove network A', () => lab.getByRole('button', { name: 'Remove network A' }).click(), 'k:2'],
    ];
    for (const [name, act, inHash] of steps) {
      await act();
      await expect.poll(() => hashOf(page), { message: name, timeout: POLL_MS }).toContain(inHash);
      const after = await fingerprint(lab);
      expect(after, name).not.toBe(before);
      before = after;
    }
    // A preset from the menu: the link form the lessons use.
    await lab.getByLabel('Preset').selectOption('batchnorm-rescue');
    await expect.poll(() => hashOf(page), { timeout: POLL_MS }).toBe('#lab:preset=batchnorm-rescue');
    expect(await fingerprint(lab)).not.toBe(before);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('restores every control from a shared hash, and names what it could not read', async () => {
    const context = await newContext();
    const hash =
      '#lab=ds:xor,nz:0.15,pt:120,d:4,w:5,lr:0.3,ep:800,bs:40,cw:-0.2,s:12,k:3,a1:tanh,i1:he,b1:1,r1:0,a2:leaky-relu,i2:constant,b2:0,r2:1,a3:relu,i3:xavier,b3:1,r3:1';
    const { lab, problems } = await openLab(context, hash);
    const value = (l: RegExp) => lab.getByLabel(l).inputValue();
    await expect.poll(() => value(/^Hidden layers/), { timeout: POLL_MS }).toBe('4');
    expect(await lab.getByLabel('Data set').inputValue()).toBe('xor');
    expect([
      await value(/^Noise/),
      await value(/^Width/),
      await value(/^Learning rate/),
      await value(/^Epochs/),
      await value(/^Batch size/),
      await value(/^Constant w/),
      await value(/^Seed/),
    ]).toEqual(['0.15', '5', '0.3', '800', '40', '-0.2', '12']);
    // The hash sets lesson 7's knobs, so their group opened by itself.
    expect(await fixesOpen(lab)).toBe(true);
    expect(await lab.locator('[data-network]').count()).toBe(3);
    expect(await network(lab, 1)).toEqual(['tanh', 'he', true, false]);
    expect(await network(lab, 2)).toEqual(['leaky-relu', 'constant', false, true]);
    expect(await network(lab, 3)).toEqual(['relu', 'xavier', true, true]);
    expect(await text(lab.locator('[data-readout="epoch"]'))).toBe('Epoch 0 of 800');
    expect(await text(lab.locator('figcaption').first())).toContain('120 points');

    const broken = await openLab(context, '#lab=d:99,lr:fast');
    await expect
      .poll(() => text(broken.lab.locator('.vg-lab-problems')), { timeout: POLL_MS })
      .toContain('Hidden layers 99 is outside 1 to 10; kept 5.');
    expect(await broken.lab.getByLabel(/^Hidden layers/).inputValue()).toBe('5');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens every preset link in its state', async () => {
    const context = await newContext();
    for (const name of LAB_PRESET_NAMES) {
      const want = presetSettings(name);
      const { lab, problems } = await openLab(context, `#lab:preset=${name}`);
      await expect.poll(() => lab.getByLabel(/^Hidden layers/).inputValue(), { message: name, timeout: POLL_MS }).toBe(String(want.depth));
      expect(await lab.getByLabel(/^Epochs/).inputValue()).toBe(String(want.epochs));
      expect(await lab.getByLabel(/^Learning rate/).inputValue()).toBe(String(want.learningRate));
      expect(await lab.locator('[data-network]').count()).toBe(want.networks.length);
      // Lesson 7's presets open its group, with their knobs visible; lesson 6's leave it folded.
      const fixes = LAB_PRESETS[name].lesson === 'fixes';
      await expect.poll(() => fixesOpen(lab), { message: name, timeout: POLL_MS }).toBe(fixes);
      expect(await netFixes(lab, 1).getByLabel('Initialisation').isVisible(), name).toBe(fixes);
      for (const [i, n] of want.networks.entries()) {
        expect(await network(lab, i + 1), `${name} network ${i + 1}`).toEqual([n.activation, n.init, n.batchNorm, n.residual]);
      }
      expect(await lab.getByLabel('Preset').inputValue()).toBe(name);
      expect(problems).toEqual([]);
    }
    await context.close();
  });

  it("starts folded in lesson 6, and opens lesson 7's group with its knobs for each of lesson 7's preset links", async () => {
    const context = await newContext();
    const { page, lab, problems } = await openLab(context);
    expect(await fixesOpen(lab)).toBe(false);
    expect(await netFixes(lab, 1).getByLabel('Initialisation').isVisible()).toBe(false);
    // The links lesson 7 has, followed from lesson 7's page.
    const fixesLesson = `${site.url}lessons/fixes/`;
    const links = await (async () => {
      await page.goto(fixesLesson);
      return page.locator('a[href*="#lab:preset="]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    })();
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const href of links) {
      const name = href.slice(href.indexOf('#lab:preset=') + '#lab:preset='.length);
      expect(LAB_PRESET_NAMES, href).toContain(name);
      await page.goto(fixesLesson);
      await page.locator(`a[href="${href}"]`).first().click();
      await page.waitForURL(/lessons\/training\//);
      const opened = page.locator('[data-island="training-lab"]');
      await opened.scrollIntoViewIfNeeded();
      await expect.poll(() => fixesOpen(opened), { message: href, timeout: POLL_MS }).toBe(true);
      await expect.poll(() => opened.getByLabel('Preset').inputValue(), { message: href, timeout: POLL_MS }).toBe(name);
      const want = presetSettings(name as (typeof LAB_PRESET_NAMES)[number]);
      for (const [i, n] of want.networks.entries()) {
        expect(
          await netFixes(opened, i + 1)
            .getByLabel('Initialisation')
            .isVisible(),
          href,
        ).toBe(true);
        expect(await network(opened, i + 1), `${href} network ${i + 1}`).toEqual([n.activation, n.init, n.batchNorm, n.residual]);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a message for an out-of-range value and keeps the run as it was', async () => {
    const context = await newContext();
    const { page, lab, problems } = await openLab(context);
    const hash = await hashOf(page);
    const depth = lab.getByLabel(/^Hidden layers/);
    await depth.fill('12');
    // Applied as typed: no Enter needed, the message follows the typing pause.
    await expect
      .poll(() => text(lab.locator('.vg-field-message')), { timeout: POLL_MS })
      .toBe(`Hidden layers 12 is outside 1 to 10; kept ${DEFAULT_LAB.depth}.`);
    expect(await depth.getAttribute('aria-invalid')).toBe('true');
    expect(await hashOf(page)).toBe(hash);
    await type(lab, /^Learning rate/, '50');
    await expect
      .poll(() => lab.locator('.vg-field-message').allTextContents(), { timeout: POLL_MS })
      .toContain(`Learning rate η 50 is outside 0.001 to 10; kept ${DEFAULT_LAB.learningRate}.`);
    await type(lab, /^Batch size/, '201');
    await expect
      .poll(() => lab.locator('.vg-field-message').allTextContents(), { timeout: POLL_MS })
      .toContain('Batch size 201 is outside 1 to 200 (the data set has 200 points); kept 200.');
    expect(await text(lab.locator('[data-readout="epoch"]'))).toBe(`Epoch 0 of ${DEFAULT_LAB.epochs}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks for a prediction before Play, then sets the result against it', async () => {
    const context = await newContext({ reducedMotion: 'reduce' });
    const { page, lab, problems } = await openLab(context, '#lab=ep:20');
    await lab.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => text(lab.locator('.vg-lab-message')), { timeout: POLL_MS })
      .toContain('Pick the network you expect to win first');
    await page.waitForTimeout(500);
    expect(await lab.getAttribute('data-epoch')).toBe('0');
    await lab.getByRole('radio', { name: /A:/ }).check();
    await lab.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => lab.getAttribute('data-done'), { timeout: 120_000 }).toBe('true');
    expect(await text(lab.locator('[data-readout="verdict"]'))).toMatch(/You picked A \(loss [\d.]+\)/);
    expect(problems).toEqual([]);
    await context.close();
  });

  /** Runs the default race (2 networks of 5 × 8, 200 points) for `epochs` at full speed and measures it. */
  async function timedRun(epochs: number) {
    const context = await newContext();
    const workers: string[] = [];
    context.on('page', (p) => p.on('worker', (w) => workers.push(w.url())));
    const { page, lab, problems } = await openLab(context, `#lab=ep:${epochs}`);
    await expect.poll(() => text(lab.locator('[data-readout="epoch"]')), { timeout: POLL_MS }).toBe(`Epoch 0 of ${epochs}`);
    await lab.getByRole('radio', { name: /B:/ }).check();
    const start = await page.evaluate(() => performance.now());
    await lab.getByRole('button', { name: 'Fast-forward' }).click();
    await page.waitForFunction(
      (n) => document.querySelector('[data-island="training-lab"]')?.getAttribute('data-epoch') === String(n),
      epochs,
      { timeout: 240_000, polling: 50 },
    );
    const end = await page.evaluate(() => performance.now());
    const all = await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
    const figures = {
      epochs,
      networks: 2,
      shape: `${DEFAULT_LAB.depth} × ${DEFAULT_LAB.width}`,
      points: DEFAULT_LAB.points,
      seconds: (end - start) / 1000,
      // The machine's load when the run ended: on a shared two-core machine the timings mean little without it.
      loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
      msPerEpochInWorker: Number(await lab.getAttribute('data-ms-per-epoch')),
      longTasksDuringRun: all.filter((e) => e.start >= start),
      longTasksBeforeRun: all.filter((e) => e.start < start),
    };
    expect(workers.some((url) => /lab\.worker/.test(url))).toBe(true);
    expect(await lab.getAttribute('data-done')).toBe('true');
    expect(await text(lab.locator('[data-readout="verdict"]'))).toContain('You picked B');
    expect(problems).toEqual([]);
    return { context, page, lab, figures };
  }

  it("completes 300, 1,000 and 5,000 epochs in a Web Worker, and records the time and the main thread's long tasks", async () => {
    const runs = [];
    for (const epochs of [300, 1000, 5000]) {
      const { context, page, lab, figures } = await timedRun(epochs);
      runs.push(figures);
      console.log(
        `training lab: ${epochs} epochs in ${figures.seconds.toFixed(2)} s (${figures.msPerEpochInWorker} ms per epoch in the worker); longest main-thread task during the run: ${Math.max(0, ...figures.longTasksDuringRun.map((t) => t.duration))} ms`,
      );
      if (epochs === 1000) {
        const axe = await new AxeBuilder({ page })
          .include('[data-island="training-lab"]')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
        // After 1,000 epochs the ReLU network has learned the moons; the sigmoid network's map says how flat it still is.
        expect(await lab.locator('.vg-lab-map').nth(1).textContent()).toMatch(/100% correct|9\d% correct/);
      }
      await context.close();
    }
    mkdirSync(resolve(PROJECT_ROOT, 'test-results'), { recursive: true });
    writeFileSync(
      resolve(PROJECT_ROOT, 'test-results/lab.json'),
      `${JSON.stringify({ measuredAt: new Date().toISOString(), runs }, null, 2)}\n`,
    );
    // The race figure `npm run size` prints (bench/size.ts reads this file): the 300-epoch run.
    const r = runs[0]!;
    writeFileSync(
      resolve(PROJECT_ROOT, 'test-results/race.json'),
      `${JSON.stringify({ epochs: r.epochs, raceSeconds: r.seconds, msPerEpochInWorker: r.msPerEpochInWorker, longTasksDuringRace: r.longTasksDuringRun, longTasksBeforeRace: r.longTasksBeforeRun }, null, 2)}\n`,
    );
  });
});
