/**
 * The lab's heatmaps label each band: the row label for layer k sits on the
 * band the canvas draws for layer k (layer 1 at the bottom, the output on
 * top), at phone and desktop width. Positions are measured in the browser.
 */
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useSite } from './support/served-site.ts';

const site = useSite();

interface Measured {
  bands: number;
  /** Each label's vertical centre and text, top to bottom. */
  labels: { y: number; text: string }[];
  /** The canvas's drawn area (inside its border): top and height. */
  top: number;
  height: number;
}

describe.each([1280, 390])('the lab heatmap at %i px', (width) => {
  it('puts each row label on its band, and labels every band', async () => {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    const { page, problems } = await openPage(context);
    await page.goto(`${site.url}lessons/training/`);
    const heat = page.locator('[data-island="training-lab"] [data-chart="heatmap"]').first();
    await heat.scrollIntoViewIfNeeded();
    const m: Measured = await heat.evaluate((fig) => {
      const canvas = fig.querySelector('canvas')!;
      const box = canvas.getBoundingClientRect();
      const style = getComputedStyle(canvas);
      const top = box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop);
      const height = canvas.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const labels = [...fig.querySelectorAll('.vg-lab-heat-y span')].map((s) => {
        const r = s.getBoundingClientRect();
        return { y: r.top + r.height / 2, text: s.textContent ?? '' };
      });
      return { bands: canvas.height, labels, top, height };
    });
    expect(m.bands).toBeGreaterThan(1);
    expect(m.labels).toHaveLength(m.bands);
    const band = m.height / m.bands;
    m.labels.forEach((label, row) => {
      const centre = m.top + (row + 0.5) * band;
      // A label belongs to the band whose middle third holds its centre.
      expect(Math.abs(label.y - centre), `"${label.text}" (row ${row}) at ${width} px`).toBeLessThan(band / 3);
    });
    expect(m.labels[0]!.text).toMatch(/out/);
    expect(m.labels.at(-1)!.text).toBe('1');
    expect(problems).toEqual([]);
    await context.close();
  });
});
