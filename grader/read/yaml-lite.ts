/**
 * A fast path for the YAML that answers files almost always are: nested
 * block mappings of `key: value` lines, comments and blank lines. The YAML
 * library takes ~0.3 ms on such a file, which alone would cap the grader
 * below its budget of 10,000 files/s.
 *
 * It is deliberately narrow: at the first line it is not sure about (a list,
 * a flow collection, an anchor or alias, a tag, a block or multi-line
 * scalar, an escape, a tab, a duplicate key, an odd indent…) it returns
 * undefined and the caller uses the full parser, which also words every
 * error. A differential property test holds it to the library's results.
 */
import { childPath } from './answer-paths.ts';
import type { Position } from '../schema.ts';

/** What the fast path read: the same data and key positions the full parser would give. */
export interface LiteRead {
  data: Record<string, unknown>;
  positions: Map<string, Position>;
}

/**
 * Anything but LF, CRLF and printable characters: tabs, lone CRs, control
 * characters, NEL and the Unicode line and paragraph separators, lone surrogates.
 */
const UNSURE_CHARACTER = /\r(?!\n)|[^\n\r\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** The spec's limit on an implicit key (yaml.org/spec/1.2.2, 7.4.2), which the library enforces. */
const MAX_IMPLICIT_KEY = 1024;
/** `key:` then optionally one or more spaces and the rest of the line. */
const KEY_LINE = /^( *)([A-Za-z_][\w.-]*|"[^"\\]*"|'(?:[^']|'')*'):(?: +(.*))?$/;
/** Plain keys that YAML would read as null or a boolean, not as text. */
const NOT_TEXT_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** A plain value may start like this: not a YAML indicator, not a space. */
const PLAIN_START = /^(?:[\w.+(\u0080-\uFFFF]|-[\d.])/u;
/** YAML 1.2 core schema (yaml.org/spec/1.2.2, 10.3.2): null, booleans, decimal integers and floats. */
const NULL = /^(?:~|null|Null|NULL)$/;
const BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
const DECIMAL = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** What may follow a closing quote: spaces, then optionally a comment. */
const AFTER_QUOTE = /^ *(?: #.*)?$/;
/** Other core-schema forms (0x1F, 0o17, .inf, .nan) are left to the full parser. */
const OTHER_CORE = /^(?:[-+]?0x|[-+]?0o|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$)/;

/** Reads `text` if it is plain nested `key: value` YAML; otherwise undefined. */
export function readSimpleYaml(text: string, maxDepth: number): LiteRead | undefined {
  if (UNSURE_CHARACTER.test(text)) return undefined;
  // A CR is only ever the first half of a CRLF here (UNSURE_CHARACTER refused any other), so it ends its line.
  const lines = text.split('\n');
  const root: Record<string, unknown> = Object.create(null);
  const positions = new Map<string, Position>();
  // Open mappings, innermost last; a mapping's indent is set by its first key.
  const stack: { indent: number; out: Record<string, unknown>; path: string }[] = [{ indent: 0, out: root, path: '' }];
  let pending: { key: string; path: string; indent: number } | undefined; // a `key:` with nothing after it yet
  let rootAt: Position | undefined;
  let scalarIndent = -1; // the indent of the last key line, when it held a value: a deeper line would continue that value

  for (let n = 0; n < lines.length; n++) {
    let line = lines[n]!;
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    const lead = leadingSpaces(line);
    if (lead === line.length || line.charCodeAt(lead) === 35) continue; // blank, or a comment ('#')
    // A deeper line after a value would continue a multi-line scalar: not for the fast path.
    if (lead > scalarIndent && scalarIndent >= 0) return undefined;
    scalarIndent = -1;
    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const indent = m[1]!.length;
    // YAML (and the library, in strict mode) allows at most 1,024 characters from an implicit key's start to its `:`.
    if (m[2]!.length > MAX_IMPLICIT_KEY) return undefined;
    if (pending) {
      if (indent > pending.indent) {
        // The pending key opens a nested mapping at this indent.
        if (stack.length > maxDepth) return undefined;
        const out: Record<string, unknown> = Object.create(null);
        stack.at(-1)!.out[pending.key] = out;
        stack.push({ indent, out, path: pending.path });
      } else stack.at(-1)!.out[pending.key] = null;
      pending = undefined;
    }
    while (indent < stack.at(-1)!.indent) stack.pop();
    const top = stack.at(-1)!;
    if (indent !== top.indent) return undefined; // between two levels: let the full parser say why
    const key = keyText(m[2]!);
    if (key === undefined || Object.hasOwn(top.out, key)) return undefined;
    const path = childPath(top.path, key);
    const at = { line: n + 1, column: indent + 1 };
    positions.set(path, at);
    rootAt ??= at;
    const rest = m[3] ?? '';
    if (rest === '' || rest.charCodeAt(0) === 35) {
      pending = { key, path, indent };
      continue;
    }
    const value = scalar(rest);
    if (value === undefined) return undefined;
    top.out[key] = value.value;
    scalarIndent = indent;
  }
  if (pending) stack.at(-1)!.out[pending.key] = null;
  if (!rootAt) return undefined; // comments only: the full parser decides what an empty file is
  positions.set('', rootAt);
  return { data: root, positions };
}

/** How many spaces `line` starts with. */
function leadingSpaces(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

function keyText(raw: string): string | undefined {
  if (raw.startsWith('"')) return raw.slice(1, -1);
  if (raw.startsWith("'")) return raw.slice(1, -1).replaceAll("''", "'");
  return NOT_TEXT_KEY.test(raw) ? undefined : raw;
}

/** A value after `key: `, with an optional trailing comment; undefined when unsure. */
function scalar(rest: string): { value: unknown } | undefined {
  const first = rest[0];
  if (first === '"' || first === "'") {
    let end = rest.indexOf(first, 1);
    // '' is a quote inside single quotes
    while (first === "'" && end !== -1 && rest.charCodeAt(end + 1) === 39) end = rest.indexOf(first, end + 2);
    if (end === -1 || (end + 1 < rest.length && !AFTER_QUOTE.test(rest.slice(end + 1)))) return undefined;
    const inner = rest.slice(1, end);
    if (first === '"') return inner.includes('\\') ? undefined : { value: inner };
    return { value: inner.replaceAll("''", "'") };
  }
  const hash = rest.indexOf(' #');
  const text = (hash === -1 ? rest : rest.slice(0, hash)).trimEnd();
  if (!PLAIN_START.test(text) || text.includes('#') || text.includes(': ') || text.endsWith(':')) return undefined;
  if (OTHER_CORE.test(text)) return undefined;
  if (NULL.test(text)) return { value: null };
  if (BOOLEAN.test(text)) return { value: text.toLowerCase() === 'true' };
  if (DECIMAL.test(text)) return { value: Number(text) };
  return { value: text };
}
