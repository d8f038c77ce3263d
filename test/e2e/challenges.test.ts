/**
 * Lab challenges in a real browser: for each challenge, a passing and a failing
 * setup opened in the training lesson's lab through its address, answered with
 * "Use this setup as my answer"; the lab's verdict and feedback equal the
 * grader's in Node for the same string, and the replayed networks' final loss
 * and accuracy are the same doubles in Chromium and Node. Then the challenge
 * page shows the saved answer and checks it the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CHALLENGES, gradeSetup, solutionSetup, startSetup } from '../../exercises/challenges/index.ts';
import { launch, openPage } from './support/browser.ts';
import { serveStatic, type StaticServer } from './support/server.ts';
import { distDir } from './support/site.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(distDir());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Hydration, the worker's start and a replay of up to 0.2 s take seconds on a busy 2-core machine. */
const POLL_MS = 30_000;

describe.each(CHALLENGES.map((c) => [c.id, c] as const))('%s', (id, challenge) => {
  it("the lab's verdict is the grader's, and its final numbers are Node's bit for bit", async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    for (const setup of [solutionSetup(challenge), startSetup(challenge)]) {
      const expected = gradeSetup(challenge, setup);
      await page.goto(`${server.url}lessons/training/#lab=${setup}`);
      const lab = page.locator('[data-island="training-lab"]');
      await lab.scrollIntoViewIfNeeded();
      const use = lab.getByRole('button', { name: 'Use this setup as my answer' });
      await expect.poll(() => use.isEnabled(), { timeout: POLL_MS }).toBe(true);
      await lab.getByLabel('Challenge', { exact: true }).selectOption(id);
      await use.click();
      const verdict = lab.locator('.vg-lab-challenge-verdict[data-verdict]');
      await verdict.waitFor({ timeout: POLL_MS });
      expect(await verdict.getAttribute('data-verdict')).toBe(expected.verdict);
      expect(((await verdict.textContent()) ?? '').startsWith(`${expected.verdict}: ${expected.feedback}`)).toBe(true);
      expect(await verdict.getAttribute('data-finals')).toBe(JSON.stringify(expected.finals));
      // The answer was kept: the challenge page shows it and checks it the same way.
      await page.goto(`${server.url}challenges/${id}/`);
      const input = page.getByLabel(/Your lab setup/);
      await expect.poll(() => input.inputValue(), { timeout: POLL_MS }).toBe(setup);
      await page.getByRole('button', { name: 'Check' }).click();
      const part = page.locator('[data-part="setup"][data-verdict]');
      await expect.poll(() => part.getAttribute('data-verdict'), { timeout: POLL_MS }).toBe(expected.verdict);
      expect(await part.textContent()).toBe(`${expected.verdict}: ${expected.feedback}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000); // two lab loads, two replays and two page checks per challenge, on a loaded 2-core machine
});
