/**
 * The learner of a file that could not be read: its `learner:` line, found
 * by a line scan that needs no parser (a tab, a bad indent or an unclosed
 * quote elsewhere in the file does not hide it). A file that cannot be
 * parsed is still someone's; the gradebook attributes its error to them
 * instead of listing them as missing.
 */
import { LEARNER_MAX_LENGTH } from '../constants.ts';

/** `learner:` at the start of a line (YAML) or `"learner":` anywhere (JSON), then the value up to a comment or the line's end. */
const YAML_LINE = /^learner[ \t]*:[ \t]*(.*)$/gm;
const JSON_MEMBER = /"learner"\s*:\s*"((?:[^"\\\n]|\\.){1,1000})"/g;

/** The one learner id the text names, or undefined when it names none, or several different ones. */
export function recoverLearner(input: string | Uint8Array): string | undefined {
  const text = typeof input === 'string' ? input : decodeLoosely(input);
  if (text === undefined) return undefined;
  const found = new Set<string>();
  for (const match of text.matchAll(YAML_LINE)) {
    const value = yamlValue(match[1]!);
    if (value) found.add(value);
  }
  for (const match of text.matchAll(JSON_MEMBER)) {
    try {
      const value = (JSON.parse(`"${match[1]}"`) as string).trim();
      if (value) found.add(value);
    } catch {
      // not a JSON string after all
    }
  }
  if (found.size !== 1) return undefined;
  const [learner] = found;
  return learner!.length <= LEARNER_MAX_LENGTH ? learner : undefined;
}

/** A plain, single- or double-quoted scalar on one line, without a trailing comment; undefined for anything else. */
function yamlValue(raw: string): string | undefined {
  const value = raw.trim();
  const quoted = /^(["'])(.*)\1\s*(?:#.*)?$/.exec(value);
  if (quoted) return quoted[2]!.trim() || undefined;
  if (/^["'|>&*!{[]/.test(value)) return undefined;
  const plain = value.replace(/\s+#.*$/, '').trim();
  return plain || undefined;
}

/** UTF-8, or UTF-16 told by a byte-order mark or by NULs in every other byte; undefined for other bytes. */
function decodeLoosely(bytes: Uint8Array): string | undefined {
  const sample = Math.min(bytes.length, 512);
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : odd > sample / 4 && even === 0
          ? 'utf-16le'
          : even > sample / 4 && odd === 0
            ? 'utf-16be'
            : 'utf-8';
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return undefined;
  }
}
