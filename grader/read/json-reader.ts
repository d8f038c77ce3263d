/**
 * A strict JSON reader (RFC 8259) for answers files, written out because
 * JSON.parse cannot report duplicate keys or where a key is, and the YAML
 * parser is ~20× slower on the same text. Like the YAML path it builds
 * null-prototype objects key by key, caps nesting, and maps dotted paths to
 * positions; every failure is a problem with a line and column.
 */
import { JSON_DETAILS } from '../messages/details.ts';
import { problem } from '../messages/problems.ts';
import { childPath } from './answer-paths.ts';
import type { Position, Problem } from '../schema.ts';

/** What the reader returns: the data and key positions, or the first problem. */
export type JsonRead = { ok: true; data: unknown; positions: Map<string, Position> } | { ok: false; problems: Problem[] };

/** Thrown inside the reader only, caught by readJson. */
class Stop {
  problem: Problem;
  constructor(p: Problem) {
    this.problem = p;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Reads `text` as one JSON value, nesting at most `maxDepth` levels. */
export function readJson(text: string, maxDepth: number): JsonRead {
  const reader = new JsonReader(text, maxDepth);
  try {
    return { ok: true, data: reader.document(), positions: reader.positions };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, problems: [error.problem] };
    throw error;
  }
}

/** The reader's state: the text, where it is, and the key positions found so far. */
class JsonReader {
  /** The offset of the next character to read. */
  i = 0;
  readonly positions = new Map<string, Position>();
  private readonly lineStarts = [0];
  /** Keys come in order, so the line of the last one found is where the search for the next begins. */
  private cursor = 0;

  private readonly text: string;
  private readonly maxDepth: number;

  constructor(text: string, maxDepth: number) {
    this.text = text;
    this.maxDepth = maxDepth;
    for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) this.lineStarts.push(k + 1);
  }

  /** The whole text: one value, and nothing after it but white space. */
  document(): unknown {
    this.space();
    const rootAt = this.at(this.i);
    const data = this.value('', 0);
    this.space();
    if (this.i < this.text.length) throw this.fail(JSON_DETAILS.trailing());
    this.positions.set('', rootAt);
    return data;
  }

  private at(offset: number): Position {
    const lineStarts = this.lineStarts;
    if (offset >= lineStarts[this.cursor]!) {
      while (this.cursor + 1 < lineStarts.length && lineStarts[this.cursor + 1]! <= offset) this.cursor++;
      return { line: this.cursor + 1, column: offset - lineStarts[this.cursor]! + 1 };
    }
    let [lo, hi] = [0, lineStarts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  }

  private fail(detail: string): Stop {
    return new Stop(problem('syntax', '', { format: 'JSON', detail }, this.at(this.i)));
  }

  private space(): void {
    const text = this.text;
    let i = this.i;
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
    this.i = i;
  }

  private found(): string {
    const { text, i } = this;
    return i >= text.length ? JSON_DETAILS.end() : JSON_DETAILS.unexpected(String.fromCodePoint(text.codePointAt(i)!));
  }

  private string(): string {
    const text = this.text;
    let out = '';
    let start = ++this.i; // after the opening quote
    for (;;) {
      const c = text.charCodeAt(this.i);
      if (Number.isNaN(c)) throw this.fail(JSON_DETAILS.unterminated());
      if (c === 34) break;
      if (c < 32) throw this.fail(JSON_DETAILS.control());
      if (c !== 92) {
        this.i++;
        continue;
      }
      out += text.slice(start, this.i);
      out += this.escape();
      start = this.i;
    }
    out += text.slice(start, this.i++);
    return out;
  }

  /** The character a backslash escape at `i` stands for; steps over the escape. */
  private escape(): string {
    const { text, i } = this;
    const e = text[i + 1] ?? '';
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      this.i += 6;
      return String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
    }
    if (!Object.hasOwn(ESCAPES, e)) throw this.fail(JSON_DETAILS.escape());
    this.i += 2;
    return ESCAPES[e]!;
  }

  /** Steps over a closing bracket and returns what it closed. */
  private close<T>(out: T): T {
    this.i++;
    return out;
  }

  private value(path: string, depth: number): unknown {
    if (depth > this.maxDepth) throw new Stop(problem('too-deep', path, { limit: this.maxDepth }, this.at(this.i)));
    this.space();
    const c = this.text[this.i];
    if (c === '{') return this.object(path, depth);
    if (c === '[') return this.array(path, depth);
    if (c === '"') return this.string();
    for (const [word, literal] of LITERALS) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return literal;
      }
    }
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m) throw this.fail(JSON_DETAILS.value(this.found()));
    this.i += m[0].length;
    return Number(m[0]);
  }

  private object(path: string, depth: number): Record<string, unknown> {
    const text = this.text;
    const out: Record<string, unknown> = Object.create(null);
    this.i++;
    this.space();
    if (text[this.i] === '}') return this.close(out);
    for (;;) {
      this.space();
      if (text[this.i] !== '"') throw this.fail(JSON_DETAILS.key(this.found()));
      const keyAt = this.at(this.i);
      const key = this.string();
      const child = childPath(path, key);
      if (Object.hasOwn(out, key)) throw new Stop(problem('duplicate-key', child, { key }, keyAt));
      this.positions.set(child, keyAt);
      this.space();
      if (text[this.i] !== ':') throw this.fail(JSON_DETAILS.colon(this.found()));
      this.i++;
      out[key] = this.value(child, depth + 1);
      this.space();
      if (text[this.i] === '}') return this.close(out);
      if (text[this.i] !== ',') throw this.fail(JSON_DETAILS.after('}', this.found()));
      this.i++;
    }
  }

  private array(path: string, depth: number): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.space();
    if (this.text[this.i] === ']') return this.close(out);
    for (;;) {
      out.push(this.value(`${path}[${out.length}]`, depth + 1));
      this.space();
      if (this.text[this.i] === ']') return this.close(out);
      if (this.text[this.i] !== ',') throw this.fail(JSON_DETAILS.after(']', this.found()));
      this.i++;
    }
  }
}
