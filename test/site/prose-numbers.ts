/**
 * Finds numbers typed by hand into a lesson's prose. Everything that is not
 * prose is removed first: frontmatter, import/export statements, code, math,
 * MDX expressions and comments, component tags, link targets, and the
 * contents of <PostSays> quotes (the post's figures, marked as quotes).
 * What remains may only hold small integers (layer counts, list numbers).
 */

/** The largest integer prose may contain. */
export const MAX_SMALL_INTEGER = 10;

export interface StrayNumber {
  /** 1-based line in the original source. */
  line: number;
  text: string;
}

/** Replaces every match with spaces (newlines kept), so line numbers survive. */
function blank(source: string, pattern: RegExp): string {
  return source.replace(pattern, (m) => m.replace(/[^\n]/g, ' '));
}

/** Blanks balanced `{ … }` MDX expressions, skipping braces inside quoted strings and template literals. */
function blankExpressions(source: string): string {
  const out = source.split('');
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (depth > 0) {
      if (quote) {
        if (c === '\\') {
          out[i] = ' ';
          i++;
          if (i < source.length && source[i] !== '\n') out[i] = ' ';
          continue;
        }
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      if (c !== '\n') out[i] = ' ';
    } else if (c === '{') {
      depth = 1;
      out[i] = ' ';
    }
  }
  return out.join('');
}

/** Blanks JSX/HTML tags `<Name …>`, `</Name>`, `<Name … />`, skipping `>` inside quoted attribute values. */
function blankTags(source: string): string {
  const out = source.split('');
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '<' || !/[A-Za-z/]/.test(source[i + 1] ?? '')) continue;
    let j = i + 1;
    let quote: string | null = null;
    for (; j < source.length; j++) {
      const c = source[j]!;
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    for (let k = i; k <= j && k < source.length; k++) if (out[k] !== '\n') out[k] = ' ';
    i = j;
  }
  return out.join('');
}

/** The prose of an MDX lesson, with everything that is not prose blanked out. */
export function proseOf(source: string): string {
  let s = source;
  s = blank(s, /^---\n[\s\S]*?\n---\n/); // frontmatter
  s = blank(s, /^```[\s\S]*?^```/gm); // fenced code
  s = blank(s, /^(?:import|export)\b[\s\S]*?;[ \t]*$/gm); // import/export statements, possibly multi-line
  s = blank(s, /<!--[\s\S]*?-->/g);
  s = blank(s, /\$\$[\s\S]*?\$\$/g); // display math
  s = blank(s, /\$[^$\n]+\$/g); // inline math
  s = blank(s, /`[^`\n]+`/g); // inline code
  s = blank(s, /<PostSays\b[^>]*>[\s\S]*?<\/PostSays>/g); // the post's own figures, marked as quotes
  s = blankExpressions(s); // {expressions} and {/* comments */}, including attribute values
  s = blankTags(s);
  s = blank(s, /\]\([^)\s]*\)/g); // link targets
  return s;
}

/** Every number in the prose that is not a small integer. */
export function strayNumbers(source: string): StrayNumber[] {
  const prose = proseOf(source);
  const found: StrayNumber[] = [];
  prose.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(/\d+(?:[.,]\d+)*/g)) {
      const text = match[0];
      const small = /^\d+$/.test(text) && Number(text) <= MAX_SMALL_INTEGER;
      if (!small) found.push({ line: i + 1, text });
    }
  });
  return found;
}
