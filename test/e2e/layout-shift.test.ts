/**
 * Layout shift on a 390 × 844 phone while each page of the built site loads
 * and hydrates (DESIGN.md budget: CLS < 0.1), measured in Chromium with a
 * PerformanceObserver on a throttled network and CPU (support/layout-shift.ts).
 * CLS is a sum of layout fractions, not a timing. One test per page, so a slow
 * page on a loaded machine spends its own time, not the whole site's. The
 * figures are printed and written to test-results/cls.json, which
 * `npm run size` reports.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureLayoutShift, PHONE } from './support/layout-shift.ts';
import { useSite } from './support/served-site.ts';
import { SLOW_4G } from './support/server.ts';
import { builtPages, distDir, PROJECT_ROOT } from './support/site.ts';

/** "Good" CLS by Web Vitals' definition. */
const CLS_BUDGET = 0.1;

const PAGES = builtPages(distDir());

// Served compressed over a slow link; the pages are found on a fast server first.
const site = useSite({ crawl: true, compress: true, slow: SLOW_4G });
const results: { path: string; cls: number; shifts: number; worst: string[] }[] = [];

afterAll(() => {
  if (results.length === 0) return;
  console.log(`CLS at ${PHONE.width}×${PHONE.height}:\n${results.map((r) => `  ${r.path.padEnd(34)} ${r.cls.toFixed(4)}`).join('\n')}`);
  mkdirSync(resolve(PROJECT_ROOT, 'test-results'), { recursive: true });
  writeFileSync(resolve(PROJECT_ROOT, 'test-results/cls.json'), `${JSON.stringify(results, null, 2)}\n`);
});

describe(`layout shift on a ${PHONE.width} × ${PHONE.height} phone`, () => {
  it('is measured on every page a learner can reach by links, and only those', () => {
    expect(PAGES.length).toBeGreaterThan(10);
    expect(site.pages.map((url) => new URL(url).pathname).sort()).toEqual(PAGES);
  });

  it.each(PAGES)(`%s stays under ${CLS_BUDGET} while it loads, its maths fonts arrive and its islands hydrate`, async (path) => {
    const { cls, shifts } = await measureLayoutShift(site.browser, new URL(path.slice(1), site.url).href);
    const worst = [...shifts]
      .sort((a, b) => b.value - a.value)
      .slice(0, 2)
      .map((s) => `${s.value.toFixed(3)} at ${Math.round(s.time)} ms: ${s.sources.join(' ')}`);
    results.push({ path, cls, shifts: shifts.length, worst });
    expect(cls, `CLS ${cls.toFixed(3)} (${worst.join('; ')})`).toBeLessThan(CLS_BUDGET);
  });
});
