/**
 * The SCORM packages in a real SCORM runtime (scorm-again, as the LMS's API)
 * in Chromium: the package unzipped under a random prefix, its launch page
 * framed by a harness page, the course reached by its own links. A wrong then
 * a right answer are reported (score, status, learner id, suspend_data), a
 * fresh browser gets the answers back from suspend_data, and a runtime that
 * refuses Commit makes the page say the score was not recorded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launch, openPage } from './support/browser.ts';
import { distDir } from './support/site.ts';
import { serveStatic } from './support/server.ts';
import { packageSite } from '../../scripts/scorm/package.ts';
import { readZip } from '../../scripts/scorm/zip.ts';
import { EXERCISES, exerciseParams, getExercise } from '../../exercises/index.ts';
import { typed } from './support/answers.ts';
import { buildSite } from './support/build.ts';
import { decodeSuspend, encodeSuspend, type Records } from '../../src/islands/scorm/suspend.ts';
import { serveLms, type Lms } from '../scorm/harness.ts';
import { PARTS, partsOf } from '../support/course.ts';

/** n of the course's parts correct as the LMS gets it: a percent to two decimals, and scaled to [0, 1] (a number, as written). */
const percentOf = (n: number) => String(Math.round((10000 * n) / PARTS) / 100);
const scaledOf = (n: number) => String(Math.round((10000 * n) / PARTS) / 10000);

type Version = '1.2' | '2004';
let browser: Browser;
let out: string;
const packages = new Map<Version, Map<string, Uint8Array>>();

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'vg-scorm-'));
  const built = await packageSite({ dist: distDir(), out });
  for (const p of built.packages) {
    const { readFileSync } = await import('node:fs');
    packages.set(p.version, new Map(readZip(readFileSync(p.path)).map((e) => [e.name, e.data])));
  }
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The course pages: the frame inside the launch page inside the harness. */
const courseFrame = (page: Page): FrameLocator => page.frameLocator('iframe').frameLocator('iframe[data-course]');

/** What the runtime holds, read from scorm-again's data model. */
function readCmi(page: Page, version: Version) {
  return page.evaluate((v) => {
    const w = window as unknown as Record<string, { cmi: Record<string, any> }>;
    if (v === '1.2') {
      const c = w.API!.cmi;
      return {
        raw: c.core.score.raw,
        min: c.core.score.min,
        max: c.core.score.max,
        status: c.core.lesson_status,
        learner: c.core.student_id,
        suspend: c.suspend_data as string,
      };
    }
    const c = w.API_1484_11!.cmi;
    return {
      raw: c.score.raw,
      min: c.score.min,
      max: c.score.max,
      scaled: c.score.scaled,
      status: `${c.completion_status}/${c.success_status}`,
      learner: c.learner_id,
      suspend: c.suspend_data as string,
    };
  }, version);
}

/** Opens the relu-swap exercise from the course's home page, by its link, and waits for the adapter. */
async function openExercise(course: FrameLocator, version: Version): Promise<void> {
  await course.locator('a[href="exercises/relu-swap/index.html"]').first().click();
  await expect.poll(() => course.locator('html').getAttribute('data-lms')).toBe(version);
}

async function answer(course: FrameLocator, gradient: string): Promise<void> {
  const form = course.locator('form[data-exercise="relu-swap"]');
  await form.locator('[name="gradient_relu"]').fill(gradient);
  await form.locator('[name="improvement_factor"]').fill('64');
  await form.locator('[name="vanishing_gone"][value="no"]').check();
  await form.getByRole('button', { name: 'Check', exact: true }).click();
}

const lmsStatus = (course: FrameLocator) => course.locator('[data-lms-status]');

/** suspend_data as if the learner had checked the four other exercises, every part with this verdict. */
async function othersChecked(verdict: 'correct' | 'incorrect'): Promise<string> {
  const records: Records = {};
  for (const e of EXERCISES.filter((x) => x.id !== 'relu-swap')) {
    const verdicts = Object.fromEntries(e.parts.map((p) => [p.id, { verdict, feedback: '' }]));
    records[e.id] = { v: 1, answers: {}, verdicts, attempted: true, hints: 0 };
  }
  return (await encodeSuspend(records, 4096)).data;
}

