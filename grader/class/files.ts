/**
 * Which of a class's files are graded, for both walks: the CLI's over the
 * disk (cli/walk.ts) and the browser's over chosen or dropped files
 * (src/islands/class-report/collect.ts). Each asks this module about every
 * entry it meets and reports the same skips with the same words, so a
 * folder graded in the page and on the command line gives the same files.
 * Pure: names, paths and bytes in, decisions out; the walks own the I/O.
 */
import { GRADEBOOK_COLUMNS } from '../messages/class.ts';
import { LABELS } from '../messages/report.ts';
import { SKIPS } from '../messages/skips.ts';
import { checkSize } from '../read/answers-file.ts';
import { isRecord } from '../read/plain-data.ts';

/** The names a folder walk grades. */
const ANSWER_FILE = /\.(?:ya?ml|json)$/i;
/** Names that were meant to be answer files but gained an extension on the way (Windows hides `.txt`). */
const NEAR_MISS = /\.(?:ya?ml|json)\.(?:txt|text|rtf|docx?|pdf)$/i;

/** A file left ungraded on purpose that someone might expect graded: said in a note, not a report. */
export type Skip = { reason: 'near-miss'; path: string; meant: string } | { reason: 'grader-report'; path: string };

/** What a walk does with a file it met: grade it, leave it silently, or leave it with a note. */
export type Look = 'grade' | 'leave' | Skip;

/** Folders and files a walk never enters or grades: hidden ones (.git), installed packages, macOS's resource forks. */
export function isSkipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || name === '__MACOSX';
}

/** True for a name graded when a folder walk meets it: *.yaml, *.yml, *.json. */
export function isAnswerName(name: string): boolean {
  return ANSWER_FILE.test(name);
}

/** A file named `name` met at `path` (as the report shows it), inside a folder the walk entered. */
export function lookAtFile(name: string, path: string): Look {
  if (isSkipped(name)) return 'leave';
  if (ANSWER_FILE.test(name)) return 'grade';
  if (NEAR_MISS.test(name)) return { reason: 'near-miss', path, meant: name.replace(/\.[^.]+$/, '') };
  return 'leave';
}

/**
 * A file known only by its path below a folder that was given (a browser's webkitRelativePath,
 * "class/hw1/answers.yaml"): every folder under the given one is asked first, then the file.
 * The given folder itself (the first segment) is walked whatever its name, as on the command line.
 */
export function lookAtPath(path: string): Look {
  const segments = path.split('/').filter(Boolean);
  const name = segments.at(-1) ?? '';
  if (segments.slice(1, -1).some(isSkipped)) return 'leave';
  return lookAtFile(name, segments.join('/'));
}

/** The size rule for a class's files: the one every answers file meets (read/answers-file.ts). */
export const tooLarge = checkSize;

/** The note for a skip, as the terminal and the class report show it. */
export function skipNote(skip: Skip): string {
  return skip.reason === 'near-miss' ? SKIPS.nearMiss(skip.path, skip.meant) : SKIPS.graderReport(skip.path);
}

/** Paths in the order both walks report them: by UTF-16 code unit, as the CLI has always sorted. */
export function byPath<T extends { path: string }>(a: T, b: T): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * True when `bytes` are a report the grader wrote (--out into the graded folder, then graded again): its JSON
 * report, its JUnit XML or its gradebook CSV, under whatever name. Each test refuses an answers file at its first
 * bytes, so the check costs nothing beside grading.
 */
export function isGraderReport(bytes: Uint8Array): boolean {
  let start = 0;
  while (start < bytes.length && isSpace(bytes[start]!)) start++;
  if (bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3; // a byte-order mark
  if (bytes[start] === 0x7b) return isJsonReport(bytes); // '{'
  if (bytes[start] === 0x3c) return startsWith(bytes, start, '<?xml') && head(bytes, start).includes(JUNIT_ROOT); // '<'
  return GRADEBOOK_HEADERS.some((header) => startsWith(bytes, start, header));
}

/** The JUnit report's root element, near its top. */
const JUNIT_ROOT = `<testsuites name="${LABELS.junitSuite}"`;
/** The gradebook's first columns, as its header row starts: quoted as the CLI writes them, or bare as a spreadsheet saves them. */
const GRADEBOOK_HEADERS = [GRADEBOOK_COLUMNS.map((c) => `"${c}"`).join(','), GRADEBOOK_COLUMNS.join(',')].map((h) => `${h},`);
/** Bytes of a file's top searched for the JUnit root: the XML declaration and the root element fit well within. */
const HEAD_BYTES = 512;

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

function head(bytes: Uint8Array, start: number): string {
  return new TextDecoder().decode(bytes.subarray(start, start + HEAD_BYTES));
}

function startsWith(bytes: Uint8Array, start: number, ascii: string): boolean {
  if (bytes.length - start < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[start + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** A JSON object with the report's `files` list and `summary`, and no `answers`. */
function isJsonReport(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes);
  // Without a `"summary"` key, written plainly or with escapes, it is no report: a cheap refusal for every answers file in JSON.
  if (!text.includes('"summary"') && !text.includes('\\')) return false;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return false;
  }
  return isRecord(data) && Array.isArray(data.files) && isRecord(data.summary) && !Object.hasOwn(data, 'answers');
}
