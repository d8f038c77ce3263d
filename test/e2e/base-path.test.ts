/**
 * An instructor's build under a sub-path (BASE_PATH=/course/), built here into
 * a temporary folder and served under /course/: every page reached by links,
 * every href, src and srcset (and every url() in the CSS) resolves, and every
 * root-relative URL carries the prefix.
 */
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useSite } from './support/served-site.ts';

const BASE = '/course/';
const site = useSite({ build: { name: 'base-path', env: { BASE_PATH: BASE, SITE_URL: 'https://example.edu' } }, base: BASE, crawl: true });

describe(`a build under BASE_PATH=${BASE}`, () => {
  it('reaches the lessons, guides and every exercise by links', () => {
    const paths = site.pages.map((p) => new URL(p).pathname);
    expect(paths).toContain(BASE);
    expect(paths).toContain(`${BASE}exercises/`);
    expect(paths.filter((p) => p.startsWith(`${BASE}exercises/`)).length).toBe(6);
    expect(paths.some((p) => p.startsWith(`${BASE}lessons/`))).toBe(true);
    expect(paths.some((p) => p.startsWith(`${BASE}guides/`))).toBe(true);
  });

  it('has no broken link or asset', () => {
    expect(site.crawled.checked.filter((c) => c.status !== 200).map((c) => `${c.status} ${c.raw} (from ${c.from})`)).toEqual([]);
  });

  it('prefixes every root-relative URL with the base path', () => {
    const unprefixed = site.crawled.checked.filter((c) => c.raw.startsWith('/') && !c.raw.startsWith('//') && !c.raw.startsWith(BASE));
    expect(unprefixed.map((c) => `${c.raw} (from ${c.from})`)).toEqual([]);
  });

  it('loads the islands, the race worker and the exercise script without a failed request', async () => {
    const context = await site.browser.newContext({ reducedMotion: 'reduce' });
    const report: string[] = [];
    for (const url of site.pages.filter((p) => /\/(lessons|exercises)\//.test(p))) {
      const { page, problems } = await openPage(context);
      await page.goto(url);
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 30));
        }
      });
      await page.waitForLoadState('networkidle');
      const lab = page.locator('[data-island="training-lab"]');
      if ((await lab.count()) > 0) {
        // The worker loads from under the base path and answers a step (after the prediction the lab asks for first).
        await lab.getByRole('radio', { name: /A:/ }).check();
        await lab.getByRole('button', { name: 'Step one epoch' }).click();
        await page.waitForFunction(() => document.querySelector('[data-island="training-lab"]')?.getAttribute('data-epoch') === '1');
      }
      report.push(...problems.map((p) => `${new URL(url).pathname}: ${p}`));
      await page.close();
    }
    expect(report).toEqual([]);
    await context.close();
  });
});
