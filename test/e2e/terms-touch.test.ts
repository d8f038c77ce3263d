/**
 * On a touch screen a term shows its definition in place: the first tap opens
 * it without leaving the page, a second tap follows the link to the glossary,
 * a tap elsewhere closes it. A mouse click still goes straight to the glossary.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from './support/served-site.ts';

const site = useSite();

describe('terms on a phone', () => {
  it('show their definition on the first tap and open the glossary on the second', async () => {
    const { context, page, problems } = await site.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.goto(`${site.url}lessons/symptom/`);
    const term = page.locator('main .vg-term').first();
    const link = term.locator('.vg-term__link');
    const tip = term.locator('.vg-term__tip');
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toMatch(/\/lessons\/symptom\/$/);
    await page.locator('main h1, main p').first().tap();
    await expect.poll(() => tip.isVisible()).toBe(false);
    await link.tap();
    await expect.poll(() => tip.isVisible()).toBe(true);
    await link.tap();
    await page.waitForURL(/\/glossary\//);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a mouse click still follows the link', async () => {
    const { context, page } = await site.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}lessons/symptom/`);
    await page.locator('main .vg-term__link').first().click();
    await page.waitForURL(/\/glossary\//);
    await context.close();
  });
});
