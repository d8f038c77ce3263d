/**
 * How maths and inline code lay out on a narrow screen, decided at build time
 * (no script reaches the browser):
 * - a short inline formula never breaks across lines (`σ′ | (z)` read as two
 *   things); a long one may still break after a relation, as KaTeX allows;
 * - a display formula that may be wider than a phone scrolls inside itself,
 *   and is focusable and labelled so a keyboard can scroll it too;
 * - inline code breaks only at its spaces, never after the hyphen of `--flag`;
 * - search (Pagefind) indexes a formula once, as drawn: KaTeX's hidden MathML
 *   copy, with its TeX source, stays out of the index (it ran into the drawn
 *   text as one word, "δ4\delta_{4}δ4");
 * - a Markdown table scrolls sideways inside a focusable, labelled region, so
 *   a keyboard can scroll it too when it is wider than the screen;
 * - the blocks whose layout the browser may put off until they near the
 *   screen are marked here, once (src/styles/deferred-rendering.css says which
 *   and why), rather than found by a `:has()` selector on every style pass.
 * Width is estimated from the number of glyphs KaTeX draws: the browser's
 * real widths are checked by test/e2e/render.test.ts on every page.
 */

/** The hast shapes this file touches (a subset of the `hast` types). */
interface Text {
  type: 'text';
  value: string;
}
interface Element {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: Node[];
}
type Node = Text | Element | { type: string; children?: Node[] };
interface Root {
  type: 'root';
  children: Node[];
}

/** At most this many glyphs, an inline formula stays on one line: about 13 em of maths, a third of a phone's text column. */
export const INLINE_NOWRAP_MAX_GLYPHS = 24;
/** From this many glyphs, a display formula may not fit a 390 px phone (about 330 px of text at KaTeX's 1.21 em). */
export const DISPLAY_SCROLL_MIN_GLYPHS = 22;
/** Longer code tokens (paths, URLs) may break anywhere rather than push the page wider than the screen. */
export const CODE_TOKEN_NOWRAP_MAX = 32;

/** The class that keeps a short inline formula or a code token on one line (src/styles/course.css). */
export const NOWRAP_CLASS = 'vg-nowrap';
/** What a wide formula's scrolling region is called, for a screen reader and in the keyboard's focus order. */
export const WIDE_MATH_LABEL = 'Wide formula: scroll sideways to read all of it';

/** The attributes that make a display formula a labelled, focusable scrolling region, or none when it fits. */
export function displayMathAttributes(glyphs: number): Record<string, string> {
  if (glyphs < DISPLAY_SCROLL_MIN_GLYPHS) return {};
  return { tabindex: '0', role: 'region', 'aria-label': WIDE_MATH_LABEL, 'data-math-scroll': '' };
}

/** The class of the scrolling region around a Markdown table (src/styles/course.css). */
export const TABLE_SCROLL_CLASS = 'vg-table-scroll';

/** A Markdown table's scrolling region is named after its column heads, so two tables on a page read apart. */
export function tableRegionLabel(heads: readonly string[]): string {
  const named = heads.map((h) => h.trim()).filter(Boolean);
  return named.length > 0 ? `Table of ${named.join(', ')}: scroll sideways if it is cut off` : 'Table: scroll sideways if it is cut off';
}

/** Pagefind skips an element with this attribute (and its children) when it builds the search index. */
export const UNINDEXED = 'data-pagefind-ignore';

/** KaTeX's rendered HTML with its MathML copy (for screen readers, with the TeX source) left out of the search index. */
export const unindexMathml = (html: string): string =>
  html.replaceAll('<span class="katex-mathml">', `<span class="katex-mathml" ${UNINDEXED}>`);

/** Whether an inline formula of this many glyphs is kept on one line. */
export const keepInlineTogether = (glyphs: number): boolean => glyphs <= INLINE_NOWRAP_MAX_GLYPHS;

/** Visible characters in a run of text: no spaces, no KaTeX zero-width struts. */
export const glyphsOf = (text: string): number => [...text.replace(/[\s\u200b]/g, '')].length;

