/**
 * Every page of the built site, found by crawling links from the home page:
 * WCAG 2.2 AA with axe-core (no rule excluded), no console error and no
 * failed request. Also checks that no link or asset is broken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { GUIDES, LESSONS } from '../../course/manifest.ts';
import { EXERCISE_IDS } from '../../exercises/types.ts';
import { openPage } from './support/browser.ts';
import { useSite } from './support/served-site.ts';
import { distDir } from './support/site.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const site = useSite({ crawl: true });
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
    const dist = distDir();
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : walk(path);
        return name === 'index.html' ? [`/${relative(dist, dir).split(sep).join('/')}/`.replace(/^\/\/$/, '/')] : [];
      });
    const reached = new Set(site.pages.map((p) => new URL(p).pathname));
    expect(walk(dist).filter((p) => !reached.has(p))).toEqual([]);
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
    // Every page in the default (light) scheme; the pages with our interactive parts again in dark.
    const dark = await site.browser.newContext({ colorScheme: 'dark', reducedMotion: 'reduce' });
    const interactive = site.pages.filter((p) => /\/(lessons|exercises)\//.test(p));
    // The 404 page is reached by no link, so it is added by hand.
    const all = [...site.pages, `${site.url}404.html`];
    const runs = [...all.map((url) => ({ url, ctx: context })), ...interactive.map((url) => ({ url, ctx: dark }))];
    for (const { url, ctx } of runs) {
      const { page, problems } = await openPage(ctx);
      await page.goto(url, { waitUntil: 'load' });
      // Unfold every <details> and scroll through the page, so folded content is audited too and
      // client:visible islands hydrate before the checks.
      await page.evaluate(async () => {
        for (const d of document.querySelectorAll('details')) d.open = true;
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 30));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForLoadState('networkidle');
      const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      const where = `${new URL(url).pathname}${ctx === dark ? ' (dark)' : ''}`;
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
    // About 35 audits of whole pages: on a busy 2-core machine this takes longer than the default 5 minutes.
  }, 900_000);
});
