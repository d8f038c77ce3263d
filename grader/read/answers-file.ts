/**
 * Reads an answers file under limits: size first (before any decoding or
 * parsing), then strict UTF-8, then YAML 1.2 with the core schema, or strict
 * JSON (json.ts) for .json files. Either way the result is plain data built
 * key by key on null-prototype objects, duplicate keys are errors, and a map
 * from dotted paths to positions lets later problems cite their line.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { EXERCISES } from '../../exercises/index.ts';
import { readJson } from './json-reader.ts';
import { readSimpleYaml } from './yaml-lite.ts';
import { precheckYaml } from './yaml-precheck.ts';
import { problem } from '../messages/problems.ts';
import { MAX_BYTES } from '../constants.ts';
import { joinPath } from './answer-paths.ts';
import type { Position, Problem } from '../schema.ts';

export { MAX_BYTES };
/** Deepest nesting kept: an answers file needs 3 levels (answers → exercise → part). */
export const MAX_DEPTH = 16;
/** More problems than this in one file are summarised in one line. */
const MAX_PROBLEMS = 20;

export type SourceFormat = 'yaml' | 'json';
export type ReadResult =
  | { ok: true; data: unknown; format: SourceFormat; positions: ReadonlyMap<string, Position>; conflicts?: readonly Problem[] }
  | { ok: false; problems: Problem[] };

/** The tags of the core schema; any other explicit tag (!!binary, !foo) is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** The UTF-8 length of `text` without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3; // the rest of the BMP, and a lone surrogate (encoded as U+FFFD)
  }
  return bytes;
}

/**
 * The UTF-8 size of `text` as far as the limit needs it: no UTF-16 unit takes more than 3 bytes, so text of
 * at most MAX_BYTES / 3 units is within the limit without walking it (the exact size is only ever shown for
 * a file over the limit).
 */
function textSize(text: string): number {
  return text.length * 3 <= MAX_BYTES ? text.length : utf8Length(text);
}

/**
 * The problem for a file over the limit (constants.ts: MAX_BYTES), or undefined; needs only the size, so a file
 * too large is an error report, never read whole. `atLeast`: the read stopped at the limit, so the size is a lower bound.
 */
export function checkSize(bytes: number, atLeast = false): Problem | undefined {
  return bytes > MAX_BYTES ? problem('too-large', '', { bytes, limit: MAX_BYTES, atLeast }) : undefined;
}

/** YAML or JSON: by extension, else by the first character. */
export function sourceFormat(path: string, text: string): SourceFormat {
  if (/\.json$/i.test(path)) return 'json';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

/** Reads bytes or text into plain data; every failure is a problem, never an exception. */
export function readAnswersText(input: string | Uint8Array, path: string): ReadResult {
  const tooLarge = checkSize(typeof input === 'string' ? textSize(input) : input.byteLength);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  let text: string;
  if (typeof input === 'string') {
    text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  } else {
    const decoded = decode(input);
    if ('problem' in decoded) return { ok: false, problems: [decoded.problem] };
    text = decoded.text;
  }
  const format = sourceFormat(path, text);
  if (format === 'json') {
    const read = readJson(text, MAX_DEPTH);
    return read.ok ? { ...read, format } : read;
  }
  const lite = readSimpleYaml(text, MAX_DEPTH);
  return lite ? { ok: true, ...lite, format } : parseYaml(text);
}

/** File signatures (their first bytes) of formats people send instead of an answers file. */
const SIGNATURES: readonly { bytes: readonly number[]; kind: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF document' }, // %PDF-
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive (or a Word, Excel or OpenDocument file, which are ZIP inside)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'an empty ZIP archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an old Word or Excel document' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: 'an RTF document (save it as plain text instead)' }, // {\rtf
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], kind: 'a 7-Zip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'a program (an ELF executable)' },
];

/**
 * Bytes to text: UTF-8 (a BOM dropped), or UTF-16 when a BOM says so (Notepad's "Unicode").
 * UTF-16 without a BOM and known binary formats are named, not decoded by guesswork.
 */
function decode(bytes: Uint8Array): { text: string } | { problem: Problem } {
  const binary = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (binary) return { problem: problem('binary', '', { kind: binary.kind }) };
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  // Invalid bytes make the decoder throw.
  return withoutStackTraces(() => {
    try {
      if (bom16) return { text: new TextDecoder(bom16, { fatal: true }).decode(bytes) }; // drops the BOM
      const order = utf16WithoutBom(bytes);
      if (order) return { problem: problem('utf16-no-bom', '', { order }) };
      if (bytes.includes(0)) return { problem: problem('binary', '', { kind: 'a binary file (it holds NUL bytes)' }) };
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }; // drops a BOM
    } catch {
      return { problem: problem('invalid-encoding', '', {}) };
    }
  });
}

/**
 * Runs `f` with no stack traces recorded: errors thrown and caught inside it (the decoder's, the YAML
 * library's one per problem) spent most of their time on a trace nobody reads. `f` is synchronous, so
 * the limit is back as soon as it returns.
 */
