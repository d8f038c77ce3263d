import { describe, expect, it } from 'vitest';
import { relativeUrl, rewriteCss, rewriteHtml, rewriteJs, type Rewriter } from '../../scripts/scorm/relative.ts';

const FILES = new Set([
  'index.html',
  'lessons/basics/index.html',
  'exercises/relu-swap/index.html',
  '_astro/a.css',
  '_astro/f.woff2',
  'favicon.svg',
]);
const at = (base: string): Rewriter => ({ base, isFile: (p) => FILES.has(p) });

describe('relativeUrl', () => {
  it.each([
    ['/', 'lessons/basics/index.html', '../../index.html'],
    ['/_astro/a.css', 'lessons/basics/index.html', '../../_astro/a.css'],
    ['/lessons/basics/#why', 'index.html', 'lessons/basics/index.html#why'],
    ['/lessons/basics', 'index.html', 'lessons/basics/index.html'],
    ['exercises/relu-swap/', 'index.html', 'exercises/relu-swap/index.html'],
    ['../basics/', 'lessons/fixes/index.html', '../basics/index.html'],
    ['../../', 'lessons/basics/index.html', '../../index.html'],
  ])('%s in %s is %s', (url, from, expected) => {
    expect(relativeUrl(url, from, at('/'))).toBe(expected);
  });

  it.each(['#top', '?q=1', 'https://example.edu/', '//cdn.example/x.js', 'mailto:ada@example.edu', 'data:,', ''])(
    'leaves %j alone',
    (url) => {
      expect(relativeUrl(url, 'index.html', at('/'))).toBeUndefined();
    },
  );

  it('follows a base path, and leaves paths outside it alone', () => {
    expect(relativeUrl('/course/', 'index.html', at('/course/'))).toBe('index.html');
    expect(relativeUrl('/course/_astro/a.css', 'lessons/basics/index.html', at('/course/'))).toBe('../../_astro/a.css');
    expect(relativeUrl('/other/', 'index.html', at('/course/'))).toBeUndefined();
  });
});

describe('rewriteHtml', () => {
  it('rewrites URL attributes and inline-style url()s, and never the text of a script', () => {
    const script = `<script>const s = ' href="/lessons/basics/"'; import("/_astro/a.css")</script>`;
    const html = `<link href="/_astro/a.css" rel="stylesheet"><a href="/lessons/basics/">x</a><astro-island component-url="/_astro/a.css"></astro-island>${script}<style>@font-face{src:url(/_astro/f.woff2)}</style><a href="https://x.org/">y</a>`;
    expect(rewriteHtml(html, 'exercises/relu-swap/index.html', at('/'))).toBe(
      `<link href="../../_astro/a.css" rel="stylesheet"><a href="../../lessons/basics/index.html">x</a><astro-island component-url="../../_astro/a.css"></astro-island>${script}<style>@font-face{src:url(../../_astro/f.woff2)}</style><a href="https://x.org/">y</a>`,
    );
  });
});

describe('rewriteCss', () => {
  it('makes url()s relative to the stylesheet and keeps data: URLs', () => {
    expect(rewriteCss(`a{src:url(/_astro/f.woff2)}b{background:url("data:image/svg+xml,%3Csvg%3E")}`, '_astro/a.css', at('/'))).toBe(
      `a{src:url(f.woff2)}b{background:url("data:image/svg+xml,%3Csvg%3E")}`,
    );
  });
});

describe('rewriteJs', () => {
  // Both strings are copied from a build of this site (Vite's preload helper, Starlight's search).
  const preload = 'o=(()=>1)(),t=function(e){return`/`+e},n={}';
  const search = 'new n({...t,element:`#starlight__search`,baseUrl:`/`,bundlePath:`/`.replace(/\\/$/,``)+`/pagefind/`,showImages:!1})';

  it('resolves the preload helper and the search bundle from the script’s own URL', () => {
    expect(rewriteJs(preload, '_astro/x.js', at('/'))).toBe('o=(()=>1)(),t=function(e){return new URL(`../`,import.meta.url).href+e},n={}');
    expect(rewriteJs(search, '_astro/x.js', at('/'))).toBe(
      'new n({...t,element:`#starlight__search`,baseUrl:new URL(`../`,import.meta.url).pathname,bundlePath:new URL(`../`,import.meta.url).href+`pagefind/`,showImages:!1})',
    );
  });

  it('makes search results name their page’s index.html (the browser test follows one)', () => {
    const strip = 'let u=this.dataset.stripTrailingSlash===void 0?e=>e:e=>e.replace(/(.)\\/(#.*)?$/,`$1$2`);';
    expect(rewriteJs(strip, '_astro/x.js', at('/'))).toBe(
      'let u=this.dataset.stripTrailingSlash===void 0?e=>e.replace(/\\/(#.*)?$/,`/index.html$1`):e=>e.replace(/(.)\\/(#.*)?$/,`$1$2`);',
    );
  });

  it('does the same for a site built under a base path', () => {
    expect(rewriteJs(preload.replace('`/`', '`/course/`'), '_astro/x.js', at('/course/'))).toContain(
      'return new URL(`../`,import.meta.url).href+e',
    );
  });
});
