/**
 * A cheap look at YAML text before the `yaml` library parses it: one linear
 * pass that refuses structure no answers file needs, so every file, however
 * crafted, costs milliseconds (the library spent up to 2 s on 256 KiB of deep
 * flow mappings, long sequences or thousands of anchors), and so a file
 * nested too deep gets its error from a count, at the first place the count
 * passes the limit: the same on every thread and Node version (the library
 * reports where its stack ran out, which differs between them).
 *
 * Two kinds of check:
 * - nesting depth, read the way YAML reads it (quotes, comments and block
 *   scalars hold no structure; a `[` inside a plain scalar is text);
 * - budgets that need no reading at all (brackets, commas, entries, anchors,
 *   indentation steps, counted wherever they stand), which bound what the
 *   library can be given even if the first check is misled. Each is far above
 *   what an answers file uses (the blank template has no bracket, 34 commas).
 */
import { problem } from '../messages/problems.ts';
import type { Position, Problem } from '../schema.ts';

/** Each budget: what it counts and how many an answers file may hold. */
export const YAML_BUDGETS = {
  /** `[` and `{`: with 128 at most, the library's own nesting stays far below where its stack runs out. */
  brackets: 128,
  /** `,` (flow items, and commas in text and comments). */
  commas: 2_000,
  /** `- ` and `? ` entries, each possibly a level of nesting. */
  entries: 128,
  /** `&anchor` and `*alias`. */
  anchors: 128,
  /** Lines indented deeper than the line before them. */
  indents: 128,
} as const;

type Budget = keyof typeof YAML_BUDGETS;

/** The problem that refuses `text` before parsing, or undefined when the library may read it. */
export function precheckYaml(text: string, maxDepth: number): Problem | undefined {
  let line = 1;
  let lineStart = 0;
  const at = (i: number): Position => ({ line, column: i - lineStart + 1 });
  const counts: Record<Budget, number> = { brackets: 0, commas: 0, entries: 0, anchors: 0, indents: 0 };
  const spend = (budget: Budget, i: number): Problem | undefined =>
    ++counts[budget] > YAML_BUDGETS[budget] ? problem('too-complex', '', { what: budget, limit: YAML_BUDGETS[budget] }, at(i)) : undefined;
  const tooDeep = (i: number) => problem('too-deep', '', { limit: maxDepth }, at(i));

  const indents: number[] = []; // the block indentation levels open on this line
  let previousIndent = 0;
  let depth = 0; // block nesting of the current line
  let flow = 0; // open flow collections
  let valueStart = true; // a node may start here (so a quote or bracket is structure)
  let afterQuote = false;
  let blockScalar = -1; // the indentation a block scalar's lines must pass, while inside one
  const n = text.length;
  let i = 0;
  let lineRead = -1; // the start of the line whose indentation was last read
  while (i < n) {
    if (i === lineStart && lineRead !== lineStart) {
      lineRead = lineStart;
      let j = i;
      while (j < n && text[j] === ' ') j++;
      const c = text[j];
      const blank = j >= n || c === '\n' || c === '\r';
      if (blockScalar >= 0 && (blank || j - i > blockScalar)) {
        i = skipLine(text, j);
        continue;
      }
      blockScalar = -1;
      if (!blank && c !== '#' && flow === 0) {
        const indent = j - i;
        if (indent > previousIndent) {
          const over = spend('indents', j);
          if (over) return over;
        }
        previousIndent = indent;
        while (indents.length > 0 && indents.at(-1)! >= indent) indents.pop();
        indents.push(indent);
        depth = indents.length;
        if (depth > maxDepth) return tooDeep(j);
        valueStart = true;
        if (text.startsWith('---', j) && isSpace(text[j + 3])) {
          indents.length = 0;
          j += 3;
        }
      }
      i = j;
      continue;
    }
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    // Counted wherever they stand: these bound the library's work whatever the reading below makes of them.
    if (c === '[' || c === '{') {
      const over = spend('brackets', i);
      if (over) return over;
    } else if (c === ',') {
      const over = spend('commas', i);
      if (over) return over;
    } else if ((c === '&' || c === '*') && isNameChar(text[i + 1]) && (i === lineStart || /[\s[{,]/.test(text[i - 1]!))) {
      const over = spend('anchors', i);
      if (over) return over;
    } else if ((c === '-' || c === '?') && isSpace(text[i + 1]) && /^[ \-?]*$/.test(text.slice(lineStart, i))) {
      const over = spend('entries', i);
      if (over) return over;
    }
    if (c === '#' && (i === lineStart || /\s/.test(text[i - 1]!))) {
      i = skipLine(text, i);
      continue;
    }
    if (valueStart && (c === '"' || c === "'")) {
      const end = quoteEnd(text, i);
      if (end > 0) {
        for (let k = text.indexOf('\n', i); k >= 0 && k < end; k = text.indexOf('\n', k + 1)) {
          line++;
          lineStart = k + 1;
        }
        i = end;
        valueStart = false;
        afterQuote = true;
        continue;
      }
    }
    const quoted = afterQuote;
    afterQuote = false;
    if ((c === '[' || c === '{') && (flow > 0 || valueStart)) {
      flow++;
      if (depth + flow > maxDepth) return tooDeep(i);
      valueStart = true;
    } else if ((c === ']' || c === '}') && flow > 0) {
      flow--;
      valueStart = false;
    } else if (c === ',' && flow > 0) valueStart = true;
    else if ((c === '-' || c === '?') && valueStart && flow === 0 && isSpace(text[i + 1])) {
      // Each entry indicator after the line's first opens a level of its own ("- - - x").
      if (i !== firstOnLine(text, lineStart)) depth++;
      if (depth > maxDepth) return tooDeep(i);
      valueStart = true;
    } else if (c === ':' && (isSpace(text[i + 1]) || (flow > 0 && quoted))) valueStart = true;
    else if ((c === '&' || c === '!') && valueStart)
      i = tokenEnd(text, i) - 1; // an anchor or a tag: the node follows
    else if ((c === '|' || c === '>') && valueStart && flow === 0) {
      blockScalar = indents.at(-1) ?? 0;
      i = skipLine(text, i);
      continue;
    } else valueStart = false;
    i++;
  }
  return undefined;
}

const isSpace = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t';
const isNameChar = (c: string | undefined): boolean => c !== undefined && !/[\s[\]{},]/.test(c);

/** The index of the newline ending the line that holds `i` (or the end of the text). */
function skipLine(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}

function firstOnLine(text: string, lineStart: number): number {
  let j = lineStart;
  while (text[j] === ' ') j++;
  return j;
}

function tokenEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && isNameChar(text[j])) j++;
  return j;
}

/** Just past the quote that closes the one at `i`, or 0 when none does (then the quote is read as text). */
function quoteEnd(text: string, i: number): number {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (q === '"' && text[j] === '\\') j++;
    else if (text[j] === q) {
      if (q === "'" && text[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return 0;
}