function withoutStackTraces<T>(f: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * UTF-16 text of mostly ASCII has a NUL in every other byte: at the odd offsets (little-endian) or the even
 * ones (big-endian). Three quarters of the first 512 byte pairs is decisive; UTF-8 text has no NUL at all.
 */
function utf16WithoutBom(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  const pairs = Math.min(256, Math.floor(bytes.length / 2));
  if (pairs < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) even++;
    if (bytes[2 * i + 1] === 0) odd++;
  }
  if (odd >= 0.75 * pairs && even === 0) return 'little-endian';
  if (even >= 0.75 * pairs && odd === 0) return 'big-endian';
  return undefined;
}

/** The full YAML path (the `yaml` library), for everything the fast path is unsure about. */
export function parseYaml(text: string): ReadResult {
  // Structure no answers file needs is refused before the library spends time on it (yaml-precheck.ts).
  const refused = precheckYaml(text, MAX_DEPTH);
  if (refused) return { ok: false, problems: [refused] };
  const lineCounter = new LineCounter();
  // uniqueKeys is off on purpose: the library compares every key with every
  // other (a 256 KiB file of 20,000 keys took ~3 s); toPlain checks with a Set.
  // The library makes an Error per problem; on a malformed file their traces were most of the grading time.
  const doc = withoutStackTraces(() =>
    parseDocument(text, { schema: 'core', customTags: [], uniqueKeys: false, merge: false, prettyErrors: false, lineCounter }),
  );
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // Only the first syntax error: the ones after it are mostly its echoes. An unknown
  // tag is only a warning to the library; toPlain refuses it with a clearer message.
  const first = [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')][0];
  // The library turns a stack overflow on deep nesting into RESOURCE_EXHAUSTION: that is our depth cap, not a typo.
  if (first?.code === 'RESOURCE_EXHAUSTION')
    return { ok: false, problems: [problem('too-deep', '', { limit: MAX_DEPTH }, at(first.pos[0]))] };
  if (first) {
    const detail = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, problems: [problem('syntax', '', { format: 'YAML', detail }, at(first.pos[0]))] };
  }
  const problems: Problem[] = [];
  const conflicts: Problem[] = [];
  const positions = new Map<string, Position>();
  const data = toPlain(doc.contents, '', 0, { positions, problems, conflicts, at });
  if (problems.length > 0) return { ok: false, problems: capped(problems) };
  if (doc.contents) positions.set('', at(doc.contents.range?.[0] ?? 0));
  return { ok: true, data, format: 'yaml', positions, ...(conflicts.length > 0 ? { conflicts: capped(conflicts) } : {}) };
}

interface Walk {
  positions: Map<string, Position>;
  problems: Problem[];
  /** Duplicate keys inside `answers.<exercise>`: they cost the parts they touch (grade.ts), not the file. */
  conflicts: Problem[];
  at: (offset: number) => Position;
}

/** Copies a YAML node into plain data: null-prototype objects, arrays and scalars. */
function toPlain(node: Node | null | undefined, path: string, depth: number, walk: Walk): unknown {
  if (node === null || node === undefined) return null;
  const here = walk.at(node.range?.[0] ?? 0);
  if (depth > MAX_DEPTH) {
    walk.problems.push(problem('too-deep', path, { limit: MAX_DEPTH }, here));
    return null;
  }
  if (isAlias(node)) {
    walk.problems.push(problem('alias', path, {}, here));
    return null;
  }
  if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
    walk.problems.push(problem('tag', path, { tag: shortTag(node.tag) }, here));
    return null;
  }
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((item, i) => toPlain(item as Node, `${path}[${i}]`, depth + 1, walk));
  if (isMap(node)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const keyAt = walk.at(keyNode?.range?.[0] ?? node.range?.[0] ?? 0);
      if (!isScalar(keyNode)) {
        walk.problems.push(problem(isAlias(keyNode) ? 'alias' : 'complex-key', path, {}, keyAt));
        continue;
      }
      if (keyNode.tag !== undefined && !CORE_TAGS.has(keyNode.tag)) {
        walk.problems.push(problem('tag', path, { tag: shortTag(keyNode.tag) }, keyAt));
        continue;
      }
      const key = String(keyNode.value);
      const childPath = joinPath(path, key);
      if (Object.hasOwn(out, key)) {
        // Both lines are named; a duplicate exercise or part fails only that exercise or part (the first value is kept, then ignored).
        const duplicate = problem(
          'duplicate-key',
          childPath,
          { key, firstLine: walk.positions.get(childPath)?.line, line: keyAt.line },
          keyAt,
        );
        (inAnswers(childPath) ? walk.conflicts : walk.problems).push(duplicate);
        continue;
      }
      walk.positions.set(childPath, keyAt);
      out[key] = toPlain(pair.value as Node | null, childPath, depth + 1, walk);
    }
    return out;
  }
  return null;
}

/** A course exercise's path, or one of its parts': a duplicate there costs that exercise or part (grade.ts), not the file. */
const GRADED_PATHS = new Set(
  EXERCISES.flatMap((e) => [joinPath('answers', e.id), ...e.parts.map((p) => joinPath(joinPath('answers', e.id), p.id))]),
);
const inAnswers = (path: string): boolean => GRADED_PATHS.has(path);

const shortTag = (tag: string): string => tag.replace('tag:yaml.org,2002:', '!!');

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), problem('too-many-problems', '', { count: problems.length - MAX_PROBLEMS })];
}
