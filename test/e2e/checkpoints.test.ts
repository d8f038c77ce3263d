/**
 * The lessons' checkpoints in a real browser: each one answered wrong (a
 * catalogued slip, which gets its own message) and then right; the answer is
 * not in the page's rendered text until a first Check and "Show the answer";
 * the results and the lesson's "done" count survive a reload; without
 * JavaScript the answer waits in a closed <details>.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { CHECKPOINT_LESSONS, lessonCheckpoints, type Checkpoint } from '../../exercises/checkpoints/index.ts';
import { typed } from './support/answers.ts';
import { useSite } from './support/served-site.ts';

const site = useSite();

/** Types a number or picks a word in the checkpoint's form. */
async function answer(form: Locator, checkpoint: Checkpoint, value: string): Promise<void> {
  if (checkpoint.part.kind === 'choice') await form.locator(`input[name="${checkpoint.part.id}"][value="${value}"]`).check();
  else await form.locator(`input[name="${checkpoint.part.id}"]`).fill(value);
}

/**
 * Presses Check by an event on the button itself, not a click at screen coordinates: on a loaded machine an
 * island above hydrating late can move the button between Playwright's aim and its click (a missed click left
 * a lesson's blank Check unanswered in a full run). The button is still the learner's way in: visible, enabled.
 */
async function pressCheck(check: Locator): Promise<void> {
  await check.waitFor({ state: 'visible' });
  expect(await check.isEnabled()).toBe(true);
  await check.dispatchEvent('click');
}

/** The first catalogued slip, as a learner would type it. */
function slip(checkpoint: Checkpoint) {
  const m = checkpoint.misconceptions[0];
  if (!m) throw new Error(`${checkpoint.id} has no misconception to try`);
  return { value: typed(m.value), feedback: m.feedback };
}

describe.each(CHECKPOINT_LESSONS)('lessons/%s/ checkpoints', (lesson) => {
  const checkpoints = lessonCheckpoints(lesson);

  it('do nothing but wait when Check is pressed before the script starts (no navigation)', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}lessons/${lesson}/`);
    const url = page.url();
    await page
      .locator('form[data-checkpoint]')
      .first()
      .evaluate((form) => (form as HTMLFormElement).requestSubmit());
    expect(page.url()).toBe(url);
    await context.close();
  });

  it('are answered wrong, then right; the answer shows only after a Check; progress survives a reload', async () => {
    const { context, page, problems } = await site.newPage();
    await page.goto(`${site.url}lessons/${lesson}/`);
    await page.waitForFunction(() => customElements.get('vg-checkpoint') !== undefined);
    expect(await page.locator('form[data-checkpoint]').count()).toBe(checkpoints.length);
    for (const checkpoint of checkpoints) {
      const form = page.locator(`form[data-checkpoint="${checkpoint.id}"]`);
      await form.scrollIntoViewIfNeeded();
      const check = form.getByRole('button', { name: 'Check', exact: true });
      const reveal = form.getByRole('button', { name: 'Show the answer' });
      const verdict = form.locator('[data-verdict]');
      await check.waitFor({ state: 'visible' });
      expect(await form.locator('[aria-live="polite"] [data-verdict]').count()).toBe(1);
      // Before a first Check: no answer, no explanation, in the rendered text.
      await expect.poll(() => reveal.isDisabled()).toBe(true);
      const before = await page.evaluate(() => document.body.innerText);
      expect(before).not.toContain(checkpoint.answerText);
      expect(before).not.toContain(checkpoint.explanation);

      const wrong = slip(checkpoint);
      await answer(form, checkpoint, wrong.value);
      await pressCheck(check);
      await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('incorrect');
      expect(await verdict.textContent()).toContain(wrong.feedback);
      expect(await reveal.isDisabled()).toBe(false);
      expect(await page.evaluate(() => document.body.innerText)).not.toContain(checkpoint.answerText);

      await answer(form, checkpoint, typed(checkpoint.answer));
      await pressCheck(check);
      await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('correct');
      expect(await verdict.textContent()).toMatch(/^Correct\. Read as /);
      await reveal.click();
      await expect.poll(() => form.innerText()).toContain(checkpoint.answerText);
    }
    const total = checkpoints.length;
    await expect.poll(() => page.locator('[data-cp-done]').first().textContent()).toBe(`· ${total} of ${total} done`);

    await page.reload();
    await page.waitForFunction(() => customElements.get('vg-checkpoint') !== undefined);
    for (const checkpoint of checkpoints) {
      const form = page.locator(`form[data-checkpoint="${checkpoint.id}"]`);
      await expect.poll(() => form.locator('[data-verdict]').getAttribute('data-verdict')).toBe('correct');
      expect(await form.innerText()).toContain(checkpoint.answerText);
      if (checkpoint.part.kind === 'number') expect(await form.locator('input[type="text"]').inputValue()).toBe(typed(checkpoint.answer));
      else expect(await form.locator(`input[value="${checkpoint.answer}"]`).isChecked()).toBe(true);
    }
    expect(await page.locator('[data-cp-done]').last().textContent()).toBe(`· ${total} of ${total} done`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keep their height when the script writes the "done" count, at every width from a small phone to a desktop', async () => {
    // The count arrives after the first frame; if it pushed the title onto a second line, the question would jump
    // (Lighthouse's 412 px phone saw a layout shift of 0.09 on two lessons before its room was reserved).
    const { context, page } = await site.newPage();
    await page.goto(`${site.url}lessons/${lesson}/`);
    const longest = `· ${checkpoints.length} of ${checkpoints.length} done`;
    const widths = [...Array.from({ length: 41 }, (_, i) => 320 + 4 * i), 768, 1280];
    const jumps: string[] = [];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      const heights = await page.evaluate((text) => {
        const measure = (value: string) =>
          [...document.querySelectorAll<HTMLElement>('form[data-checkpoint]')].map((form) => {
            const done = form.querySelector<HTMLElement>('[data-cp-done]');
            if (done) done.textContent = value;
            return form.getBoundingClientRect().height;
          });
        return { empty: measure(''), filled: measure(text) };
      }, longest);
      heights.empty.forEach((h, i) => {
        if (Math.abs(h - (heights.filled[i] ?? h)) > 0.5) jumps.push(`${width} px, checkpoint ${i + 1}: ${h} -> ${heights.filled[i]}`);
      });
    }
    await context.close();
    expect(jumps).toEqual([]);
  });

  it('keep an unchecked answer over a reload, and a blank Check does not unlock the answer', async () => {
    const { context, page } = await site.newPage();
    await page.goto(`${site.url}lessons/${lesson}/`);
    await page.waitForFunction(() => customElements.get('vg-checkpoint') !== undefined);
    const checkpoint = checkpoints[0]!;
    const form = page.locator(`form[data-checkpoint="${checkpoint.id}"]`);
    await pressCheck(form.getByRole('button', { name: 'Check', exact: true }));
    await expect.poll(() => form.locator('[data-verdict]').getAttribute('data-verdict')).toBe('missing');
    expect(await form.getByRole('button', { name: 'Show the answer' }).isDisabled()).toBe(true);
    const value = slip(checkpoint).value;
    await answer(form, checkpoint, value);
    // The typed answer is saved a moment after the last keystroke.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('vg:v1:checkpoints') ?? '')).toContain(JSON.stringify(value));
    await page.reload();
    await page.waitForFunction(() => customElements.get('vg-checkpoint') !== undefined);
    if (checkpoint.part.kind === 'number') await expect.poll(() => form.locator('input[type="text"]').inputValue()).toBe(value);
    else await expect.poll(() => form.locator(`input[value="${value}"]`).isChecked()).toBe(true);
    await context.close();
  });

  it('without JavaScript, show each question with its answer in a closed <details> and say checking needs JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}lessons/${lesson}/`);
    for (const checkpoint of checkpoints) {
      const form = page.locator(`form[data-checkpoint="${checkpoint.id}"]`);
      expect(await form.innerText()).toContain(checkpoint.question);
      expect(await form.innerText()).toContain('needs JavaScript');
      const details = form.locator('details');
      expect(await details.getAttribute('open')).toBeNull();
      expect(await details.textContent()).toContain(checkpoint.answerText);
      expect(await form.innerText()).not.toContain(checkpoint.answerText);
    }
    await context.close();
  });
});

