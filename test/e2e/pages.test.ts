/**
 * Every page of the built site, found by crawling links from the home page:
 * WCAG 2.2 AA with axe-core (no rule excluded), no console error and no
 * failed request. Also checks that no link or asset is broken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { GUIDES, LESSONS } from '../../course/manifest.ts';
import { EXERCISE_IDS } from '../../exercises/types.ts';
import { openPage } from './support/browser.ts';
import { useSite } from './support/served-site.ts';
import { builtPages, distDir } from './support/site.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const site = useSite({ crawl: true });

/**
 * Unfolds every <details> and scrolls the page to the bottom a screen at a time, waiting at each step
 * for the browser to draw (two animation frames) and for client:visible islands to hydrate, so axe
 * audits the page as a reader who scrolled through it has seen it. Blocks deferred with
 * `content-visibility: auto` (src/styles/deferred-rendering.css) are laid out only near the screen
 * and skipped again once off it, which hides them from checks that need layout (a table too wide
 * for its box, say); so after the scroll they are drawn as they were on screen, all at once.
 */
async function unfoldAndScrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const d of document.querySelectorAll('details')) d.open = true;
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frame();
    for (const block of document.querySelectorAll<HTMLElement>('body *')) {
      if (getComputedStyle(block).contentVisibility === 'auto') block.style.contentVisibility = 'visible';
    }
    await frame();
  });
  await page.waitForLoadState('networkidle');
}

let context: BrowserContext;

beforeAll(async () => {
  context = await site.browser.newContext();
});

afterAll(async () => {
  await context?.close();
});

describe('the built site', () => {
  it('reaches every route by links: lessons, guides, the exercises index and every exercise of the manifest', () => {
    const paths = site.pages.map((p) => new URL(p).pathname);
    expect(paths).toContain('/');
    expect(paths).toContain('/exercises/');
    for (const id of EXERCISE_IDS) {
      expect(paths).toContain(`/exercises/${id}/`);
    }
    for (const { slug } of LESSONS) expect(paths).toContain(`/lessons/${slug}/`);
    for (const slug of GUIDES) expect(paths).toContain(`/guides/${slug}/`);
  });

  it('reaches every page the build wrote', () => {
    const reached = new Set(site.pages.map((p) => new URL(p).pathname));
    expect(builtPages(distDir()).filter((p) => !reached.has(p))).toEqual([]);
  });

  it('has no broken link or asset', () => {
    const broken = site.crawled.checked.filter((c) => c.status !== 200).map((c) => `${c.status} ${c.url} (from ${c.from})`);
    expect(broken).toEqual([]);
  });

  it('fits a 390 px phone screen on every page: nothing makes the page scroll sideways', async () => {
    const phone = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const wide: string[] = [];
    for (const url of site.pages) {
      const { page } = await openPage(phone);
      await page.goto(url, { waitUntil: 'load' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${new URL(url).pathname}: ${width}px`);
      await page.close();
    }
    await phone.close();
    expect(wide).toEqual([]);
  });

  it('passes axe (WCAG 2.2 AA) on every page with no console error or failed request', async () => {
    const report: string[] = [];
    // Every page twice: at 1280 px in the default (light) scheme, and on a 390 px phone in dark, where
    // wide tables and formulas scroll sideways in their boxes.
    const dark = await site.browser.newContext({ colorScheme: 'dark', reducedMotion: 'reduce', viewport: { width: 390, height: 844 } });
    // The 404 page is reached by no link, so it is added by hand.
    const all = [...site.pages, `${site.url}404.html`];
    const runs = [...all.map((url) => ({ url, ctx: context })), ...all.map((url) => ({ url, ctx: dark }))];
    for (const { url, ctx } of runs) {
      const { page, problems } = await openPage(ctx);
      await page.goto(url, { waitUntil: 'load' });
      await unfoldAndScrollThrough(page);
      await page.waitForLoadState('networkidle');
      const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      const where = `${new URL(url).pathname}${ctx === dark ? ' (390 px, dark)' : ''}`;
      for (const v of result.violations) {
        const targets = v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ');
        report.push(`${where}: ${v.id} (${v.impact}) ${v.help} — ${targets}`);
      }
      for (const p of problems) report.push(`${where}: ${p}`);
      await page.close();
    }
    await dark.close();
    expect(report).toEqual([]);
    // 54 audits of whole pages, each scrolled through: 118 s in the last CI run on 2 cores; the timeout leaves room for a machine
    // loaded many times over.
  }, 1_800_000);
});
