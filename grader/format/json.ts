/** The JSON report (DESIGN.md: field names are a public contract). */
import { toReport, type FormatOptions } from '../report.ts';
import type { FileReport } from '../schema.ts';

/** Pretty-printed JSON with a trailing newline. */
export function formatJson(reports: readonly FileReport[], options: FormatOptions = {}): string {
  return `${JSON.stringify(toReport(reports, options), null, 2)}\n`;
}
