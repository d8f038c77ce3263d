/**
 * Tables read on a 390 px phone: no cell is squeezed to about one word per
 * line, and no header row towers over its table. Measured in Chromium on every
 * lesson (layout, not screenshots: a cell's line count is its height over its
 * line height).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useSite } from './support/served-site.ts';

const site = useSite({ crawl: true });
let lessons: string[] = [];
beforeAll(() => {
  lessons = site.pages.filter((p) => /\/lessons\/[^/]+\/$/.test(p));
});

/** Fewer words per line than this, in a cell of MIN_WORDS or more, reads as one word per line. */
const WORDS_PER_LINE = 1.6;
const MIN_WORDS = 4;
/** A header row taller than this many lines is mostly empty space above short cells. */
const HEADER_LINES = 6;

describe('tables on a 390 px phone', () => {
  it('finds the lessons', () => expect(lessons.length).toBeGreaterThanOrEqual(9));

  it('keep at least two words on a line in every cell, and a header row of at most a few lines', async () => {
    const { context, page } = await site.newPage({ viewport: { width: 390, height: 844 } });
    const problems: string[] = [];
    for (const url of lessons) {
      await page.goto(url);
      // Open folded parts so their tables are laid out too.
      await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const found = await page.evaluate(
        ({ WORDS_PER_LINE, MIN_WORDS, HEADER_LINES }) => {
          const out: string[] = [];
          for (const table of document.querySelectorAll('main table')) {
            if (table.closest('[data-island]')) continue;
            for (const cell of table.querySelectorAll('th, td, caption')) {
              const el = cell as HTMLElement;
              if (el.getClientRects().length === 0) continue;
              if (el.querySelector('.katex')) continue; // typeset math breaks where KaTeX allows, not by words
              const text = el.innerText.trim();
              const words = text.split(/\s+/).filter(Boolean).length;
              // Lines of text, not the cell's height (a cell is as tall as its row): distinct tops of the text's boxes.
              const range = document.createRange();
              range.selectNodeContents(el);
              const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4))).size || 1;
              if (words >= MIN_WORDS && lines > 1 && words / lines < WORDS_PER_LINE)
                out.push(`“${text.slice(0, 40)}”: ${words} words on ${lines} lines`);
            }
            const head = table.querySelector('thead') as HTMLElement | null;
            if (head && head.getClientRects().length > 0 && head.offsetHeight > 1) {
              const lh = parseFloat(getComputedStyle(head).lineHeight) || 20;
              if (head.offsetHeight > HEADER_LINES * lh + 24 && !head.querySelector('.katex'))
                out.push(`header ${head.offsetHeight}px tall: “${head.innerText.trim().slice(0, 40)}”`);
            }
          }
          return out;
        },
        { WORDS_PER_LINE, MIN_WORDS, HEADER_LINES },
      );
      for (const f of found) problems.push(`${new URL(url).pathname}: ${f}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lesson 5’s corrected program shows every line whole at 1280 px (its block does not scroll)', async () => {
    const { context, page } = await site.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(lessons.find((u) => u.includes('/lessons/measuring/'))!);
    const widths = await page.evaluate(() => [...document.querySelectorAll('main pre')].map((p) => p.scrollWidth - p.clientWidth));
    expect(widths.length).toBeGreaterThanOrEqual(2);
    expect(widths.every((extra) => extra <= 0)).toBe(true);
    await context.close();
  });
});
