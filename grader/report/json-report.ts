/** The JSON report (DESIGN.md: field names are a public contract). */
import { toReport, type FormatOptions } from './facts.ts';
import type { FileReport } from '../schema.ts';

/** What JSON.stringify leaves raw of visible.ts's set: DEL, C1, the bidi controls, U+2028/2029 (C0 it escapes itself). */
const RAW_INVISIBLE = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** The JSON report's options: the formatters' own, and the text some reports already have. */
export interface JsonOptions extends FormatOptions {
  /**
   * The JSON text of reports that arrived as JSON (from a grading worker,
   * cli/grade-files.ts), written as it came instead of stringified again:
   * JSON.stringify(JSON.parse(text)) is the same text, since a report is
   * plain data (strings, integers, booleans). A report changed after it
   * arrived is a new object, so it is not found here.
   */
  texts?: ReadonlyMap<FileReport, string>;
}

/** `json` with RAW_INVISIBLE's characters as \u escapes: the same data to a parser. */
function escapeInvisible(json: string): string {
  return json.replace(RAW_INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The report as JSON with a trailing newline, laid out to stay readable and
 * cheap on a class of thousands: one line per file report (a diff or `grep`
 * shows a learner's whole result, and no indentation is paid for on tens of
 * megabytes), then the summary with one line per count, per part and per
 * misconception. The data is exactly what JSON.stringify(toReport(…)) gives;
 * only the whitespace between tokens differs.
 *
 * JSON.stringify escapes only C0 controls; the other characters visible.ts
 * names (C1 controls, bidi controls, U+2028/2029) are written as \u escapes
 * too, so the data is unchanged for a parser but nothing invisible reaches a
 * terminal or log that shows the file.
 */
export function formatJson(reports: readonly FileReport[], options: JsonOptions = {}): string {
  return [...formatJsonPieces(reports, options)].join('');
}

/**
 * formatJson's text in order, a line per file report: a writer streams them
 * into a file (the CLI's --out) instead of building a string of tens of
 * megabytes first.
 */
export function* formatJsonPieces(reports: readonly FileReport[], options: JsonOptions = {}): Generator<string, void, undefined> {
  const { files, summary } = toReport(reports, options);
  if (files.length === 0) yield '{\n  "files": [],\n';
  else {
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      yield `${i === 0 ? '{\n  "files": [\n    ' : ',\n    '}${escapeInvisible(options.texts?.get(file) ?? JSON.stringify(file))}`;
    }
    yield '\n  ],\n';
  }
  const fields = Object.entries(summary)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `    ${JSON.stringify(key)}: ${Array.isArray(value) ? listOf(value, '    ') : JSON.stringify(value)}`);
  yield escapeInvisible(`  "summary": {\n${fields.join(',\n')}\n  }\n}\n`);
}

/** `[]`, or the items one to a line, each compact, at `indent`. */
function listOf(items: readonly unknown[], indent: string): string {
  return items.length === 0 ? '[]' : `[\n${indent}  ${items.map((item) => JSON.stringify(item)).join(`,\n${indent}  `)}\n${indent}]`;
}
