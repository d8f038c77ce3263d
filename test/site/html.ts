/**
 * Small helpers for reading the built site's HTML in tests: a build into a
 * temporary folder, visible text, attributes, and numbers as the lessons
 * print them ("1.56 × 10⁻⁵", "64,128", "−0.00513").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BuiltSite {
  dir: string;
  /** True when the folder is a temporary build this run made (and may delete). */
  temporary: boolean;
  /** The base path the site was built for, with slashes at both ends ("/" or "/vg-test/"). */
  base: string;
}

/**
 * Builds the site into a fresh temporary folder under a base path, so links
 * that ignore the base are caught. SITE_DIST (and SITE_BASE) reuse a build.
 */
export function buildSite(base = '/vg-test/'): BuiltSite {
  if (process.env.SITE_DIST) return { dir: process.env.SITE_DIST, base: process.env.SITE_BASE ?? '/', temporary: false };
  const dir = mkdtempSync(join(tmpdir(), 'vg-site-'));
  const root = join(import.meta.dirname, '../..');
  // Vitest puts import.meta.env's keys (BASE_URL = '/', MODE, DEV, PROD, SSR) into process.env;
  // passed on, BASE_URL overrides the build's base inside components, so they are left out.
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...env } = process.env;
  execFileSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', dir], {
    cwd: root,
    env: { ...env, BASE_PATH: base, SITE_URL: 'https://example.edu', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
  });
  return { dir, base, temporary: true };
}

/** The HTML file for a route such as "lessons/sigmoid/", or undefined when it was not built. */
export function pageFile(site: BuiltSite, route: string): string | undefined {
  const file = join(site.dir, route, 'index.html');
  return existsSync(file) ? file : undefined;
}

export const readPage = (site: BuiltSite, route: string): string => {
  const file = pageFile(site, route);
  if (!file) throw new Error(`no page built for /${route}`);
  return readFileSync(file, 'utf8');
};

/** The page's main content (Starlight's <main>), or the whole page. */
export function mainOf(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  return start >= 0 && end > start ? html.slice(start, end) : html;
}

/** One tag, with `>` allowed inside quoted attribute values (Expressive Code puts source code in data-code). */
export const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };
/** Decodes the named entities above and numeric ones (&#39;, &#x27;). */
export const decode = (s: string) =>
  s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (ENTITIES[name!] ?? m),
  );

/** Visible prose: no scripts, styles, code blocks, or KaTeX's TeX annotations and MathML copies. */
export function visibleText(html: string): string {
  const stripped = html
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/g, ' ')
    .replace(/<pre\b[\s\S]*?<\/pre>/g, ' ')
    .replace(/<code\b[\s\S]*?<\/code>/g, ' ')
    .replace(/<annotation\b[\s\S]*?<\/annotation>/g, ' ')
    .replace(TAG, ' ');
  return decode(stripped).replace(/\s+/g, ' ');
}

const SUPER: Record<string, string> = {
  '⁻': '-',
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

/** Reads a number as the lessons print it; NaN when the text is not one. */
export function parsePrinted(text: string): number {
  const t = text.trim().replace(/−/g, '-').replace(/,/g, '');
  const sci = /^(-?\d+(?:\.\d+)?) × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(t);
  if (sci) return Number(`${sci[1]}e${[...sci[2]!].map((c) => SUPER[c]).join('')}`);
  return /^-?\d+(?:\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** Significant figures in a printed number ("0.0250" → 3, "1.56 × 10⁻⁵" → 3, "64,128" → 5, "32,900" → 3). */
export function sigFigs(text: string): number {
  const mantissa = text.trim().replace(/−|-/g, '').replace(/,/g, '').split(' ')[0]!;
  // Without a decimal point, trailing zeros only place the digits before them.
  const digits = mantissa.includes('.') ? mantissa.replace('.', '').replace(/^0+/, '') : mantissa.replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** The cells of a trace table with this convention: cells[layer][column] = printed text. */
export function traceCells(html: string, convention: string): Map<number, Map<string, string>>[] {
  const tables = [...html.matchAll(/<table class="vg-datatable vg-trace" data-convention="([^"]+)"[\s\S]*?<\/table>/g)].filter(
    (m) => m[1] === convention,
  );
  return tables.map((table) => {
    const rows = new Map<number, Map<string, string>>();
    for (const row of table[0].matchAll(/<tr data-layer="(\d+)"[^>]*>([\s\S]*?)<\/tr>/g)) {
      const cells = new Map<string, string>();
      for (const cell of row[2]!.matchAll(/<td data-column="([^"]+)"[^>]*>([\s\S]*?)<\/td>/g)) {
        cells.set(cell[1]!, decode(cell[2]!.replace(/<[^>]+>/g, '')).trim());
      }
      rows.set(Number(row[1]), cells);
    }
    return rows;
  });
}
