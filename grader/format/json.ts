/** The JSON report (DESIGN.md: field names are a public contract). */
import { toReport, type FormatOptions } from '../report.ts';
import type { FileReport } from '../schema.ts';

/** What JSON.stringify leaves raw of visible.ts's set: DEL, C1, the bidi controls, U+2028/2029 (C0 it escapes itself). */
const RAW_INVISIBLE = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** `json` with RAW_INVISIBLE's characters as \u escapes: the same data to a parser. */
function escapeInvisible(json: string): string {
  return json.replace(RAW_INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The report as JSON with a trailing newline, laid out to stay readable and
 * cheap on a class of thousands: one line per file report (a diff or `grep`
 * shows a learner's whole result, and no indentation is paid for on tens of
 * megabytes), the summary indented. The data is exactly what
 * JSON.stringify(toReport(…)) gives; only whitespace between tokens differs.
 *
 * JSON.stringify escapes only C0 controls; the other characters visible.ts
 * names (C1 controls, bidi controls, U+2028/2029) are written as \u escapes
 * too, so the data is unchanged for a parser but nothing invisible reaches a
 * terminal or log that shows the file.
 */
export function formatJson(reports: readonly FileReport[], options: FormatOptions = {}): string {
  const { files, summary } = toReport(reports, options);
  const lines = files.map((file) => JSON.stringify(file));
  const list = lines.length === 0 ? '[]' : `[\n    ${lines.join(',\n    ')}\n  ]`;
  const summaryJson = JSON.stringify(summary, null, 2).replaceAll('\n', '\n  ');
  return `${escapeInvisible(`{\n  "files": ${list},\n  "summary": ${summaryJson}\n}`)}\n`;
}
