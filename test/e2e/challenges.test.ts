/**
 * Lab challenges in a real browser: for each challenge, a passing and a failing
 * setup opened in the training lesson's lab through its address, answered with
 * "Use this setup as my answer"; the lab's verdict and feedback equal the
 * grader's in Node for the same string, and the replayed networks' final loss
 * and accuracy are the same doubles in Chromium and Node. Then the challenge
 * page shows the saved answer and checks it the same way.
 */
import { describe, expect, it } from 'vitest';
import { CHALLENGES, gradeSetup, solutionSetup, startSetup } from '../../exercises/challenges/index.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classView } from '../../grader/class/view.ts';
import { challengeLines } from '../../grader/report/class-section.ts';
import { createGrader } from '../../grader/grade/grader.ts';
import { openPage } from './support/browser.ts';
import { useSite } from './support/served-site.ts';

const site = useSite();
const { gradeText } = createGrader();

/** Hydration, the worker's start and a replay of up to 0.2 s take seconds on a busy 2-core machine. */
const POLL_MS = 30_000;

describe.each(CHALLENGES.map((c) => [c.id, c] as const))('%s', (id, challenge) => {
  it("the lab's verdict is the grader's, and its final numbers are Node's bit for bit", async () => {
    const context = await site.browser.newContext();
    const { page, problems } = await openPage(context);
    for (const setup of [solutionSetup(challenge), startSetup(challenge)]) {
      const expected = gradeSetup(challenge, setup);
      await page.goto(`${site.url}lessons/training/#lab=${setup}`);
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
      await page.goto(`${site.url}challenges/${id}/`);
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

describe("the browser's class report", () => {
  it('counts the settings used and the failure reasons per challenge, as the grader in Node does', async () => {
    const relu = CHALLENGES[0]!;
    const files: Record<string, string> = {
      'ada.yaml': `answers:\n  ${relu.id}: "${solutionSetup(relu)}"\n`,
      'bob.yaml': `answers:\n  ${relu.id}: "${startSetup(relu)}"\n`,
      'cy.yaml': `answers:\n  ${relu.id}: "${startSetup(relu).replace('lr:0.003', 'lr:1')}"\n`,
    };
    const folder = mkdtempSync(join(tmpdir(), 'vg-challenge-class-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    const expected = classView(Object.entries(files).map(([name, text]) => gradeText(text, { path: name }))).challenges!.flatMap(
      challengeLines,
    );
    const context = await site.browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${site.url}guides/class-report/`, { waitUntil: 'load' });
    await page.locator('input[data-folder]').setInputFiles(folder);
    await page
      .locator('[data-status]')
      .filter({ hasText: /^Graded / })
      .waitFor({ timeout: POLL_MS });
    const text = (await page.locator('[data-result]').textContent()) ?? '';
    expect(text).toContain('Lab challenges: settings used and failure reasons');
    for (const line of expected) expect(text).toContain(line);
    expect(expected.join(' ')).toMatch(
      /relu-learning-rate: 1 correct, 2 incorrect.*failure reasons: (dead-units|missed-goal) \(1\), (dead-units|missed-goal) \(1\)/,
    );
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000); // three replays in the page's worker, on a loaded 2-core machine
});
