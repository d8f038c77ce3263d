/** Crawls a served site over HTTP (no browser): every page reachable by links, and every href/src/srcset URL it uses. */

/** The href, src and srcset URLs in an HTML document (attribute values, entity-decoded for &amp;). */
export function extractUrls(html: string): { links: string[]; assets: string[] } {
  const links: string[] = [];
  const assets: string[] = [];
  const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#x2F;/gi, '/');
  for (const m of html.matchAll(/<(a|link|script|img|source|iframe|use|image)\b[^>]*>/gi)) {
    const tag = m[1]!.toLowerCase();
    const attrs = m[0];
    for (const a of attrs.matchAll(/\s(href|src|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      const value = decode(a[2] ?? a[3] ?? '');
      (tag === 'a' ? links : assets).push(value);
    }
    for (const a of attrs.matchAll(/\ssrcset\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      for (const part of decode(a[1] ?? a[2] ?? '').split(',')) {
        const url = part.trim().split(/\s+/)[0];
        if (url) assets.push(url);
      }
    }
  }
  return { links, assets };
}

/** The url() references in a stylesheet. */
export function extractCssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? '')
    .filter((u) => u && !u.startsWith('data:'));
}

export interface CrawlResult {
  /** Every HTML page reached, as absolute URLs. */
  pages: string[];
  /** Every URL referenced from a page or stylesheet, with the page that used it and the status it got. */
  checked: { url: string; from: string; status: number; raw: string }[];
}

/** Breadth-first crawl of every same-origin page under `root` (a URL ending in "/"). */
export async function crawl(root: string): Promise<CrawlResult> {
  const origin = new URL(root).origin;
  const queue = [root];
  const seen = new Set<string>([root]);
  const pages: string[] = [];
  const checked: CrawlResult['checked'] = [];
  const statusCache = new Map<string, number>();
  const check = async (raw: string, from: string, follow: boolean) => {
    if (!raw || /^(mailto:|tel:|javascript:|data:|#)/i.test(raw)) return;
    const url = new URL(raw, from);
    if (url.origin !== origin) return;
    url.hash = '';
    const key = url.href;
    if (!statusCache.has(key)) {
      const res = await fetch(key);
      statusCache.set(key, res.status);
      const type = res.headers.get('content-type') ?? '';
      if (res.ok && type.includes('text/css')) {
        const css = await res.text();
        for (const u of extractCssUrls(css)) await check(u, key, false);
      } else {
        await res.arrayBuffer();
      }
      if (follow && res.ok && type.includes('text/html') && !seen.has(key)) {
        seen.add(key);
        queue.push(key);
      }
    }
    checked.push({ url: key, from, status: statusCache.get(key)!, raw });
  };
  while (queue.length > 0) {
    const page = queue.shift()!;
    const res = await fetch(page);
    if (!res.ok) continue;
    pages.push(page);
    const { links, assets } = extractUrls(await res.text());
    for (const l of links) await check(l, page, true);
    for (const a of assets) await check(a, page, false);
  }
  return { pages, checked };
}
