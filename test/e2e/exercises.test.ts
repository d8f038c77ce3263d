/**
 * The exercise pages in a real browser: canonical answers are all correct,
 * each catalogued misconception gets `incorrect` with its own message, the
 * downloaded answers file gets the same verdicts from the CLI, progress
 * survives a reload, corrupted storage gives a notice, and learner text never
 * becomes HTML.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXERCISES, type ExerciseDefinition, type Misconception } from '../../exercises/index.ts';
import { fillLabel } from '../../exercises/labels.ts';
import type { Verdict } from '../../src/islands/exercise/storage.ts';
import { feedbackText } from '../../src/islands/exercise/verdict.ts';
import { typed } from './support/answers.ts';
import { cliVerdicts } from './support/cli.ts';
import { useSite } from './support/served-site.ts';
import { PROJECT_ROOT } from './support/site.ts';

const site = useSite();
const downloads = mkdtempSync(join(tmpdir(), 'vg-e2e-downloads-'));

/** A fresh browser profile (empty localStorage) on the exercise's page. */
async function openExercise(id: string) {
  const { context, page, problems } = await site.newPage({ acceptDownloads: true });
  await page.goto(`${site.url}exercises/${id}/`);
  await page.locator('vg-exercise [data-action="download"]').waitFor({ state: 'visible' });
  return { context, page, problems };
}

/** Types or picks each answer; parts not given are cleared. */
async function fill(page: Page, exercise: ExerciseDefinition, answers: Record<string, string>) {
  const form = page.locator(`form[data-exercise="${exercise.id}"]`);
  for (const part of exercise.parts) {
    const value = answers[part.id] ?? '';
    if (part.kind === 'choice') {
      if (value) await form.locator(`input[name="${part.id}"][value="${value}"]`).check();
      else
        await form.locator(`input[name="${part.id}"]`).evaluateAll((els) => els.forEach((e) => ((e as HTMLInputElement).checked = false)));
    } else {
      await form.locator(`input[name="${part.id}"]`).fill(value);
    }
  }
}

/** Presses Check and returns each part's verdict and feedback as shown. */
async function check(page: Page, exercise: ExerciseDefinition) {
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const out = new Map<string, { verdict: string; feedback: string }>();
  for (const part of exercise.parts) {
    const el = page.locator(`[data-part="${part.id}"]`);
    await el.waitFor();
    out.set(part.id, { verdict: (await el.getAttribute('data-verdict')) ?? '', feedback: (await el.textContent()) ?? '' });
  }
  return out;
}

/** Clicks Download answers and returns the saved file's path. */
async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download answers' }).click()]);
  const path = join(downloads, name);
  await file.saveAs(path);
  return path;
}

/** The misconceptions in rounds, at most one per part per round, so one Check grades several. */
function rounds(list: readonly Misconception[]): Misconception[][] {
  const out: Misconception[][] = [];
  for (const m of list) {
    const round = out.find((r) => !r.some((x) => x.part === m.part));
    if (round) round.push(m);
    else out.push([m]);
  }
  return out;
}

