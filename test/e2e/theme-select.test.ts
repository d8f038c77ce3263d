/**
 * The theme select on a 390 px phone: Starlight keeps it in the header from 50rem up and, below that, in
 * the menu that opens the sidebar, so the home page (splash template, no sidebar) had none
 * (src/components/overrides/Header.astro adds it there). On every page a phone reader can reach a
 * theme select, and choosing a theme there applies it.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from './support/served-site.ts';

const site = useSite({ crawl: true });

describe('the theme select on a 390 px phone', () => {
  it('is on screen on the home page, and choosing Light applies it', async () => {
    const { context, page } = await site.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await page.goto(site.url);
    const select = page.getByRole('combobox', { name: 'Select theme' });
    await expect.poll(() => select.filter({ visible: true }).count()).toBe(1);
    await select.filter({ visible: true }).selectOption('light');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await context.close();
  });

  it('is reachable on every page: in the header, or in the menu a phone opens', async () => {
    const { context, page } = await site.newPage({ viewport: { width: 390, height: 844 } });
    const missing: string[] = [];
    for (const url of site.pages) {
      await page.goto(url);
      const menu = page.getByRole('button', { name: 'Menu' });
      if ((await menu.count()) > 0) await menu.click();
      const visible = await page.getByRole('combobox', { name: 'Select theme' }).filter({ visible: true }).count();
      if (visible !== 1) missing.push(`${new URL(url).pathname}: ${visible} visible`);
    }
    await context.close();
    expect(missing).toEqual([]);
  });
});
