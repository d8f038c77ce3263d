/**
 * `node bench/lighthouse.ts [dist]` (also the tail of `npm run size`):
 * Lighthouse 12 on every page of the built site, with its default mobile
 * settings (Moto G Power screen, simulated slow 4G and 4× CPU), the site served
 * compressed (brotli/gzip) with cacheable assets, as a static host serves it.
 * Prints the four category scores and the load figures per page against
 * DESIGN.md's budget (performance ≥ 0.95; accessibility, best practices and
 * SEO 1), and names the audits that cost a page points, with the machine's
 * load average at the start and the end. Printed, never asserted: these are
 * timings. Chromium from CHROME_PATH, else /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { crawl } from '../test/e2e/support/crawl.ts';
import { serveStatic } from '../test/e2e/support/server.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = resolve(root, process.argv[2] ?? 'dist');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET: Record<(typeof CATEGORIES)[number], number> = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 };

if (!existsSync(resolve(dist, 'index.html'))) {
  console.log(`\nLighthouse: no built site in ${dist}; run \`npm run build\` first.`);
  process.exit(0);
}

const server = await serveStatic(dist, '/', { compress: true });
// Optional page filter: `npm run lighthouse -- dist lessons/sigmoid` measures only paths containing it.
const only = process.argv[3];
const pages = (await crawl(server.url)).pages.filter((p) => !only || new URL(p).pathname.includes(only));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

interface Row {
  page: string;
  scores: Record<string, number>;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  misses: string[];
  /** Lighthouse's measure of this machine's CPU speed during the run (a typical desktop scores about 1000-2500). */
  benchmark: number;
}

/** The machine's load average (1, 5 and 15 minutes): on a shared machine, performance figures read low when it is high. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

const rows: Row[] = [];
try {
  console.log(
    `\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile defaults, ${pages.length} pages from ${relative(root, dist) || '.'}/ served compressed\n`,
  );
  console.log(`Load average at the start: ${load()} (${new Date().toISOString().slice(11, 19)} UTC)\n`);
  // One run thrown away first: the first page loaded in a fresh Chromium profile also pays the browser's own
  // start-up (code caches, fonts, the GPU process), a few hundred milliseconds of main-thread work that no page
  // causes, and would charge it to whichever page comes first (the home page).
  if (pages[0])
    await lighthouse(pages[0], { port: Number(chrome.port), output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  console.log(['page'.padEnd(30), 'perf', ' a11y', '   bp', '  seo', '   FCP', '   LCP', '   TBT', '    CLS', ' CPU'].join(' '));
  for (const url of pages) {
    const result = await lighthouse(url, { port: Number(chrome.port), output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? 0]));
    const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    // The audits that cost points in a category below its target (weighted ones that did not pass).
    const misses = CATEGORIES.filter((c) => (scores[c] ?? 0) < TARGET[c]).flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`),
    );
    const row: Row = {
      page: new URL(url).pathname,
      scores,
      fcp: num('first-contentful-paint'),
      lcp: num('largest-contentful-paint'),
      tbt: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      misses,
      benchmark: lhr.environment.benchmarkIndex,
    };
    rows.push(row);
    const s = (c: (typeof CATEGORIES)[number]) => `${(scores[c] ?? 0).toFixed(2)}${(scores[c] ?? 0) < TARGET[c] ? '✗' : ' '}`.padStart(5);
    console.log(
      [
        row.page.padEnd(30),
        s('performance'),
        s('accessibility'),
        s('best-practices'),
        s('seo'),
        `${(row.fcp / 1000).toFixed(2)}s`.padStart(6),
        `${(row.lcp / 1000).toFixed(2)}s`.padStart(6),
        `${Math.round(row.tbt)}ms`.padStart(6),
        row.cls.toFixed(4).padStart(7),
        String(Math.round(row.benchmark)).padStart(5),
      ].join(' '),
    );
  }
} finally {
  await chrome.kill();
  await server.close();
}

const below = rows.filter((r) => r.misses.length > 0);
console.log(`\nLoad average at the end: ${load()} (${new Date().toISOString().slice(11, 19)} UTC)`);
const min = (c: (typeof CATEGORIES)[number]) => Math.min(...rows.map((r) => r.scores[c] ?? 0));
console.log(
  `\nLowest: performance ${min('performance').toFixed(2)} (target ≥ ${TARGET.performance}), accessibility ${min('accessibility').toFixed(2)}, best practices ${min('best-practices').toFixed(2)}, SEO ${min('seo').toFixed(2)} (targets 1); largest CLS ${Math.max(...rows.map((r) => r.cls)).toFixed(4)}`,
);
for (const r of below) console.log(`${r.page}: ${r.misses.join('; ')}`);
// Simulated throttling multiplies the main-thread work it observed by 4: on a busy machine (a low CPU index),
// performance reads low for reasons that are not the page's.
console.log(
  `CPU index (Lighthouse benchmarkIndex) during the run: ${Math.round(Math.min(...rows.map((r) => r.benchmark)))} to ${Math.round(Math.max(...rows.map((r) => r.benchmark)))}; below about 1000 the performance figures overstate the page's cost.`,
);
