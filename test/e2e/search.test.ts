/**
 * Search (Starlight's Pagefind) indexes each page's words as a reader sees them: text that the page
 * shows apart (a card's title and its description, a caption and its table) is not run together into
 * one word in the index, which would show in the result snippets ("The piecesNeuron") and keep both
 * words from being found. The index is Pagefind's own, built by `npm run build`, read in Chromium
 * through its browser API; the oracle is the page's layout (src/integrations/search-index.ts is the fix).
 */
import { describe, expect, it } from 'vitest';
import { useSite } from './support/served-site.ts';

const site = useSite();

interface Indexed {
  url: string;
  content: string;
}

/** An index word that joins a lower-case letter, a digit or punctuation to a capital: where run-togethers show. */
const JOINED = /[\p{Ll}\p{N}.,:;)!?][\p{Lu}]/u;

/**
 * The page's words as the reader sees them apart, from the served HTML's DOM: text is split wherever an
 * element is laid out as its own box (block, flex item, table cell, hidden popup: anything but inline),
 * a formula counts as one run of text, and what the index leaves out (data-pagefind-ignore, forms,
 * navigation) is left out here too.
 */
function wordsAsSeen(): string[] {
  const SKIP = '[data-pagefind-ignore], script, style, noscript, template, svg, label, form, nav, footer';
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) parts.push((node as Text).data);
    if (!(node instanceof Element) || node.matches(SKIP)) return;
    const display = getComputedStyle(node).display;
    const apart = !node.closest('.katex') && !['inline', 'inline-block', 'contents'].includes(display);
    if (apart) parts.push(' ');
    for (const child of node.childNodes) walk(child);
    if (apart) parts.push(' ');
  };
  const body = document.querySelector('[data-pagefind-body]') ?? document.body;
  walk(body);
  return parts
    .join('')
    .replace(/\u200b/g, '')
    .split(/\s+/);
}

describe('the search index', () => {
  it('keeps apart the words a page shows apart', async () => {
    const { context, page } = await site.newPage();
    await page.goto(site.url);
    // Pagefind's browser API, as its search box uses it (a string: the test runner would rewrite an import()).
    const indexed: Indexed[] = await page.evaluate(`(async () => {
      const pagefind = await import('${site.url}pagefind/pagefind.js');
      const { results } = await pagefind.search(null);
      return Promise.all(results.map(async (r) => {
        const { url, content } = await r.data();
        return { url, content };
      }));
    })()`);
    expect(indexed.length).toBeGreaterThan(20);
    // Without scripts: the index is built from the HTML as served, before any island draws itself.
    const noScript = await site.browser.newContext({ javaScriptEnabled: false });
    const reader = await noScript.newPage();
    const joined: string[] = [];
    for (const { url, content } of indexed) {
      const candidates = [...new Set(content.split(/\s+/).filter((w) => JOINED.test(w)))];
      if (candidates.length === 0) continue;
      await reader.goto(new URL(url, site.url).href);
      // Pagefind ends each paragraph, cell and heading with a full stop: punctuation at a word's end is not compared.
      const bare = (w: string) => w.replace(/[.,:;!?]+$/, '');
      const seen = new Set((await reader.evaluate(wordsAsSeen)).map(bare));
      for (const w of candidates) if (!seen.has(bare(w))) joined.push(`${url}: ${w}`);
    }
    await noScript.close();
    await context.close();
    expect(joined).toEqual([]);
  });
});
