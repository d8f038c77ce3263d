/**
 * A Content-Security-Policy for every built page, as a <meta> tag: scripts run
 * only from this site or when their exact text was hashed at build time, so a
 * script injected into a page (say, through learner text that slipped past the
 * "text, never HTML" rule) does not run. Styles allow inline attributes, which
 * KaTeX's markup is made of; scripts are the attack surface.
 *
 * A meta tag rather than a header, because the site goes to any static host;
 * examples/_headers shows the header form for hosts that allow one.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Every inline script (no src): its text exactly as the browser hashes it. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The directives that do not depend on the page. */
const FIXED = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The training lab's worker is a module file of this site.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** sha256 of one script's text, in CSP's source form. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy for one page: the fixed directives plus a hash for each of its inline scripts. */
export function policyFor(html: string): string {
  const hashes = [...new Set([...html.matchAll(INLINE_SCRIPT)].map((m) => scriptHash(m[1]!)))];
  // 'wasm-unsafe-eval': Starlight's search (Pagefind) compiles WebAssembly; it allows no JavaScript eval.
  return [`script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(), ...FIXED].join('; ');
}

/**
 * The page with its policy early in <head>, before any script it governs, but
 * after the <meta charset> when the page opens with one: the HTML standard wants
 * the encoding declared within the first 1,024 bytes, and the policy is long.
 */
export function withPolicy(html: string): string {
  if (/http-equiv=["']content-security-policy/i.test(html)) throw new Error('page already has a Content-Security-Policy');
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('page has no <head>');
  const meta = `<meta http-equiv="content-security-policy" content="${policyFor(html)}">`;
  const afterHead = head.index + head[0].length;
  const charset = /^\s*<meta charset=["']?[\w-]+["']?\s*\/?>/i.exec(html.slice(afterHead));
  const at = afterHead + (charset ? charset[0].length : 0);
  return html.slice(0, at) + meta + html.slice(at);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** Adds the policy to every built page. */
export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'vanishing-gradients:csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        for (const file of files) await writeFile(file, withPolicy(await readFile(file, 'utf8')));
        logger.info(`Content-Security-Policy added to ${files.length} pages`);
      },
    },
  };
}