describe('the checkpoint grader', () => {
  const lesson = CHECKPOINT_LESSONS[0]!;
  const checkpoint = lessonCheckpoints(lesson)[0]!;

  it('is loaded only when a learner starts on a checkpoint, and says so when it cannot be', async () => {
    const { context, page } = await site.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => void (request.resourceType() === 'script' && scripts.push(request.url())));
    // Scripts fetched after the page has loaded fail, as they would offline, and only after a while, as on a
    // flaky link: a Check pressed online must not wait on a load that started offline and has not failed yet.
    let offline = false;
    await page.route('**/*.js', async (route) => {
      if (!offline) return route.continue();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return route.abort('internetdisconnected');
    });
    await page.goto(`${site.url}lessons/${lesson}/`);
    await page.waitForFunction(() => customElements.get('vg-checkpoint') !== undefined);
    await page.waitForLoadState('networkidle');
    const loaded = scripts.length;
    const form = page.locator(`form[data-checkpoint="${checkpoint.id}"]`);
    await form.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    expect(scripts.length).toBe(loaded); // reading is not starting
    offline = true;
    await answer(form, checkpoint, typed(checkpoint.answer));
    // Check is pressed by an event on the button itself, not a click at screen coordinates: on a loaded machine
    // an island above hydrating late can move the button between Playwright's aim and its click.
    const check = form.getByRole('button', { name: 'Check', exact: true });
    await check.dispatchEvent('click');
    await expect.poll(() => form.locator('[data-verdict]').textContent()).toContain('could not be loaded');
    expect(scripts.length).toBeGreaterThan(loaded);
    // Several failed loads in a row (focus, then each Check) must not stick: the next Check online still loads.
    // Each Check says it is loading, so the poll below waits for this Check's own failure, not the last one's message.
    await check.dispatchEvent('click');
    await expect.poll(() => form.locator('[data-verdict]').textContent()).toContain('could not be loaded');
    offline = false;
    await check.dispatchEvent('click');
    await expect.poll(() => form.locator('[data-verdict]').getAttribute('data-verdict')).toBe('correct');
    await context.close();
  });
});
