/**
 * The built pages, made ready for Starlight's search index: words a page shows
 * apart stay apart in the index, and widgets stay out of it.
 *
 * Starlight's search (Pagefind) reads the built pages after the build. It
 * separates the text of paragraphs, list items, headings, divs and data cells,
 * but joins everything else with no space in between, and the built pages carry
 * no whitespace between tags (Astro compresses it away). So a table's caption,
 * its header cells and its first row came out of the index as one word
 * ("engineNameFormulaMeaningFactors"), as did a figure's caption and the summary
 * below it, a lesson card's title and its description ("The piecesNeuron") and
 * two buttons side by side, in the result snippets a learner reads. This puts a
 * space after each element that ends a run of text on screen; the browser drops
 * that whitespace between table cells and block or flex boxes, so nothing moves.
 *
 * An island (a widget: the training lab, the explorers, the class report) is
 * left out of the index: its text is the widget's state, which changes as the
 * reader uses it, and its controls ("Play Fast-forward Step") are not lesson text.
 *
 * Scripts and styles are left byte for byte (the Content-Security-Policy hashes
 * inline scripts). It must run before Starlight's own `astro:build:done` builds
 * the index, so astro.config.mjs lists it before Starlight.
 * test/e2e/search.test.ts checks the index against each page's layout.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Elements whose text ends where they end on screen and that Pagefind does not already separate
 * (it does p, div, td, li, ul, headings, article and section).
 */
const ENDS_TEXT = /<\/(th|tr|caption|figcaption|summary|dt|dd|pre|blockquote)>(?=<)/gi;
/** Links and buttons side by side, and a Starlight link card's title link before its description. */
const SIDE_BY_SIDE = /<\/(a|button)>(?=<(?:a|button)\b|<span class="description\b)/gi;
const ISLAND = /<astro-island\b/g;
/** Inline scripts and styles, left exactly as they are. */
const RAW = /(<(script|style)\b[\s\S]*?<\/\2>)/gi;

/** The page as the search index should read it (see the file's comment). */
export function preparedForSearch(html: string): string {
  const prepare = (markup: string) =>
    markup.replace(ENDS_TEXT, '</$1> ').replace(SIDE_BY_SIDE, '</$1> ').replace(ISLAND, '<astro-island data-pagefind-ignore');
  return (
    html
      .split(RAW)
      // split() hands back [markup, raw block, its tag name, markup, …]: the tag names are dropped.
      .flatMap((part, i) => (i % 3 === 0 ? [prepare(part)] : i % 3 === 1 ? [part] : []))
      .join('')
  );
}

/** Prepares every built page for the search index (list it before Starlight in astro.config.mjs). */
export function searchIndex(): AstroIntegration {
  return {
    name: 'vanishing-gradients:search-index',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const entries = await readdir(fileURLToPath(dir), { withFileTypes: true, recursive: true });
        for (const e of entries.filter((e) => e.isFile() && e.name.endsWith('.html'))) {
          const file = join(e.parentPath, e.name);
          await writeFile(file, preparedForSearch(await readFile(file, 'utf8')));
        }
      },
    },
  };
}
