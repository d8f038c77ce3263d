/**
 * Every island takes every input: an empty box, a lone sign, text, a huge or
 * out-of-range number. Whatever is typed into any text or number field of any
 * island, the island keeps working, says what it used (the value stays, or a
 * message says what was kept), and never shows NaN, Infinity or undefined.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { openPage } from './support/browser.ts';
import { islandPages } from './support/islands.ts';
import { useSite } from './support/served-site.ts';

const site = useSite();
let pages: Map<string, string[]>;
beforeAll(async () => {
  pages = await islandPages(site.url);
});

/** What a learner might type: nothing, a lone sign, a Unicode minus, text, an overflow, a huge and a tiny number, a lone point. */
const HOSTILE = ['', '-', '−', '+', 'abc', '1e400', '99999999999', '-1e308', '.', '0x10', '8'];
const BROKEN = /NaN|Infinity|undefined/;

/** Opens every <details> the island sits in, so it can be scrolled to. */
async function unfold(island: Locator): Promise<void> {
  await island.evaluate((el) => {
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  });
}

async function showAndHydrate(island: Locator): Promise<void> {
  await unfold(island);
  await island.scrollIntoViewIfNeeded();
  await island.locator('xpath=ancestor::astro-island[1]').evaluate(
    (el) =>
      new Promise<void>((done) => {
        const ready = () => !el.hasAttribute('ssr');
        if (ready()) return done();
        new MutationObserver((_, obs) => ready() && (obs.disconnect(), done())).observe(el, { attributes: true });
      }),
  );
}

describe('every field of every island', () => {
  it('finds the islands with typed fields', () => {
    expect([...pages.keys()]).toEqual(expect.arrayContaining(['gradient-flow', 'trace-explorer']));
  });

  it.each(['gradient-flow', 'trace-explorer', 'training-lab'])('%s: hostile values never break the readout', async (kind) => {
    const url = pages.get(kind)?.[0];
    if (!url) return expect.unreachable(`no page holds a ${kind} island`);
    const context = await site.browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(url);
    const island = page.locator(`[data-island="${kind}"]`).first();
    await showAndHydrate(island);
    const fields = island.locator('input[type="text"]:enabled, input[type="number"]:enabled, input:not([type]):enabled');
    // Hydrated is not yet ready: the lab enables its fields once its worker has started, later on a loaded machine.
    await expect.poll(() => fields.count(), { message: `${kind} has typed fields` }).toBeGreaterThan(0);
    const count = await fields.count();
    for (let i = 0; i < count; i++) {
      const field = fields.nth(i);
      if (!(await field.isVisible())) continue;
      for (const value of HOSTILE) {
        await field.fill(value);
        await field.press('Enter');
        const shown = (await island.innerText()) ?? '';
        expect(shown, `${kind} field ${i} after typing "${value}"`).not.toMatch(BROKEN);
        const typed = await field.inputValue();
        const message = island.locator('.vg-field-message');
        // It says what it used: either the value stands as typed, or a message says what was kept.
        if ((await message.count()) > 0) expect(await message.first().innerText()).toMatch(/kept|needs|outside|whole/);
        else expect(Number(typed.replace('−', '-'))).not.toBeNaN();
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  /** Lesson 5's page in a fresh context, not yet scrolled to its trace explorer. */
  async function openTraceExplorer() {
    const context = await site.browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(pages.get('trace-explorer')![0]!);
    return { context, page, problems, island: page.locator('[data-island="trace-explorer"]').first() };
  }

  it('lesson 5’s explorer keeps w = 8, as the text invites ("four and beyond"), and writes it to the URL', async () => {
    const { context, page, problems, island } = await openTraceExplorer();
    await showAndHydrate(island);
    const w = island.getByLabel(/Weight w/);
    await w.fill('8');
    await w.press('Enter');
    await expect.poll(() => island.locator('figcaption').innerText()).toContain('w = 8,');
    expect(await w.inputValue()).toBe('8');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('w:8');
    await w.fill('0');
    await w.press('Enter');
    await expect.poll(() => island.locator('[data-readout="summary"]').innerText()).toMatch(/no ratio/);
    expect(problems).toEqual([]);
    await context.close();
  });

  // A learner who types the moment the page wakes must not lose the value. The value is typed in the same task as the wake-up (a
  // microtask after Astro marks the island hydrated), before Preact's first effects run, and Enter is pressed after they have run.
  // A loaded machine once gave that order by chance: the field's first effect put the old value back over the typed one, and
  // Enter applied the old value.
  it('lesson 5’s explorer keeps a value typed the moment it hydrates', async () => {
    const { context, page, problems, island } = await openTraceExplorer();
    await unfold(island);
    const typedEarly = island.locator('xpath=ancestor::astro-island[1]').evaluate(
      (host) =>
        new Promise<string>((done) => {
          const typeNow = () => {
            const field = host.querySelector<HTMLInputElement>('[data-field$="-w"] input');
            if (!field) return done('no field');
            field.value = '8';
            field.dispatchEvent(new Event('input', { bubbles: true }));
            // Enter comes after Preact's first effects (a frame, or at most 100 ms) and before the typing pause (350 ms) applies it.
            setTimeout(() => {
              const seen = field.value;
              field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
              done(seen);
            }, 200);
          };
          if (!host.hasAttribute('ssr')) return done('already hydrated');
          new MutationObserver((_, obs) => !host.hasAttribute('ssr') && (obs.disconnect(), typeNow())).observe(host, { attributes: true });
        }),
    );
    await island.scrollIntoViewIfNeeded();
    expect(await typedEarly).toBe('8');
    await expect.poll(() => island.locator('figcaption').innerText()).toContain('w = 8,');
    // Well after every effect has run, the field still shows what was typed.
    await page.waitForTimeout(500);
    expect(await island.getByLabel(/Weight w/).inputValue()).toBe('8');
    expect(await island.locator('figcaption').innerText()).toContain('w = 8,');
    expect(problems).toEqual([]);
    await context.close();
  });
});
