/**
 * The built site with JavaScript off (Playwright's javaScriptEnabled: false):
 * the colour scheme follows the system, and every island and form says
 * plainly that it needs JavaScript and what to do instead, while its
 * JavaScript-only controls do not pretend to work.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from './support/served-site.ts';

const site = useSite({ crawl: true });

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? [])
    .slice(0, 3)
    .map(Number)
    .map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('without JavaScript', () => {
  it('follows the system colour scheme on every page: light when it prefers light, dark when it prefers dark', async () => {
    const wrong: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const context = await site.browser.newContext({ javaScriptEnabled: false, colorScheme: scheme });
      for (const url of site.pages) {
        const page = await context.newPage();
        await page.goto(url);
        const { bg, fg } = await page.evaluate(() => ({
          bg: getComputedStyle(document.body).backgroundColor,
          fg: getComputedStyle(document.body).color,
        }));
        const light = luminance(bg) > luminance(fg);
        if (light !== (scheme === 'light')) wrong.push(`${new URL(url).pathname} (${scheme} system): background ${bg}, text ${fg}`);
        await page.close();
      }
      await context.close();
    }
    expect(wrong).toEqual([]);
  });

  it('says, in every island and every exercise or checkpoint form, what needs JavaScript', async () => {
    const silent: string[] = [];
    let checked = 0;
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    for (const url of site.pages) {
      const page = await context.newPage();
      await page.goto(url);
      const found = await page.evaluate(() => {
        const parts = [...document.querySelectorAll('astro-island, form[data-exercise], form[data-checkpoint]')]
          // An island nested in another island is covered by its parent's note.
          .filter((el) => !el.parentElement?.closest('astro-island'));
        return parts.map((part) => {
          // An exercise form's note sits just above it, in its <vg-exercise> wrapper.
          const el = part.closest('vg-exercise') ?? part;
          // A reader opens any <details> the part is folded into, and any inside it.
          for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
          for (const d of el.querySelectorAll('details')) d.open = true;
          const name =
            part.getAttribute('data-exercise') ??
            part.getAttribute('data-checkpoint') ??
            part.querySelector('[data-island]')?.getAttribute('data-island') ??
            part.getAttribute('component-url') ??
            part.tagName;
          // innerText is what is rendered: a note hidden by CSS does not count.
          const says = /JavaScript/i.test((el as HTMLElement).innerText);
          return { name, says };
        });
      });
      for (const f of found) {
        checked++;
        if (!f.says) silent.push(`${new URL(url).pathname}: ${f.name}`);
      }
      await page.close();
    }
    await context.close();
    expect(checked).toBeGreaterThan(5);
    expect(silent).toEqual([]);
  });

  it("shows the sigmoid explorer's note and renders its slider disabled, not live-looking", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.pages.find((p) => p.includes('/lessons/sigmoid/'))!);
    const island = page.locator('[data-island="sigmoid-explorer"]');
    await expect(island.locator('.vg-needs-js').isVisible()).resolves.toBe(true);
    expect(await island.locator('.vg-needs-js').innerText()).toMatch(/needs JavaScript.*The numbers behind this figure/s);
    await expect(island.locator('input[type="range"]').isDisabled()).resolves.toBe(true);
    await expect(island.locator('svg[role="slider"]').getAttribute('tabindex')).resolves.toBe('-1');
    await context.close();
  });

  it('hides the no-JavaScript note when JavaScript runs', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.pages.find((p) => p.includes('/lessons/sigmoid/'))!);
    await expect(page.locator('[data-island="sigmoid-explorer"] .vg-needs-js').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
