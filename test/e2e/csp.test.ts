/**
 * The Content-Security-Policy on every built page: present before any script,
 * and nothing the site itself does is blocked by it. Each page is loaded,
 * scrolled to the end (so every island hydrates) and watched for
 * `securitypolicyviolation` events; the search dialog, which loads Pagefind's
 * WebAssembly, is opened on one page.
 */
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useSite } from './support/served-site.ts';

const site = useSite({ crawl: true });

const RECORD_VIOLATIONS = () => {
  const seen: string[] = [];
  (window as unknown as { __violations: string[] }).__violations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
};

describe('the Content-Security-Policy', () => {
  it('follows only the charset in every page head, and blocks nothing the site does', async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(RECORD_VIOLATIONS);
    const report: string[] = [];
    for (const url of site.pages) {
      const { page, problems } = await openPage(context);
      await page.goto(url);
      // The encoding comes first (the HTML standard wants it within 1,024 bytes), the policy right after, before any script.
      const [first, second] = await page.evaluate(() => [...document.head.children].slice(0, 2).map((e) => e.outerHTML));
      expect(first, url).toMatch(/^<meta charset=/i);
      expect(second, url).toMatch(/^<meta http-equiv="content-security-policy" content="script-src 'self' 'wasm-unsafe-eval'/);
      // Scroll through so every client:visible island loads its code.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 30));
        }
      });
      await page.waitForLoadState('networkidle');
      const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      for (const v of [...violations, ...problems]) report.push(`${new URL(url).pathname}: ${v}`);
      await page.close();
    }
    await context.close();
    expect(site.pages.length).toBeGreaterThan(10);
    expect(report).toEqual([]);
  });

  it('lets search run (Pagefind compiles WebAssembly) and an injected inline script does not', async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(RECORD_VIOLATIONS);
    const { page } = await openPage(context);
    await page.goto(site.pages.find((p) => p.includes('/lessons/sigmoid/'))!);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.pagefind-ui__search-input').fill('sigmoid');
    await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // A script added to the page after load, as an injection would be, has no hash and must not run.
    const ran = await page.evaluate(async () => {
      (window as unknown as { __ran: boolean }).__ran = false;
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __ran: boolean }).__ran;
    });
    expect(ran).toBe(false);
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations.filter((v) => !v.startsWith('script-src-elem') && !v.startsWith('script-src'))).toEqual([]);
    await context.close();
  });
});
