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
  return new YamlPrecheck(text, maxDepth).run();
}

/** One scan of the text, character by character, with what it has seen so far. */
class YamlPrecheck {
  private readonly text: string;
  private readonly maxDepth: number;
  private line = 1;
  private lineStart = 0;
  private readonly counts: Record<Budget, number> = { brackets: 0, commas: 0, entries: 0, anchors: 0, indents: 0 };
  private readonly indents: number[] = []; // the block indentation levels open on this line
  private previousIndent = 0;
  private depth = 0; // block nesting of the current line
  private flow = 0; // open flow collections
  private valueStart = true; // a node may start here (so a quote or bracket is structure)
  private afterQuote = false;
  private blockScalar = -1; // the indentation a block scalar's lines must pass, while inside one
  private i = 0;
  private lineRead = -1; // the start of the line whose indentation was last read

  constructor(text: string, maxDepth: number) {
    this.text = text;
    this.maxDepth = maxDepth;
  }

  private at(i: number): Position {
    return { line: this.line, column: i - this.lineStart + 1 };
  }

  private spend(budget: Budget, i: number): Problem | undefined {
    return ++this.counts[budget] > YAML_BUDGETS[budget]
      ? problem('too-complex', '', { what: budget, limit: YAML_BUDGETS[budget] }, this.at(i))
      : undefined;
  }

  private tooDeep(i: number): Problem {
    return problem('too-deep', '', { limit: this.maxDepth }, this.at(i));
  }

  run(): Problem | undefined {
    const { text } = this;
    const n = text.length;
    while (this.i < n) {
      if (this.i === this.lineStart && this.lineRead !== this.lineStart) {
        const over = this.indentation();
        if (over) return over;
        continue;
      }
      const c = text[this.i]!;
      if (c === '\n') {
        this.line++;
        this.lineStart = this.i + 1;
        this.i++;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') {
        this.i++;
        continue;
      }
      const over = this.count(c);
      if (over) return over;
      if (c === '#' && (this.i === this.lineStart || /\s/.test(text[this.i - 1]!))) {
        this.i = skipLine(text, this.i);
        continue;
      }
      if (this.valueStart && (c === '"' || c === "'") && this.quote()) continue;
      const wrong = this.structure(c);
      if (wrong) return wrong;
    }
    return undefined;
  }

  /** Reads the indentation of the line starting at `i`: the block levels open, or the lines of a block scalar skipped. */
  private indentation(): Problem | undefined {
    const { text, i } = this;
    const n = text.length;
    this.lineRead = this.lineStart;
    let j = i;
    while (j < n && text[j] === ' ') j++;
    const c = text[j];
    const blank = j >= n || c === '\n' || c === '\r';
    if (this.blockScalar >= 0 && (blank || j - i > this.blockScalar)) {
      this.i = skipLine(text, j);
      return undefined;
    }
    this.blockScalar = -1;
    if (!blank && c !== '#' && this.flow === 0) {
      const indent = j - i;
      if (indent > this.previousIndent) {
        const over = this.spend('indents', j);
        if (over) return over;
      }
      this.previousIndent = indent;
      const indents = this.indents;
      while (indents.length > 0 && indents.at(-1)! >= indent) indents.pop();
      indents.push(indent);
      this.depth = indents.length;
      if (this.depth > this.maxDepth) return this.tooDeep(j);
      this.valueStart = true;
      if (text.startsWith('---', j) && isSpace(text[j + 3])) {
        indents.length = 0;
        j += 3;
      }
    }
    this.i = j;
    return undefined;
  }

  /** Counted wherever they stand: these bound the library's work whatever the reading below makes of them. */
  private count(c: string): Problem | undefined {
    const { text, i, lineStart } = this;
    if (c === '[' || c === '{') return this.spend('brackets', i);
    if (c === ',') return this.spend('commas', i);
    if ((c === '&' || c === '*') && isNameChar(text[i + 1]) && (i === lineStart || /[\s[{,]/.test(text[i - 1]!)))
      return this.spend('anchors', i);
    if ((c === '-' || c === '?') && isSpace(text[i + 1]) && /^[ \-?]*$/.test(text.slice(lineStart, i))) return this.spend('entries', i);
    return undefined;
  }

  /** Steps over a quoted scalar starting at `i`, counting its lines; false when no quote closes it (then it is text). */
  private quote(): boolean {
    const { text, i } = this;
    const end = quoteEnd(text, i);
    if (end <= 0) return false;
    for (let k = text.indexOf('\n', i); k >= 0 && k < end; k = text.indexOf('\n', k + 1)) {
      this.line++;
      this.lineStart = k + 1;
    }
    this.i = end;
    this.valueStart = false;
    this.afterQuote = true;
    return true;
  }

  /** What the character at `i` opens or closes: flow collections, entries, keys, anchors and tags, block scalars. */
  private structure(c: string): Problem | undefined {
    const { text, i } = this;
    const quoted = this.afterQuote;
    this.afterQuote = false;
    if ((c === '[' || c === '{') && (this.flow > 0 || this.valueStart)) {
      this.flow++;
      if (this.depth + this.flow > this.maxDepth) return this.tooDeep(i);
      this.valueStart = true;
    } else if ((c === ']' || c === '}') && this.flow > 0) {
      this.flow--;
      this.valueStart = false;
    } else if (c === ',' && this.flow > 0) this.valueStart = true;
    else if ((c === '-' || c === '?') && this.valueStart && this.flow === 0 && isSpace(text[i + 1])) {
      // Each entry indicator after the line's first opens a level of its own ("- - - x").
      if (i !== firstOnLine(text, this.lineStart)) this.depth++;
      if (this.depth > this.maxDepth) return this.tooDeep(i);
      this.valueStart = true;
    } else if (c === ':' && (isSpace(text[i + 1]) || (this.flow > 0 && quoted))) this.valueStart = true;
    else if ((c === '&' || c === '!') && this.valueStart)
      this.i = tokenEnd(text, i) - 1; // an anchor or a tag: the node follows
    else if ((c === '|' || c === '>') && this.valueStart && this.flow === 0) {
      this.blockScalar = this.indents.at(-1) ?? 0;
      this.i = skipLine(text, i);
      return undefined;
    } else this.valueStart = false;
    this.i++;
    return undefined;
  }
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