// The course has PARTS parts (19 for the post's five: 4 + 3 + 5 + 4 + 3); relu-swap has 3.
// Two of them right is 2/19 = 10.53 % for the five, three is 3/19 = 15.79 %.
describe.each<Version>(['1.2', '2004'])('the SCORM %s package in scorm-again', (version) => {
  let lms: Lms;
  let saved = '';
  const learner = 'ada-lms-42';

  beforeAll(async () => {
    lms = await serveLms(packages.get(version)!);
  });
  afterAll(async () => lms?.close());

  it('reports a wrong then a right answer: score, status, the LMS learner id, and progress in suspend_data', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(lms.harnessUrl({ version, learner, passingPercent: 80 }));
    const course = courseFrame(page);
    await openExercise(course, version);
    const learnerField = course.locator('#vg-learner');
    await expect.poll(() => learnerField.inputValue()).toBe(learner);
    expect(await learnerField.getAttribute('readonly')).not.toBeNull();

    await answer(course, '0.5');
    await expect.poll(() => lmsStatus(course).textContent()).toBe(`Recorded by your LMS: ${percentOf(2)}% of the course's parts correct.`);
    const wrong = await readCmi(page, version);
    expect(wrong.raw).toBe(percentOf(2));
    expect(wrong.status).toBe(version === '1.2' ? 'incomplete' : 'incomplete/unknown');

    await answer(course, '1e-3');
    await expect.poll(() => lmsStatus(course).textContent()).toBe(`Recorded by your LMS: ${percentOf(3)}% of the course's parts correct.`);
    const right = await readCmi(page, version);
    expect({ raw: right.raw, min: right.min, max: right.max, learner: right.learner }).toEqual({
      raw: percentOf(3),
      min: '0',
      max: '100',
      learner,
    });
    if (version === '2004') expect(right.scaled).toBe(scaledOf(3));
    expect(right.suspend.length).toBeLessThanOrEqual(4096);
    const records = await decodeSuspend(right.suspend);
    expect(records?.['relu-swap']).toMatchObject({ answers: { gradient_relu: '1e-3', improvement_factor: '64', vanishing_gone: 'no' } });
    // The runtime posted each Check's commit to the LMS's URL.
    expect(lms.commits.length).toBeGreaterThanOrEqual(2);
    saved = right.suspend;

    // The LMS closes the course (its frame goes away): the launch page sets exit and terminates the session.
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    const api = version === '1.2' ? 'API' : 'API_1484_11';
    await expect
      .poll(() => page.evaluate((name) => (window as unknown as Record<string, { isTerminated(): boolean }>)[name]!.isTerminated(), api))
      .toBe(true);
    // cmi.exit and session_time are write-only to the SCO; the runtime's own JSON rendering shows them.
    const written = await page.evaluate((name) => {
      const cmi = (window as unknown as Record<string, { renderCMIToJSONObject(): { cmi: Record<string, any> } }>)[
        name
      ]!.renderCMIToJSONObject().cmi;
      return name === 'API' ? { exit: cmi.core.exit, time: cmi.core.session_time } : { exit: cmi.exit, time: cmi.session_time };
    }, api);
    expect(written.exit).toBe('suspend');
    // 1.2's CMITimespan as Moodle's data model checks it; 2004's ISO 8601 duration.
    expect(written.time).toMatch(version === '1.2' ? /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/ : /^PT\d+H\d+M[\d.]+S$/);
    expect(problems).toEqual([]);
    expect(lms.strays).toEqual([]);
    await context.close();
  });

  it('reports passed once the score reaches the passing score, and failed when every exercise is checked below it', async () => {
    // Every other exercise right and 2 of relu-swap's 3: 18 of 19 parts is 94.74 % for the five; 0 + 2 of 19 is 10.53 %;
    // the passing score is 80 %.
    const cases = [
      {
        others: 'correct',
        percent: percentOf(PARTS - partsOf('relu-swap') + 2),
        status: version === '1.2' ? 'passed' : 'completed/passed',
      },
      { others: 'incorrect', percent: percentOf(2), status: version === '1.2' ? 'failed' : 'completed/failed' },
    ] as const;
    for (const { others, percent, status } of cases) {
      const context = await browser.newContext();
      const { page, problems } = await openPage(context);
      await page.goto(lms.harnessUrl({ version, learner, passingPercent: 80, suspend: await othersChecked(others) }));
      const course = courseFrame(page);
      await openExercise(course, version);
      await answer(course, '0.5');
      await expect.poll(() => lmsStatus(course).textContent()).toBe(`Recorded by your LMS: ${percent}% of the course's parts correct.`);
      const cmi = await readCmi(page, version);
      expect({ raw: cmi.raw, status: cmi.status }).toEqual({ raw: percent, status });
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('restores the answers and verdicts from suspend_data in a fresh browser', async () => {
    expect(saved).not.toBe('');
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(lms.harnessUrl({ version, learner, passingPercent: 80, suspend: saved }));
    const course = courseFrame(page);
    await openExercise(course, version);
    const form = course.locator('form[data-exercise="relu-swap"]');
    await expect.poll(() => form.locator('[name="gradient_relu"]').inputValue()).toBe('1e-3');
    expect(await form.locator('[name="improvement_factor"]').inputValue()).toBe('64');
    expect(await form.locator('[name="vanishing_gone"][value="no"]').isChecked()).toBe(true);
    expect(await course.locator('[data-part="gradient_relu"]').getAttribute('data-verdict')).toBe('correct');
    expect(problems).toEqual([]);
    expect(lms.strays).toEqual([]);
    await context.close();
  });

  it('says the score was not recorded when the runtime refuses Commit, and keeps the answers', async () => {
    lms.refuseCommits = true;
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await page.goto(lms.harnessUrl({ version, learner, passingPercent: 80 }));
    const course = courseFrame(page);
    await openExercise(course, version);
    await answer(course, '1e-3');
    await expect.poll(() => lmsStatus(course).getAttribute('data-lms-status')).toBe('failed');
    expect(await lmsStatus(course).textContent()).toMatch(
      /^Your score was not recorded by the LMS: it refused Commit \(error \d+: .+\)\. Your answers are still here/,
    );
    expect(await lmsStatus(course).getAttribute('role')).toBe('alert');
    expect(await course.locator('form[data-exercise="relu-swap"] [name="gradient_relu"]').inputValue()).toBe('1e-3');
    lms.refuseCommits = false;
    await context.close();
  });
});

describe('inside the package', () => {
  it('the search finds a lesson and its result opens the page, under the prefix', async () => {
    const lms = await serveLms(packages.get('2004')!);
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(lms.harnessUrl({ version: '2004', learner: 'ada-lms-42', passingPercent: 80 }));
    const course = courseFrame(page);
    await course.getByRole('button', { name: 'Search the course' }).first().click();
    await course.locator('site-search input').first().fill('sigmoid');
    const result = course.locator('site-search a[href]').first();
    await expect.poll(() => result.getAttribute('href')).toMatch(/index\.html(#.*)?$/);
    await result.click();
    await expect.poll(() => course.locator('h1').first().textContent()).toBeTruthy();
    expect(problems).toEqual([]);
    expect(lms.strays).toEqual([]);
    await context.close();
    await lms.close();
  });

  it('keeps a lesson checkpoint’s answer in suspend_data', async () => {
    const lms = await serveLms(packages.get('1.2')!);
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(lms.harnessUrl({ version: '1.2', learner: 'ada-lms-42', passingPercent: 80 }));
    const course = courseFrame(page);
    await course.locator('a[href="lessons/sigmoid/index.html"]').first().click();
    await expect.poll(() => course.locator('html').getAttribute('data-lms')).toBe('1.2');
    const form = course.locator('form[data-checkpoint="sigmoid/largest-slope"]');
    await form.locator('input[name="largest-slope"]').fill('0.25');
    await form.getByRole('button', { name: 'Check', exact: true }).click();
    const checkpoint = async () => {
      const records = await decodeSuspend((await readCmi(page, '1.2')).suspend);
      return (records?.checkpoints as { results?: Record<string, { answer?: string }> } | undefined)?.results?.['sigmoid/largest-slope']
        ?.answer;
    };
    await expect.poll(checkpoint).toBe('0.25');
    expect(problems).toEqual([]);
    expect(lms.strays).toEqual([]);
    await context.close();
    await lms.close();
  });
});

describe('a package built with COURSE_VARIANTS=on', () => {
  const exercise = getExercise('weight-scale')!;
  const canonical = exercise.display(exercise.canonical);
  // The first LMS id whose weight-scale numbers differ from the post's in both shown weights (as variants.test.ts picks).
  const learner = Array.from({ length: 50 }, (_, i) => `lms-user-${i}`).find((id) => {
    const shown = exercise.display(exerciseParams(exercise, id, true));
    return shown.wA !== canonical.wA && shown.wB !== canonical.wB;
  })!;
  let files: Map<string, Uint8Array>;
  let folder: string;

  beforeAll(async () => {
    folder = buildSite('scorm-variants', { COURSE_VARIANTS: 'on' });
    const built = await packageSite({ dist: folder, out: join(out, 'variants') });
    expect(built.settings.variants).toBe(true);
    const { readFileSync } = await import('node:fs');
    files = new Map(readZip(readFileSync(built.packages.find((p) => p.version === '2004')!.path)).map((e) => [e.name, e.data]));
  });
  afterAll(() => folder && rmSync(folder, { recursive: true, force: true }));

  it('shows the LMS learner their own numbers and grades against them, with no id typed', async () => {
    expect(learner).toBeDefined();
    const lms = await serveLms(files);
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(lms.harnessUrl({ version: '2004', learner, passingPercent: 80 }));
    const course = courseFrame(page);
    await course.locator('a[href="exercises/weight-scale/index.html"]').first().click();
    await expect.poll(() => course.locator('html').getAttribute('data-lms')).toBe('2004');
    const params = exerciseParams(exercise, learner, true);
    const shown = exercise.display(params);
    await expect.poll(() => course.locator('[data-param="wA"]').first().textContent()).toBe(shown.wA);
    expect(await course.locator('[data-param="wB"]').first().textContent()).toBe(shown.wB);

    const answers = exercise.answers(params);
    const form = course.locator('form[data-exercise="weight-scale"]');
    for (const part of exercise.parts) {
      const value = typed(answers[part.id]!);
      if (part.kind === 'choice') await form.locator(`input[name="${part.id}"][value="${value}"]`).check();
      else await form.locator(`input[name="${part.id}"]`).fill(value);
    }
    await form.getByRole('button', { name: 'Check', exact: true }).click();
    // weight-scale's 5 of the course's parts: 26.32 % of the five's 19.
    await expect.poll(() => lmsStatus(course).textContent()).toBe(`Recorded by your LMS: ${percentOf(5)}% of the course's parts correct.`);
    expect((await readCmi(page, '2004')).learner).toBe(learner);
    expect(problems).toEqual([]);
    await context.close();
    await lms.close();
  });
});

describe('without an LMS', () => {
  it('the launch page says nothing is recorded and shows the course', async () => {
    const lms = await serveLms(packages.get('1.2')!);
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${lms.packageUrl}scorm.html`);
    await expect
      .poll(() => page.locator('[data-launch-status]').textContent())
      .toBe('No LMS was found: the course works, but nothing is recorded.');
    await expect.poll(() => page.frameLocator('iframe[data-course]').locator('h1').first().textContent()).toBeTruthy();
    expect(problems).toEqual([]);
    expect(lms.strays).toEqual([]);
    await context.close();
    await lms.close();
  });

  it('the site loads no adapter and sends no request when a Check is pressed', async () => {
    const server = await serveStatic(distDir());
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${server.url}exercises/relu-swap/`);
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const form = page.locator('form[data-exercise="relu-swap"]');
    await form.locator('[name="gradient_relu"]').fill('1e-3');
    await form.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.locator('[data-part="gradient_relu"]').getAttribute('data-verdict')).toBe('correct');
    expect(requests).toEqual([]);
    expect(await page.locator('html').getAttribute('data-lms')).toBeNull();
    expect(await page.locator('[data-lms-status]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
    await server.close();
  });
});
