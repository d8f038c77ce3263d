/**
 * The fixture every browser test file starts from: the built site served on
 * 127.0.0.1 (dist/, or a build of its own), its pages found by crawling, and
 * one Chromium. `useSite()` registers the beforeAll that sets them up and the
 * afterAll that tears them down, and returns a handle whose fields are read
 * inside tests and hooks (reading one earlier throws, rather than handing out
 * an undefined).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launch, openPage } from './browser.ts';
import { buildSite } from './build.ts';
import { crawl, type CrawlResult } from './crawl.ts';
import { serveStatic, type SlowLink, type StaticServer } from './server.ts';
import { distDir } from './site.ts';

export interface SiteOptions {
  /** Build the site afresh into a temporary folder with this extra environment (removed afterwards), instead of serving dist/. */
  build?: { name: string; env: Record<string, string> };
  /** The base path the site is served under; "/" by default. */
  base?: string;
  /** Crawl the served site by its links, for `pages` and `crawled`. */
  crawl?: boolean;
  /** Serve text brotli- or gzip-encoded, as a static host does. */
  compress?: boolean;
  /** Serve over a slow link (the crawl still runs against a fast server, so it does not take minutes). */
  slow?: SlowLink;
}

export interface Site {
  /** The site's root URL, ending in the base path, e.g. http://127.0.0.1:4321/ */
  readonly url: string;
  /** The folder the served site was built into (its course.json and grade.mjs are there). */
  readonly dir: string;
  /** Every page reached by links (needs `crawl: true`), as absolute URLs on `url`. */
  readonly pages: string[];
  /** The whole crawl (needs `crawl: true`): the pages and every URL they reference, with its status. */
  readonly crawled: CrawlResult;
  readonly browser: Browser;
  /** A fresh browser context with these options and a page in it that records its problems (browser.ts); close the context when done. */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; problems: string[] }>;
}

/** The crawl's URLs moved from one served copy of the site to another. */
function moved(result: CrawlResult, from: string, to: string): CrawlResult {
  const move = (url: string) => (url.startsWith(from) ? to + url.slice(from.length) : url);
  return {
    pages: result.pages.map(move),
    checked: result.checked.map((c) => ({ ...c, url: move(c.url), from: move(c.from) })),
  };
}

/** Serves the site and launches Chromium before the file's tests, and closes (and deletes) everything after them. */
export function useSite(options: SiteOptions = {}): Site {
  const { base = '/', compress = false, slow } = options;
  let folder: string | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let crawled: CrawlResult | undefined;

  beforeAll(async () => {
    folder = options.build ? buildSite(options.build.name, options.build.env) : distDir();
    server = await serveStatic(folder, base, { compress, slow });
    if (options.crawl) {
      if (!compress && !slow) crawled = await crawl(server.url);
      else {
        const fast = await serveStatic(folder, base);
        crawled = moved(await crawl(fast.url), fast.url, server.url);
        await fast.close();
      }
    }
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (options.build && folder) rmSync(folder, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`useSite: ${what} is not there (read it inside a test or hook${what === 'the crawl' ? ', with crawl: true' : ''})`);
    return value;
  };
  return {
    get url() {
      return ready(server, 'the server').url;
    },
    get dir() {
      return ready(folder, 'the built folder');
    },
    get pages() {
      return ready(crawled, 'the crawl').pages;
    },
    get crawled() {
      return ready(crawled, 'the crawl');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    async newPage(contextOptions = {}) {
      const context = await ready(browser, 'the browser').newContext(contextOptions);
      return { context, ...(await openPage(context)) };
    },
  };
}
