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
  let i = 0;
  const positions = new Map<string, Position>();
  const lineStarts = [0];
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) lineStarts.push(k + 1);
  // Keys come in order, so the line of the last one found is where the search for the next begins.
  let cursor = 0;
  const at = (offset: number): Position => {
    if (offset >= lineStarts[cursor]!) {
      while (cursor + 1 < lineStarts.length && lineStarts[cursor + 1]! <= offset) cursor++;
      return { line: cursor + 1, column: offset - lineStarts[cursor]! + 1 };
    }
    let [lo, hi] = [0, lineStarts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const fail = (detail: string, offset = i, path = ''): Stop => new Stop(problem('syntax', path, { format: 'JSON', detail }, at(offset)));
  const space = (): void => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };
  const found = (): string => (i >= text.length ? JSON_DETAILS.end() : JSON_DETAILS.unexpected(String.fromCodePoint(text.codePointAt(i)!)));

  const string = (): string => {
    let out = '';
    let start = ++i; // after the opening quote
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) throw fail(JSON_DETAILS.unterminated());
      if (c === 34) break;
      if (c < 32) throw fail(JSON_DETAILS.control());
      if (c !== 92) {
        i++;
        continue;
      }
      out += text.slice(start, i);
      const e = text[i + 1] ?? '';
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else if (Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e];
        i += 2;
      } else throw fail(JSON_DETAILS.escape());
      start = i;
    }
    out += text.slice(start, i++);
    return out;
  };

  /** Steps over a closing bracket and returns what it closed. */
  const close = <T>(out: T): T => {
    i++;
    return out;
  };

  const value = (path: string, depth: number): unknown => {
    if (depth > maxDepth) throw new Stop(problem('too-deep', path, { limit: maxDepth }, at(i)));
    space();
    const c = text[i];
    if (c === '{') {
      const out: Record<string, unknown> = Object.create(null);
      i++;
      space();
      if (text[i] === '}') return close(out);
      for (;;) {
        space();
        if (text[i] !== '"') throw fail(JSON_DETAILS.key(found()));
        const keyAt = at(i);
        const key = string();
        const child = childPath(path, key);
        if (Object.hasOwn(out, key)) throw new Stop(problem('duplicate-key', child, { key }, keyAt));
        positions.set(child, keyAt);
        space();
        if (text[i] !== ':') throw fail(JSON_DETAILS.colon(found()));
        i++;
        out[key] = value(child, depth + 1);
        space();
        if (text[i] === '}') return close(out);
        if (text[i] !== ',') throw fail(JSON_DETAILS.after('}', found()));
        i++;
      }
    }
    if (c === '[') {
      const out: unknown[] = [];
      i++;
      space();
      if (text[i] === ']') return close(out);
      for (;;) {
        out.push(value(`${path}[${out.length}]`, depth + 1));
        space();
        if (text[i] === ']') return close(out);
        if (text[i] !== ',') throw fail(JSON_DETAILS.after(']', found()));
        i++;
      }
    }
    if (c === '"') return string();
    for (const [word, literal] of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return literal;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) throw fail(JSON_DETAILS.value(found()));
    i += m[0].length;
    return Number(m[0]);
  };

  try {
    space();
    const rootAt = at(i);
    const data = value('', 0);
    space();
    if (i < text.length) throw fail(JSON_DETAILS.trailing());
    positions.set('', rootAt);
    return { ok: true, data, positions };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, problems: [error.problem] };
    throw error;
  }
}
