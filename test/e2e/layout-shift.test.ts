/**
 * Layout shift on a 390 × 844 phone while each page of the built site loads
 * and hydrates (DESIGN.md budget: CLS < 0.1), measured in Chromium with a
 * PerformanceObserver on a throttled network and CPU (support/layout-shift.ts).
 * CLS is a sum of layout fractions, not a timing. The figures are printed and
 * written to test-results/cls.json, which `npm run size` reports.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureLayoutShift, PHONE } from './support/layout-shift.ts';
import { useSite } from './support/served-site.ts';
import { SLOW_4G } from './support/server.ts';
import { PROJECT_ROOT } from './support/site.ts';

/** "Good" CLS by Web Vitals' definition. */
const CLS_BUDGET = 0.1;

// Served compressed over a slow link; the pages are found on a fast server first.
const site = useSite({ crawl: true, compress: true, slow: SLOW_4G });

describe(`layout shift on a ${PHONE.width} × ${PHONE.height} phone`, () => {
  it(`stays under ${CLS_BUDGET} on every page while it loads, its maths fonts arrive and its islands hydrate`, async () => {
    const results: { path: string; cls: number; shifts: number; worst: string[] }[] = [];
    for (const url of site.pages) {
      const { cls, shifts } = await measureLayoutShift(site.browser, url);
      const worst = [...shifts]
        .sort((a, b) => b.value - a.value)
        .slice(0, 2)
        .map((s) => `${s.value.toFixed(3)} at ${Math.round(s.time)} ms: ${s.sources.join(' ')}`);
      results.push({ path: new URL(url).pathname, cls, shifts: shifts.length, worst });
    }
    console.log(`CLS at ${PHONE.width}×${PHONE.height}:\n${results.map((r) => `  ${r.path.padEnd(28)} ${r.cls.toFixed(4)}`).join('\n')}`);
    mkdirSync(resolve(PROJECT_ROOT, 'test-results'), { recursive: true });
    writeFileSync(resolve(PROJECT_ROOT, 'test-results/cls.json'), `${JSON.stringify(results, null, 2)}\n`);
    expect(results.length).toBeGreaterThan(10);
    expect(results.filter((r) => !(r.cls < CLS_BUDGET)).map((r) => `${r.path}: CLS ${r.cls.toFixed(3)} (${r.worst.join('; ')})`)).toEqual(
      [],
    );
  });
});