describe('one answers file for the whole course', () => {
  it('downloads the answers saved on every exercise page in one file, which the CLI scores full marks', async () => {
    const { context, page, problems } = await site.newPage({ acceptDownloads: true });
    let file = '';
    for (const exercise of EXERCISES) {
      await page.goto(`${site.url}exercises/${exercise.id}/`);
      await page.locator('vg-exercise [data-action="download"]').waitFor({ state: 'visible' });
      const answers = Object.fromEntries(Object.entries(exercise.answers(exercise.canonical)).map(([k, v]) => [k, typed(v)]));
      await fill(page, exercise, answers);
      await check(page, exercise);
      file = await download(page, 'whole-course.yaml');
    }
    // The last page's download holds all five exercises.
    const node = join(PROJECT_ROOT, 'node_modules/.bin/node');
    const run = spawnSync(node, ['grader/cli.ts', file, '--format', 'json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { files: { score: number; maxScore: number; exercises: { id: string }[] }[] };
    expect(report.files[0]?.exercises.map((e) => e.id)).toEqual(EXERCISES.map((e) => e.id));
    expect(report.files[0]?.score).toBe(report.files[0]?.maxScore);
    expect(run.status).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe.each(EXERCISES.map((e) => [e.id, e] as const))('exercise %s', (id, exercise) => {
  const canonical = Object.fromEntries(Object.entries(exercise.answers(exercise.canonical)).map(([k, v]) => [k, typed(v)]));

  it('grades the canonical answers correct, and the CLI agrees on the downloaded file', async () => {
    const { context, page, problems } = await openExercise(id);
    expect(await page.locator('[data-solution]').isVisible()).toBe(false);
    // A Check on a blank form is not an attempt: the worked solution stays locked.
    await check(page, exercise);
    expect(await page.locator('[data-solution]').isVisible()).toBe(false);
    await fill(page, exercise, canonical);
    const shown = await check(page, exercise);
    expect([...shown.values()].map((v) => v.verdict)).toEqual(exercise.parts.map(() => 'correct'));
    await page.locator('[data-solution]').waitFor({ state: 'visible' });

    const file = await download(page, `${id}-canonical.yaml`);
    expect(readFileSync(file, 'utf8')).toContain(`${id}:`);
    const cli = cliVerdicts(file, id);
    for (const part of exercise.parts) expect(cli.get(part.id)?.verdict, part.id).toBe(shown.get(part.id)?.verdict);

    // Progress survives a reload: the answers and the verdicts come back.
    await page.reload();
    for (const part of exercise.parts) {
      const control =
        part.kind === 'choice'
          ? page.locator(`input[name="${part.id}"][value="${canonical[part.id]}"]`)
          : page.locator(`input[name="${part.id}"]`);
      if (part.kind === 'choice') expect(await control.isChecked()).toBe(true);
      else expect(await control.inputValue()).toBe(canonical[part.id]);
      expect(await page.locator(`[data-part="${part.id}"]`).getAttribute('data-verdict')).toBe('correct');
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('gives each catalogued misconception `incorrect` with its own message, as the CLI does', async () => {
    const { context, page, problems } = await openExercise(id);
    const misconceptions = exercise.misconceptions(exercise.canonical);
    expect(misconceptions.length).toBeGreaterThan(0);
    for (const [n, round] of rounds(misconceptions).entries()) {
      const answers = { ...canonical };
      for (const m of round) answers[m.part] = typed(m.value);
      await fill(page, exercise, answers);
      const shown = await check(page, exercise);
      for (const m of round) {
        expect(shown.get(m.part)?.verdict, m.id).toBe('incorrect');
        expect(shown.get(m.part)?.feedback, m.id).toContain(m.feedback);
      }
      if (n === 0) {
        const cli = cliVerdicts(await download(page, `${id}-mistakes.yaml`), id);
        for (const part of exercise.parts) {
          expect(cli.get(part.id)?.verdict, part.id).toBe(shown.get(part.id)?.verdict);
          // The page shows the grader's feedback, with "correct" said once by the label beside it.
          const verdict = shown.get(part.id)!.verdict as Verdict;
          // A choice is read back by its option's words, which on an exercise form are the answer words themselves.
          const readAs = cli.get(part.id)?.readAs;
          const choice = part.kind === 'choice' ? readAs : undefined;
          expect(feedbackText(verdict, cli.get(part.id)?.feedback ?? '', readAs, choice), part.id).toBe(shown.get(part.id)?.feedback);
        }
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the exercise page', () => {
  const exercise = EXERCISES[0]!;
  const textPart = exercise.parts.find((p) => p.kind !== 'choice')!;

  it('discards corrupted or older saved progress with a notice and keeps working', async () => {
    const { context, page, problems } = await openExercise(exercise.id);
    await page.evaluate((id) => {
      localStorage.setItem(`vg:v1:${id}`, '{"v":1,"answers":{"x":');
      localStorage.setItem(`vg:v0:${id}`, '{"answers":{}}');
    }, exercise.id);
    await page.reload();
    const notice = page.locator('[data-notice]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toMatch(/cleared/);
    expect(await page.evaluate((id) => [localStorage.getItem(`vg:v0:${id}`), localStorage.getItem(`vg:v1:${id}`)], exercise.id)).toEqual([
      null,
      null,
    ]);
    const answers = Object.fromEntries(Object.entries(exercise.answers(exercise.canonical)).map(([k, v]) => [k, typed(v)]));
    await fill(page, exercise, answers);
    const shown = await check(page, exercise);
    expect(shown.get(textPart.id)?.verdict).toBe('correct');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('renders learner text as text, never as HTML', async () => {
    const { context, page, problems } = await openExercise(exercise.id);
    const attack = '<img src=x onerror="window.__pwned=1">';
    await page.locator(`input[name="${textPart.id}"]`).fill(attack);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator(`[data-part="${textPart.id}"]`).waitFor();
    expect(await page.locator('vg-exercise img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reveals hints one at a time and loads answers back from a file, with errors as text', async () => {
    const { context, page, problems } = await openExercise(exercise.id);
    const hints = exercise.hints(exercise.canonical);
    const button = page.getByRole('button', { name: 'Show a hint' });
    await button.click();
    await page.locator('[data-hints] li').first().waitFor({ state: 'visible' });
    expect(await page.locator('[data-hints] li:visible').count()).toBe(1);
    expect(await page.locator('[data-hint-status]').textContent()).toContain(hints[0]!);

    const answers = Object.fromEntries(Object.entries(exercise.answers(exercise.canonical)).map(([k, v]) => [k, typed(v)]));
    await fill(page, exercise, answers);
    const saved = await download(page, 'load-me.yaml');
    await fill(page, exercise, {});
    await page.getByLabel('Load answers').setInputFiles(saved);
    await expect.poll(() => page.locator('[data-load-status]').textContent()).toContain('Loaded');
    expect(await page.locator(`input[name="${textPart.id}"]`).inputValue()).toBe(answers[textPart.id]);

    await page
      .getByLabel('Load answers')
      .setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from('answers: [unclosed') });
    await expect.poll(() => page.locator('[data-load-status]').textContent()).toContain('Could not load broken.yaml');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("loads a whole course's answers file: this page's answers into the form, the others kept for their own pages", async () => {
    const [here, there] = [EXERCISES[0]!, EXERCISES[1]!];
    const { context, page, problems } = await openExercise(here.id);
    const typedAnswers = (e: (typeof EXERCISES)[number]) =>
      Object.fromEntries(Object.entries(e.answers(e.canonical)).map(([k, v]) => [k, typed(v)]));
    const doc = { answers: { [here.id]: typedAnswers(here), [there.id]: typedAnswers(there) } };
    await page
      .getByLabel('Load answers')
      .setInputFiles({ name: 'course.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect
      .poll(() => page.locator('[data-load-status]').textContent())
      .toContain(`Also kept for their own pages: the answers to ${there.id}`);
    await page.goto(`${site.url}exercises/${there.id}/`);
    for (const [part, value] of Object.entries(typedAnswers(there))) {
      // Both exercises' parts are typed answers (numbers and an expression), so each is the control's value.
      await expect.poll(() => page.locator(`input[name="${part}"]`).inputValue(), { message: part }).toBe(value);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the saved score on the exercises index', async () => {
    const { context, page, problems } = await openExercise(exercise.id);
    const answers = Object.fromEntries(Object.entries(exercise.answers(exercise.canonical)).map(([k, v]) => [k, typed(v)]));
    await fill(page, exercise, { ...answers, [textPart.id]: '' });
    await check(page, exercise);
    await page.goto(`${site.url}exercises/`);
    const n = exercise.parts.length;
    await expect
      .poll(() => page.locator(`[data-progress="${exercise.id}"]`).textContent(), { timeout: 15_000 })
      .toBe(`· ${n - 1} of ${n} parts correct`);
    expect(await page.locator(`[data-progress="${EXERCISES[1]!.id}"]`).textContent()).toBe('· not started');
    // The list reads "… (4 parts) · 3 of 4 parts correct", with the spaces in place.
    expect(await page.locator('.vg-exercise-list li').first().innerText()).toMatch(/ \(\d parts\) · /);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript still shows the question, every part with its label, and how to grade with the CLI', async () => {
    const { context, page, problems } = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}exercises/${exercise.id}/`);
    for (const part of exercise.parts) {
      const control = page.locator(`form[data-exercise="${exercise.id}"] [name="${part.id}"]`).first();
      expect(await control.isVisible(), part.id).toBe(true);
    }
    expect(await page.getByLabel(fillLabel(textPart.label, exercise.display(exercise.canonical))).count()).toBe(1);
    // The published single-file grader, which needs Node and nothing of the course's repository.
    expect(await page.getByText('node grade.mjs answers.yaml').first().isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'grade.mjs' }).first().getAttribute('href')).toMatch(/\/grade\.mjs$/);
    expect(await page.locator('.vg-nojs').innerText()).toContain('Checking answers on this page needs JavaScript');
    expect(await page.getByLabel('Your learner id').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'download the blank template' }).getAttribute('href')).toMatch(/answers-template\.yaml$/);
    expect(await page.getByRole('button', { name: 'Check', exact: true }).isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('one course, one learner, one page that reads like the questions', () => {
  it('keeps the learner id set on one page and writes it into a download made from another', async () => {
    const { context, page, problems } = await site.newPage({ acceptDownloads: true });
    await page.goto(`${site.url}exercises/${EXERCISES[0]!.id}/`);
    await page.locator('vg-exercise [data-action="download"]').waitFor({ state: 'visible' });
    const field = page.getByLabel('Your learner id');
    await field.fill('  Ada@Example.edu  ');
    await field.press('Tab');
    await page.goto(`${site.url}exercises/${EXERCISES[4]!.id}/`);
    await page.locator('vg-exercise [data-action="download"]').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByLabel('Your learner id').inputValue()).toBe('Ada@Example.edu');
    const file = await download(page, 'learner-from-another-page.yaml');
    expect(readFileSync(file, 'utf8')).toMatch(/^learner: Ada@Example\.edu$/m);

    // A file for someone else loads with a warning and leaves the id alone; its stale verdicts are cleared.
    const exercise = EXERCISES[4]!;
    await fill(page, exercise, {});
    const shown = await check(page, exercise);
    expect([...shown.values()].every((v) => v.verdict === 'missing')).toBe(true);
    const other = 'learner: grace@example.edu\nanswers:\n  relu-swap:\n    gradient_relu: 1e-3\n';
    await page.getByLabel('Load answers').setInputFiles({ name: 'grace.yaml', mimeType: 'text/yaml', buffer: Buffer.from(other) });
    await expect.poll(() => page.locator('[data-load-status]').textContent()).toContain('this file is for learner “grace@example.edu”');
    expect(await page.getByLabel('Your learner id').inputValue()).toBe('Ada@Example.edu');
    expect(await page.locator('[data-part]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says "Correct" once, keeps typed but unchecked answers over a reload, and labels values, not symbols', async () => {
    const exercise = EXERCISES.find((e) => e.id === 'weight-scale')!;
    const { context, page, problems } = await openExercise(exercise.id);
    const part = exercise.parts[0]!;
    const answer = typed(exercise.answers(exercise.canonical)[part.id]!);
    await page.locator(`input[name="${part.id}"]`).fill(answer);
    await expect.poll(() => page.evaluate((id) => localStorage.getItem(`vg:v1:${id}`) ?? '', exercise.id)).toContain(answer);
    await page.reload();
    await page.locator('vg-exercise [data-action="download"]').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator(`input[name="${part.id}"]`).inputValue()).toBe(answer);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const box = page.locator(`[data-feedback-for="${part.id}"]`);
    await expect.poll(() => box.innerText()).toMatch(/^Correct\. Read as /);
    expect((await box.innerText()).match(/correct/gi)).toHaveLength(1);
    const labels = await page.locator('form[data-exercise] label, form[data-exercise] legend').allInnerTexts();
    for (const text of labels) expect(text, text).not.toMatch(/w_A|w_B|z_sat|z_small|assumed σ′|argmax/);
    expect(labels.join('\n')).toContain(`w = ${exercise.display(exercise.canonical).wB}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("asks sigmoid-max in the prompt's order: the completed square first", async () => {
    const { context, page } = await openExercise('sigmoid-max');
    const names = await page
      .locator('form[data-exercise] input[type="text"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name));
    expect(names).toEqual(['completed_square', 'max_value', 'argmax_sigma', 'argmax_z']);
    await context.close();
  });

  it('lists the five exercises in the sidebar with the current one marked, and a lesson ends with its exercise card', async () => {
    const { context, page, problems } = await site.newPage();
    await page.goto(`${site.url}exercises/relu-swap/`);
    const sidebar = page.locator('#starlight__sidebar');
    for (const exercise of EXERCISES) expect(await sidebar.getByRole('link', { name: exercise.title }).count(), exercise.id).toBe(1);
    expect(await sidebar.locator('a[aria-current="page"]').innerText()).toContain(EXERCISES.find((e) => e.id === 'relu-swap')!.title);
    await page.goto(`${site.url}lessons/fixes/`);
    const card = page.locator('[data-exercise-card="relu-swap"]');
    expect(await card.getByRole('link').getAttribute('href')).toMatch(/exercises\/relu-swap\/$/);
    await expect.poll(() => card.locator('[data-exercise-status]').textContent()).toBe('Not started.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('survives a stored Starlight theme value that holds a quote', async () => {
    const { context, page, problems } = await site.newPage();
    await page.goto(`${site.url}exercises/`);
    await page.evaluate(() => localStorage.setItem('starlight-theme', 'x"] , *'));
    await page.reload();
    await page.locator('starlight-theme-select select').first().waitFor({ state: 'attached' });
    expect(problems).toEqual([]);
    expect(['', null]).toContain(await page.evaluate(() => localStorage.getItem('starlight-theme')));
    await context.close();
  });
});