/** The glyphs KaTeX draws in rendered HTML (its hidden MathML copy left out). */
export function glyphsOfKatexHtml(html: string): number {
  const drawn = html.replace(/<math\b[\s\S]*?<\/math>/g, '').replace(/<[^>]+>/g, '');
  return glyphsOf(drawn.replace(/&[a-z]+;|&#\d+;|&#x[\da-f]+;/gi, 'x'));
}

const classesOf = (el: Element): string[] => {
  const c = el.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};
const hasClass = (el: Element, name: string) => classesOf(el).includes(name);
const isElement = (n: Node): n is Element => n.type === 'element';
const textOf = (n: Node): string =>
  n.type === 'text' ? (n as Text).value : 'children' in n && n.children ? n.children.map(textOf).join('') : '';

/** The glyphs of a rendered .katex element: the text of its .katex-html part. */
function katexGlyphs(katex: Element): number {
  const html = katex.children.find((c): c is Element => isElement(c) && hasClass(c, 'katex-html'));
  return html ? glyphsOf(textOf(html)) : 0;
}

/** Splits a code element's text at spaces, wrapping each short token in a no-wrap span. */
function keepCodeTokens(code: Element): void {
  code.children = code.children.flatMap((child): Node[] => {
    if (child.type !== 'text') return [child];
    return (child as Text).value
      .split(/( +)/)
      .filter(Boolean)
      .map(
        (part): Node =>
          /^ +$/.test(part) || part.length > CODE_TOKEN_NOWRAP_MAX || !/[-/.]/.test(part)
            ? { type: 'text', value: part }
            : { type: 'element', tagName: 'span', properties: { className: [NOWRAP_CLASS] }, children: [{ type: 'text', value: part }] },
      );
  });
}

/** The class of a block whose layout may wait until it nears the screen (src/styles/deferred-rendering.css). */
export const DEFER_CLASS = 'vg-defer';
const FOCUSABLE = new Set(['a', 'button', 'input', 'select', 'textarea', 'summary']);
/** Components that draw only text (a number, a quotation, a claim, a parameter, inline maths): nothing to focus. */
const TEXT_COMPONENTS = new Set(['Num', 'PostSays', 'Compare', 'Param']);

/** Whether anything in this node could take focus, be hovered or opened: any other component counts, its markup unknown here. */
function mayTakeFocus(node: Node): boolean {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const name = (node as { name?: string | null }).name ?? '';
    const block = ((node as { attributes?: { name?: string }[] }).attributes ?? []).some((a) => a.name === 'block');
    if (!(TEXT_COMPONENTS.has(name) || (name === 'Tex' && !block))) return true;
  }
  if (isElement(node)) {
    const p = node.properties;
    if (FOCUSABLE.has(node.tagName) || 'tabindex' in p || 'tabIndex' in p || hasClass(node, 'vg-term')) return true;
  }
  return 'children' in node && !!node.children?.some(mayTakeFocus);
}

/** Marks the page's top-level blocks from the third section on (after two h2s) that hold nothing focusable. */
function markDeferrable(tree: Root): void {
  let headings = 0;
  for (const block of tree.children) {
    if (!isElement(block)) continue;
    if (headings >= 2 && !mayTakeFocus(block)) block.properties.className = [...classesOf(block), DEFER_CLASS];
    if (block.tagName === 'h2') headings++;
  }
}

/** The table wrapped in a focusable, labelled region that scrolls sideways (the table itself no longer scrolls). */
function scrollingTable(table: Element): Element {
  const head = table.children.find((c): c is Element => isElement(c) && c.tagName === 'thead');
  const firstRow = head?.children.find((c): c is Element => isElement(c) && c.tagName === 'tr');
  const heads = (firstRow?.children ?? []).filter(isElement).map(textOf);
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: [TABLE_SCROLL_CLASS], tabindex: '0', role: 'region', 'aria-label': tableRegionLabel(heads) },
    children: [table],
  };
}

/**
 * Rehype plugin: run after rehype-katex. Marks short inline maths, wide display maths and inline code tokens,
 * and wraps each Markdown table in a scrolling region.
 */
export function rehypeLayout() {
  return (tree: Root): void => {
    const wrapTables = (node: Node): void => {
      if (!('children' in node) || !node.children) return;
      node.children = node.children.map((c) => (isElement(c) && c.tagName === 'table' ? scrollingTable(c) : c));
      for (const c of node.children) if (!(isElement(c) && hasClass(c, TABLE_SCROLL_CLASS))) wrapTables(c);
    };
    wrapTables(tree);
    markDeferrable(tree);
    const walk = (node: Node, inDisplay: boolean, inPre: boolean): void => {
      if (!isElement(node)) {
        for (const c of ('children' in node && node.children) || []) walk(c, inDisplay, inPre);
        return;
      }
      if (hasClass(node, 'katex-display')) {
        const katex = node.children.find((c): c is Element => isElement(c) && hasClass(c, 'katex'));
        Object.assign(node.properties, displayMathAttributes(katex ? katexGlyphs(katex) : 0));
        if (katex) walk(katex, true, inPre);
        return;
      }
      if (hasClass(node, 'katex')) {
        for (const c of node.children) if (isElement(c) && hasClass(c, 'katex-mathml')) c.properties[UNINDEXED] = '';
        if (!inDisplay && keepInlineTogether(katexGlyphs(node))) {
          node.properties.className = [...classesOf(node), NOWRAP_CLASS];
        }
        return;
      }
      if (node.tagName === 'code' && !inPre) {
        keepCodeTokens(node);
        return;
      }
      for (const c of node.children) walk(c, inDisplay, inPre || node.tagName === 'pre');
    };
    walk(tree, false, false);
  };
}
