/**
 * Cumulative layout shift of one page on a phone while it loads and hydrates,
 * read from a PerformanceObserver('layout-shift') in Chromium. Serve the site
 * with serveStatic's `slow: SLOW_4G` (and `compress`, as a real host does);
 * the CPU is slowed here 4×, as Lighthouse's mobile preset does, so late fonts
 * and late islands have the chance to move text that they have on a real phone.
 * CLS is a sum of layout fractions, not a time: it may be asserted.
 */
import type { Browser } from 'playwright-core';
import { revealAll } from './render.ts';

export const PHONE = { width: 390, height: 844 } as const;

/** One shift: its score and the elements that moved (tag.class, first three). */
export interface Shift {
  value: number;
  time: number;
  sources: string[];
}

export interface LayoutShift {
  /** CLS as Chromium and Lighthouse define it: the largest session window (gaps < 1 s, at most 5 s). */
  cls: number;
  /** Every shift not caused by recent input, in order. */
  shifts: Shift[];
}

/** The session-window CLS of a list of shifts (web-vitals' definition). */
export function sessionWindowCls(shifts: readonly Shift[]): number {
  let best = 0;
  let current = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.time - last > 1000 || s.time - start > 5000) {
      current = 0;
      start = s.time;
    }
    current += s.value;
    last = s.time;
    best = Math.max(best, current);
  }
  return best;
}

/** Loads `url` at 390×844 with throttled network and CPU, scrolls through it so islands hydrate, and returns its layout shifts. */
export async function measureLayoutShift(browser: Browser, url: string): Promise<LayoutShift> {
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; time: number; sources: string[] }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (e.hadRecentInput) continue;
        const sources = (e.sources ?? []).slice(0, 3).map((s) => {
          const n = s.node;
          if (!(n instanceof Element)) return n?.nodeName ?? '?';
          return `${n.tagName.toLowerCase()}${n.className && typeof n.className === 'string' ? `.${n.className.trim().split(/\s+/).join('.')}` : ''}`;
        });
        w.__shifts.push({ value: e.value, time: e.startTime, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // The network is slowed by the server (serveStatic's `slow` option, SLOW_4G); the CPU here, 4× as Lighthouse's mobile preset.
  // (Chromium's own network emulation over CDP stalled the second page a vitest run loaded.)
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Throttled, on a shared 2-core machine, a page can take a while: the measure is layout, not time.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForLoadState('load', { timeout: 120_000 });
  await page.waitForTimeout(500);
  // Steps a little shorter than the 844 px screen: every block passes through it, and a client:visible island wakes.
  await revealAll(page, { step: 700, pauseMs: 150 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
  await context.close();
  return { cls: sessionWindowCls(shifts), shifts };
}
