/** Finds, by crawling the served site, the first page that holds each kind of island (by its data-island attribute). */
import { crawl } from './crawl.ts';

export async function islandPages(root: string): Promise<Map<string, string[]>> {
  const { pages } = await crawl(root);
  const found = new Map<string, string[]>();
  for (const page of pages) {
    const html = await (await fetch(page)).text();
    for (const m of html.matchAll(/data-island="([^"]+)"/g)) {
      const list = found.get(m[1]!) ?? [];
      if (!list.includes(page)) list.push(page);
      found.set(m[1]!, list);
    }
  }
  return found;
}
