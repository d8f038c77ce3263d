/** The JSON report (DESIGN.md: field names are a public contract). */
import { toReport, type FormatOptions } from '../report.ts';
import type { FileReport } from '../schema.ts';

/** What JSON.stringify leaves raw of visible.ts's set: DEL, C1, the bidi controls, U+2028/2029 (C0 it escapes itself). */
const RAW_INVISIBLE = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * Pretty-printed JSON with a trailing newline. JSON.stringify escapes only C0 controls; the other characters
 * visible.ts names (C1 controls, bidi controls, U+2028/2029) are written as \u escapes too, so the data is
 * unchanged for a parser but nothing invisible reaches a terminal or log that shows the file.
 */
export function formatJson(reports: readonly FileReport[], options: FormatOptions = {}): string {
  const json = JSON.stringify(toReport(reports, options), null, 2);
  return `${json.replace(RAW_INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
