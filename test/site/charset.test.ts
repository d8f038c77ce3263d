/**
 * Every built page declares its encoding first in <head> and within its first
 * 1,024 bytes, as the HTML standard requires (Lighthouse's best-practices audit
 * "charset" fails otherwise); the long Content-Security-Policy <meta> comes after.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { buildSite, type BuiltSite } from './html.ts';

let site: BuiltSite;
beforeAll(() => {
  site = buildSite();
}, 300_000);
afterAll(() => {
  if (site?.temporary) rmSync(site.dir, { recursive: true, force: true });
});

describe('<meta charset>', () => {
  it('is the first element of every page’s <head>, within the first 1,024 bytes', () => {
    const pages = readdirSync(site.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const file of pages) {
      const bytes = readFileSync(join(site.dir, file));
      const at = bytes.indexOf('<meta charset');
      const where = relative(site.dir, join(site.dir, file));
      expect(at, where).toBeGreaterThanOrEqual(0);
      expect(at + bytes.subarray(at).indexOf('>') + 1, where).toBeLessThanOrEqual(1024);
      const head = bytes.toString('utf8').match(/<head\b[^>]*>\s*(<[^>]+>)/);
      expect(head?.[1], where).toMatch(/^<meta charset/i);
    }
  });
});
