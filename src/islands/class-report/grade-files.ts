/**
 * Grades the chosen files in the page with the grader's own code (the CLI's
 * gradeText, YAML included) and builds the class view and the gradebook.
 * Loaded only once an instructor is about to give files, so the page itself
 * ships no YAML parser. Nothing leaves the browser: files are read with
 * File.arrayBuffer() and never sent anywhere.
 */
import { readRoster, type RosterKind, type RosterLearner } from '../../../grader/class/roster.ts';
import { copySteps } from '../../../grader/class/copies.ts';
import { classView, copyOptions, type ClassOptions, type ClassView } from '../../../grader/class/view.ts';
import { formatCsv } from '../../../grader/report/gradebook-csv.ts';
import { formatCanvas, formatMoodle } from '../../../grader/report/lms.ts';
import { pointsTable } from '../../../grader/grade/points.ts';
import type { CourseConfig } from '../../../course.schema.ts';
import { errorReport } from '../../../grader/grade/grade-document.ts';
import { createGrader } from '../../../grader/grade/grader.ts';
import { problem } from '../../../grader/messages/problems.ts';
import { isGraderReport, skipNote, tooLarge, type Skip } from '../../../grader/class/files.ts';
import { summarize } from '../../../grader/report/facts.ts';
import type { FileReport } from '../../../grader/schema.ts';
import { sameFiles, type Collected } from './collect.ts';

export interface ClassResult {
  reports: FileReport[];
  view: ClassView;
  counts: ReturnType<typeof summarize>;
  /** One line per file left ungraded on purpose that someone might expect graded: the CLI's notes on stderr. */
  notes: string[];
  /** The gradebooks offered for download, by format: csv always, canvas with a Canvas roster, moodle with any roster. */
  downloads: { csv: string; canvas?: string; moodle?: string };
}

/**
 * The course settings the site was built with (the page carries them: ClassReport.astro), as the CLI reads them
 * from grade.mjs; without a passing score the class summary leaves out its count of passing files.
 */
export type BuiltSettings = Omit<CourseConfig, 'passingScore'> & Partial<Pick<CourseConfig, 'passingScore'>>;

/** A roster as read, with what the LMS formats need. */
export type RosterRead =
  | { ok: true; learners: RosterLearner[]; warnings: string[]; header?: readonly string[]; kind?: RosterKind; column?: string }
  | { ok: false; message: string };

/** Reads a roster file; a problem is a sentence to show. */
export async function rosterFrom(file: File): Promise<RosterRead> {
  try {
    return readRoster(await file.text());
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'the roster could not be read' };
  }
}

/** Grades every chosen file, one bad file never stopping the others; a grader report among them is skipped with a note. */
export async function gradeFiles(
  { chosen, skipped }: Collected,
  options: { variants: boolean; settings: BuiltSettings; roster?: Extract<RosterRead, { ok: true }> },
): Promise<ClassResult> {
  const reports: FileReport[] = [];
  // A grader for this class report: its caches serve these files, and go when the report is done.
  const grader = createGrader();
  const read: { path: string; lastModified: number; bytes: Uint8Array }[] = [];
  const modified = new Map<string, number>();
  // The walk's notes, then the grader reports found on reading, each in path order: the CLI's order on stderr.
  const skips: Skip[] = [...skipped];
  for (const { path, file } of chosen) {
    modified.set(path, file.lastModified);
    const over = tooLarge(file.size);
    if (over) {
      reports.push(errorReport(path, [over]));
      continue;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (isGraderReport(bytes)) {
        skips.push({ reason: 'grader-report', path });
        continue;
      }
      read.push({ path, lastModified: file.lastModified, bytes });
      reports.push(grader.gradeText(bytes, { path, variants: options.variants, requireLearner: options.variants }));
    } catch (error) {
      reports.push(errorReport(path, [problem('unreadable', '', { detail: error instanceof Error ? error.message : 'unknown error' })]));
    }
  }
  // A link reaches the browser as its target's bytes: every path that is the same file says so in its report.
  const same = sameFiles(read);
  reports.forEach((report, i) => {
    const others = same.get(report.path);
    if (others)
      reports[i] = { ...report, warnings: [...report.warnings, ...others.map((other) => problem('same-file', '', { path: other }))] };
  });
  // The CLI's options for the same class: the build's points and title, --keep latest, the files' times.
  const { roster, settings } = options;
  const classOptions: ClassOptions = {
    ...(roster
      ? {
          roster: roster.learners,
          ...(roster.header && roster.kind && roster.column
            ? { rosterInfo: { header: roster.header, kind: roster.kind, column: roster.column } }
            : {}),
        }
      : {}),
    keep: 'latest',
    points: pointsTable(settings.points),
    modified,
    title: settings.title,
    ...(settings.passingScore === undefined ? {} : { passingScore: settings.passingScore }),
  };
  // The copy finder pauses every few hundred files: yielding there keeps every task of a large class short.
  const steps = copySteps(reports, copyOptions(classOptions));
  let step = steps.next();
  while (!step.done) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    step = steps.next();
  }
  return {
    reports,
    view: classView(reports, { ...classOptions, copies: step.value }),
    counts: summarize(reports),
    notes: skips.map(skipNote),
    downloads: {
      csv: formatCsv(reports, classOptions),
      ...(roster?.kind === 'canvas' ? { canvas: formatCanvas(reports, classOptions) } : {}),
      ...(roster ? { moodle: formatMoodle(reports, classOptions) } : {}),
    },
  };
}
