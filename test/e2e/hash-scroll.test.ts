/**
 * A link that carries an island's state opens at that island, on a phone and
 * on a desktop: a lab preset link and a trace-explorer state both land with
 * the island in view (it was 4,600 px above the lab, which looked broken).
 */
import { describe, expect, it } from 'vitest';
import { useSite } from './support/served-site.ts';

const site = useSite();

/** Whether the element's box overlaps the viewport (runs in the page). */
const inView = (selector: string) => {
  const el = document.querySelector(selector);
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.top < innerHeight && r.bottom > 0;
};

describe.each([1280, 390])('a shared island link at %i px', (width) => {
  it.each([
    ['lessons/training/#lab:preset=batchnorm-rescue', '[data-island="training-lab"]'],
    ['lessons/measuring/#trace=d:6,w:8', '[data-island="trace-explorer"]'],
  ])('%s opens with the island in view', async (path, selector) => {
    const { context, page, problems } = await site.newPage({ viewport: { width, height: 800 } });
    await page.goto(site.url + path);
    await page.waitForLoadState('load');
    await expect.poll(() => page.evaluate(inView, selector)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('every explorer keeps its state in the URL', () => {
  it('the sigmoid explorer opens at a shared z and writes a moved z back', async () => {
    const { context, page, problems } = await site.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}lessons/sigmoid/#sigmoid-explorer=z:4`);
    await page.waitForLoadState('load');
    const island = page.locator('[data-island="sigmoid-explorer"]');
    await expect.poll(() => page.evaluate(inView, '[data-island="sigmoid-explorer"]')).toBe(true);
    await expect.poll(async () => (await island.locator('[data-readout="dsigma"]').textContent())?.trim()).toBe('0.0177');
    await island.getByRole('slider').first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/sigmoid-explorer=z:4\.\d/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
