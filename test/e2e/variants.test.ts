/**
 * Per-learner variants, end to end: a build with COURSE_VARIANTS=on asks for a
 * learner id, refills the prompt with that learner's numbers, grades against
 * them, and downloads a file with `learner:` that the CLI (variants on) grades
 * the same way.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { exerciseParams, getExercise, renamedNumbers } from '../../exercises/index.ts';
import { fillLabel } from '../../exercises/labels.ts';
import { VARIANT } from '../../grader/messages/variants.ts';
import { numbersNotice } from '../../src/islands/exercise/variant.ts';
import { typed } from './support/answers.ts';
import { useSite } from './support/served-site.ts';
import { PROJECT_ROOT } from './support/site.ts';

const exercise = getExercise('weight-scale')!;
const canonical = exercise.display(exercise.canonical);
// The first learner id whose weight-scale numbers differ from the post's in every shown weight.
const learner = Array.from({ length: 50 }, (_, i) => `learner-${i}@example.edu`).find((id) => {
  const shown = exercise.display(exerciseParams(exercise, id, true));
  return shown.wA !== canonical.wA && shown.wB !== canonical.wB;
})!;
const params = exerciseParams(exercise, learner, true);

const site = useSite({ build: { name: 'variants', env: { COURSE_VARIANTS: 'on' } } });

describe('a build with COURSE_VARIANTS=on', () => {
  it("re-renders the prompt with the learner's numbers, grades against them, and the CLI agrees on the download", async () => {
    expect(learner).toBeDefined();
    const { context, page, problems } = await site.newPage({ acceptDownloads: true });
    await page.goto(`${site.url}exercises/${exercise.id}/`);
    const id = page.getByLabel('Your learner id');
    await id.fill(learner);
    await id.press('Tab');
    const shown = exercise.display(params);
    await expect.poll(() => page.locator('[data-param="wA"]').first().textContent()).toBe(shown.wA);
    expect(await page.locator('[data-param="wB"]').first().textContent()).toBe(shown.wB);

    // The learner's own reference answers are all correct…
    const answers = exercise.answers(params);
    const form = page.locator(`form[data-exercise="${exercise.id}"]`);
    for (const part of exercise.parts) {
      const value = typed(answers[part.id]!);
      if (part.kind === 'choice') await form.locator(`input[name="${part.id}"][value="${value}"]`).check();
      else await form.locator(`input[name="${part.id}"]`).fill(value);
    }
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const verdicts = async () => Promise.all(exercise.parts.map((p) => page.locator(`[data-part="${p.id}"]`).getAttribute('data-verdict')));
    await page.locator(`[data-part="${exercise.parts[0]!.id}"]`).waitFor();
    expect(await verdicts()).toEqual(exercise.parts.map(() => 'correct'));

    // …and the file carries the learner, so the CLI grades the same numbers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download answers' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'vg-variants-')), 'answers.yaml');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toContain(`learner: ${learner}`);
    // …and says, above the exercise, which of the learner's numbers each key that keeps the post's name asks for.
    for (const r of renamedNumbers(exercise, params)) expect(readFileSync(file, 'utf8')).toContain(`  # ${VARIANT.keyNote(r)}\n`);
    // …and when it was saved, which the gradebook keeps a learner's latest file by.
    const submitted = /^submitted: (\S+)$/m.exec(readFileSync(file, 'utf8'))?.[1];
    expect(Math.abs(Date.parse(submitted!) - Date.now())).toBeLessThan(3_600_000);
    const node = resolve(PROJECT_ROOT, 'node_modules/.bin/node');
    const grade = (flag: string) => {
      const run = spawnSync(node, ['grader/cli.ts', file, '--format', 'json', flag], { cwd: PROJECT_ROOT, encoding: 'utf8' });
      const report = JSON.parse(run.stdout) as { files: { exercises: { id: string; parts: { verdict: string }[] }[] }[] };
      return report.files[0]!.exercises.find((e) => e.id === exercise.id)!.parts.map((p) => p.verdict);
    };
    expect(grade('--variants')).toEqual(exercise.parts.map(() => 'correct'));
    // With variants off the same file is graded against the post's numbers, where these answers are wrong.
    expect(grade('--no-variants')).toContain('incorrect');
    // The learner-id field only exists in such builds, so it gets its own accessibility check here.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says which numbers a learner id changes, and which numbers each key that keeps the post’s name asks for', async () => {
    const saturation = getExercise('saturation')!;
    const post = saturation.display(saturation.canonical);
    // The first learner whose saturated z and large weight both differ from the post's.
    const who = Array.from({ length: 50 }, (_, i) => `learner-${i}@example.edu`).find((l) => {
      const mine = saturation.display(exerciseParams(saturation, l, true));
      return mine.zSat !== post.zSat && mine.w !== post.w;
    })!;
    const mine = saturation.display(exerciseParams(saturation, who, true));
    const { context, page, problems } = await site.newPage();
    await page.goto(`${site.url}exercises/${saturation.id}/`);
    await page.locator('vg-exercise [data-action="download"]').waitFor({ state: 'visible' });
    const notice = page.locator('[data-numbers-notice]');
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.textContent()).toBe('');
    expect(await page.locator('[data-key-note]:not(:empty)').count()).toBe(0);

    const id = page.getByLabel('Your learner id');
    await id.fill(who);
    await id.press('Tab');
    const expected = numbersNotice(saturation, undefined, who, true);
    await expect.poll(() => notice.textContent()).toBe(expected);
    expect(expected).toContain(`z_sat = ${mine.zSat} instead of ${post.zSat}`);
    expect(expected).toContain(`w = ${mine.w} instead of ${post.w}`);
    expect(await notice.isVisible()).toBe(true);

    // Each label asks about the learner's numbers, and each key that names the post's numbers says so.
    const labels = await page.locator('form[data-exercise] .vg-part > label').allInnerTexts();
    for (const part of saturation.parts) expect(labels).toContain(fillLabel(part.label, mine));
    const renamed = renamedNumbers(saturation, exerciseParams(saturation, who, true));
    expect(renamed.map((r) => r.part)).toEqual([
      'dsigma_at_5',
      ...(mine.zSmall !== post.zSmall ? ['dsigma_at_0_5'] : []),
      'factor_w10_at_5',
    ]);
    for (const r of renamed) {
      const note = page.locator(`[data-key-note="${r.part}"]`);
      expect(await note.textContent()).toBe(VARIANT.keyNote(r));
      expect(await note.isVisible()).toBe(true);
    }
    expect(await page.locator('[data-key-note="dsigma_at_5"]').textContent()).toContain(`σ′(${mine.zSat}); the file key stays dsigma_at_5`);
    // The note belongs to the input's description, so a screen reader hears it with the label.
    const describedBy = (await page.locator('input[name="dsigma_at_5"]').getAttribute('aria-describedby'))!.split(' ');
    expect(describedBy).toContain('q-dsigma_at_5');

    // Clearing the id goes back to the post's numbers and says so; the notes go.
    await id.fill('');
    await id.press('Tab');
    await expect.poll(() => notice.textContent()).toBe(numbersNotice(saturation, who, undefined, true));
    expect(await page.locator('[data-key-note]:not(:empty)').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
