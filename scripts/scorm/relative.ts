/**
 * The built site links with absolute paths under its base ("/lessons/x/",
 * "/_astro/page.js"). An LMS serves a package under a prefix of its own
 * (Moodle's pluginfile.php/…/content/1/, a Canvas or Brightspace file URL),
 * and may not serve a folder's index.html for the folder. So every link the
 * pages, styles and scripts make is rewritten relative to the file that makes
 * it, and a folder link names its index.html. Inline scripts are left byte
 * for byte as they are, so the hashes in each page's Content-Security-Policy
 * still match.
 */
import { posix } from 'node:path';

/** The attributes that hold a URL in the built pages (astro-island's component and renderer scripts included). */
const URL_ATTRIBUTES = ['href', 'src', 'component-url', 'renderer-url', 'before-hydration-url', 'poster', 'action'];
const ATTRIBUTE = new RegExp(`(\\s(?:${URL_ATTRIBUTES.join('|')})=)(["'])([^"']*)\\2`, 'g');
const SCRIPT_OR_STYLE = /(<(script|style)\b[^>]*>)([\s\S]*?)(<\/\2>)/gi;
const CSS_URL = /url\(\s*(["']?)([^"')]+)\1\s*\)/g;

export interface Rewriter {
  /** The base the site was built with, e.g. "/" or "/course/". */
  base: string;
  /** True when this path, relative to the site's root, is a file of the site. */
  isFile: (path: string) => boolean;
}

/** A URL with a scheme (https:, mailto:, data:) or only a fragment or query: not a file of the package. */
const NOT_A_PATH = /^([a-z][a-z0-9+.-]*:|[#?]|\/\/)/i;

/**
 * `url`, as written in the file `from` (both relative to the site's root), as a path relative to `from` that
 * names a file: under the base or relative already, with a folder's index.html spelled out. Undefined when
 * it is not a path of the site (another origin, a fragment, a path outside the base).
 */
export function relativeUrl(url: string, from: string, { base, isFile }: Rewriter): string | undefined {
  if (url === '' || NOT_A_PATH.test(url)) return undefined;
  const cut = url.search(/[?#]/);
  const path = decodeURI(cut < 0 ? url : url.slice(0, cut));
  const suffix = cut < 0 ? '' : url.slice(cut);
  let target: string;
  if (path.startsWith('/')) {
    if (!`${path}/`.startsWith(base)) return undefined;
    target = path.slice(base.length);
  } else {
    target = posix.join(posix.dirname(from), path) + (path.endsWith('/') ? '/' : '');
    if (target.startsWith('../')) return undefined;
  }
  if (target === '' || target === './' || target.endsWith('/')) target = `${target.replace(/^\.\/$/, '')}index.html`;
  else if (!isFile(target) && isFile(`${target}/index.html`)) target += '/index.html';
  const relative = posix.relative(posix.dirname(from), target) || posix.basename(target);
  return encodeURI(relative) + suffix;
}

/** A page with its URL attributes and inline-style url()s made relative; the text inside <script> is untouched. */
export function rewriteHtml(html: string, from: string, rewriter: Rewriter): string {
  // Park script and style bodies so an attribute-like string inside them is never touched.
  const parked: string[] = [];
  const marked = html.replace(SCRIPT_OR_STYLE, (...match: string[]) => {
    const [, open, tag, body, close] = match as [string, string, string, string, string];
    parked.push(tag.toLowerCase() === 'style' ? rewriteCss(body, from, rewriter) : body);
    return `${open}\u0000${parked.length - 1}\u0000${close}`;
  });
  const rewritten = marked.replace(ATTRIBUTE, (whole, name: string, quote: string, value: string) => {
    const url = relativeUrl(value.replaceAll('&amp;', '&'), from, rewriter);
    return url === undefined ? whole : `${name}${quote}${url.replaceAll('&', '&amp;')}${quote}`;
  });
  return rewritten.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => parked[Number(i)]!);
}

/** A stylesheet with its url()s under the base made relative to it. */
export function rewriteCss(css: string, from: string, rewriter: Rewriter): string {
  return css.replace(CSS_URL, (whole, quote: string, value: string) => {
    const url = relativeUrl(value, from, rewriter);
    return url === undefined ? whole : `url(${quote}${url}${quote})`;
  });
}

/**
 * A script with the places Vite and Starlight build URLs from the base at run time made relative to the
 * script's own URL (import.meta.url; every built script is a module): the preload helper that prefixes
 * dependencies with the base, the search's Pagefind bundle path and base, and the search results' folder
 * links, which get their index.html. `from` is the script's path.
 */
export function rewriteJs(js: string, from: string, { base }: Rewriter): string {
  const up = posix.relative(posix.dirname(from), '') || '.';
  const root = `new URL(\`${up}/\`,import.meta.url)`;
  const b = base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return (
    js
      .replace(
        new RegExp(`function\\((\\w+)\\)\\{return\`${b}\`\\+\\1\\}`, 'g'),
        (_m, v: string) => `function(${v}){return ${root}.href+${v}}`,
      )
      .replace(
        new RegExp(`bundlePath:\`${b}\`\\.replace\\(/\\\\/\\$/,\`\`\\)\\+\`/pagefind/\``, 'g'),
        () => `bundlePath:${root}.href+\`pagefind/\``,
      )
      .replace(new RegExp(`baseUrl:\`${b}\``, 'g'), () => `baseUrl:${root}.pathname`)
      // Search results link to folders ("lessons/sigmoid/#why"): name their index.html, as the pages' links do.
      .replace(
        /stripTrailingSlash===void 0\?(\w+)=>\1:/g,
        (_m, v: string) => `stripTrailingSlash===void 0?${v}=>${v}.replace(/\\/(#.*)?$/,\`/index.html$1\`):`,
      )
  );
}
