/**
 * What the terminal says about a class as a whole (with --out too): variants
 * that do not fit the files, files in no gradebook row (to check by hand),
 * and learners with several files; and the files' modification times, which
 * --keep latest falls back on.
 */
import { statSync } from 'node:fs';
import { gradebookOf } from '../class/view.ts';
import { lmsByHand } from '../report/lms.ts';
import type { FileReport } from '../schema.ts';
import type { Format } from './args.ts';
import { CLI } from './help-text.ts';
import type { Found } from './walk.ts';

/** Each file's modification time, for --keep latest when a file has no `submitted:` (0 when it cannot be read). */
export function modifiedTimes(files: readonly Found[]): Map<string, number> {
  const time = (real: string): number => {
    try {
      // Whole milliseconds, as a browser's File.lastModified gives them: the class report then keeps the same file.
      return Math.floor(statSync(real, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    } catch {
      return 0; // a link loop or a folder that cannot be entered: its report already says so
    }
  };
  return new Map(files.map((f) => [f.path, time(f.real)]));
}

/**
 * Class-level lines for the terminal. `variants` is the course setting's value, or undefined when a flag
 * decided (an instructor who says --variants or --no-variants needs no warning).
 */
export function classWarnings(
  reports: readonly FileReport[],
  variants: boolean | undefined,
  format: Format,
  options: Parameters<typeof gradebookOf>[1] & { title?: string },
): string[] {
  const lines: string[] = [];
  const named = reports.filter((r) => r.learner?.trim()).length;
  // Only when the setting decided (not a --variants or --no-variants the instructor gave on purpose).
  if (variants === false && named > 0) lines.push(CLI.variantsOffButNamed(named, reports.length));
  if (variants === true && named < reports.length) lines.push(CLI.variantsOnButAnonymous(reports.length - named, reports.length));
  if (format === 'gradescope') return lines;
  const book = gradebookOf(reports, options);
  const byHand =
    format === 'canvas' ? lmsByHand(reports, options, 'Canvas') : format === 'moodle' ? lmsByHand(reports, options, 'Moodle') : book.byHand;
  if (byHand.length > 0) lines.push(CLI.byHand(byHand.length), ...byHand.map((f) => CLI.byHandLine(f.path, f.reason)));
  for (const row of book.rows)
    if (row.report && row.others.length > 0)
      lines.push(
        CLI.several(
          row.learner,
          book.keep,
          row.report.path,
          row.others.map((o) => o.path),
        ),
      );
  return lines;
}
