/**
 * The command line's flow: read the arguments, find the files, read each one
 * under the limits, grade, format, write, and pick the exit code. Each step
 * is its own module; this one only wires them and owns the process's
 * streams. Every failure it can foresee is a message and an exit code.
 */
import { appendFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatCsv } from '../report/gradebook-csv.ts';
import { formatCanvas, formatGradescope, formatMoodle } from '../report/lms.ts';
import { pointsTable } from '../grade/points.ts';
import { answerKeyCsv, answerKeyText } from '../class/answer-key.ts';
import { classWarnings, modifiedTimes } from './class-notes.ts';
import { loadSettings } from './settings.ts';
import { formatJsonPieces } from '../report/json-report.ts';
import { formatJunit } from '../report/junit.ts';
import { formatMarkdown } from '../report/markdown.ts';
import { formatText, type TextOptions } from '../report/text.ts';
import { visible } from '../report/visible.ts';
import { LABELS } from '../messages/report.ts';
import { passes, summarize } from '../report/facts.ts';
import type { FileReport } from '../schema.ts';
import { blankTemplate } from '../report/answers-template.ts';
import { annotations, breakCommands, fenced, stopToken, type Syntax } from './actions.ts';
import { parseArgs, type Format, type GradeArgs } from './args.ts';
import { gradeFiles } from './grade-files.ts';
import { feedbackDirProblem, loadRoster, writeFeedback } from './class-files.ts';
import { CLI } from './help-text.ts';
import { collect, spellingWarnings } from './walk.ts';
import { skipNote } from '../class/files.ts';
import { writeOut } from './write-out.ts';

/**
 * Each format's formatter; a Record, so a format named in args.ts without one here fails to compile.
 * JSON comes in pieces, written one after another: a class's report runs to tens of megabytes.
 */
const FORMATTERS: Record<Format, (reports: readonly FileReport[], options: TextOptions) => string | Iterable<string>> = {
  text: formatText,
  json: formatJsonPieces,
  junit: formatJunit,
  markdown: formatMarkdown,
  csv: formatCsv,
  canvas: formatCanvas,
  moodle: formatMoodle,
  gradescope: formatGradescope,
};
/** How each format can break a workflow command without changing its data (actions.ts). */
const SYNTAX: Record<Format, Syntax> = {
  text: 'text',
  json: 'json',
  junit: 'xml',
  markdown: 'text',
  csv: 'text',
  canvas: 'text',
  moodle: 'text',
  gradescope: 'json',
};

/** What the process gives the command line: its streams, environment and folder (tests pass their own). */
export interface Io {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /** Writes the template over npm's banner when stdout is a file holding only that (npm-banner.ts); true when it did. */
  replaceNpmBanner?: (text: string) => boolean;
  /** The script running the CLI: given, a large class is graded on every core by workers started from it (grade-files.ts). */
  workerEntry?: URL;
}

/**
 * The folder relative paths are read from: the caller's. `npm run grade` runs
 * the script from the package root and passes the folder it was called from
 * as INIT_CWD, so `cd submissions && npm run grade -- .` grades submissions.
 */
export function callerFolder(env: NodeJS.ProcessEnv, cwd: string): string {
  return env.npm_lifecycle_event === 'grade' && env.INIT_CWD ? env.INIT_CWD : cwd;
}

/** Runs the command line; returns the exit code (0, 1 or 2: DESIGN.md). */
export async function main(io: Io): Promise<number> {
  const actions = io.env.GITHUB_ACTIONS === 'true';
  /** Notes and errors on stderr: one line each, visible characters, and never a workflow command in Actions. */
  const warn = (text: string): void =>
    io.stderr(
      `${text
        .split('\n')
        .map((l) => (actions ? breakCommands(visible(l), 'text') : visible(l)))
        .join('\n')}\n`,
    );
  /** Says what went wrong; the exit code for an error is 2. */
  const fail = (text: string): number => {
    warn(text);
    return 2;
  };
  const usage = (message: string): number => fail(`${message}\n${CLI.seeHelp}`);

  const command = parseArgs(io.argv);
  if (command.kind === 'help') {
    io.stdout(`${CLI.help}\n`);
    return 0;
  }
  if (command.kind === 'usage-error') return usage(command.message);
  const base = callerFolder(io.env, io.cwd);
  const out = command.out === undefined ? undefined : resolve(base, command.out);
  const badOut = out === undefined ? undefined : outProblem(command.out!, out);
  if (badOut) return usage(badOut);
  if (command.kind === 'template') {
    // The deployment's settings give the title and, for a learner's template, whose numbers it shows (as grading does).
    const loaded = await loadSettings({
      env: io.env,
      ...(command.course === undefined ? {} : { courseFile: { given: command.course, path: resolve(base, command.course) } }),
    });
    if ('error' in loaded) return fail(loaded.error);
    const { title } = loaded.settings.config;
    const { learner } = command;
    const variants = command.variants ?? loaded.settings.config.variants;
    if (learner !== undefined) {
      // The notes are about variants, which only a learner's template depends on.
      for (const note of loaded.notes) warn(note);
      if (!variants) warn(CLI.templatePostNumbers(learner.trim()));
    }
    const template = blankTemplate(learner === undefined ? { title } : { title, learner, variants });
    if (out === undefined) {
      // Under `npm run grade`, stdout may be a file that npm has already begun with its banner.
      if (!(io.env.npm_lifecycle_event && io.replaceNpmBanner?.(template))) io.stdout(template);
      return 0;
    }
    const failed = writeOut(command.out!, out, template);
    return failed ? fail(failed) : 0;
  }
  if (command.kind === 'answer-key') return answerKey(command, { io, base, out, actions, warn, fail, usage });
  return grade(command, { io, base, out, actions, warn, fail, usage });
}

/** --answer-key: each roster learner's numbers and correct answers, under the deployment's settings. */
async function answerKey(args: Extract<ReturnType<typeof parseArgs>, { kind: 'answer-key' }>, ctx: Context): Promise<number> {
  const { io, base, out, warn, fail, usage } = ctx;
  if (args.roster === undefined) return usage(CLI.answerKeyNeedsRoster);
  const roster = loadRoster(args.roster, resolve(base, args.roster), args.rosterColumn);
  if ('error' in roster) return usage(roster.error);
  const loaded = await loadSettings({
    env: io.env,
    ...(args.course === undefined ? {} : { courseFile: { given: args.course, path: resolve(base, args.course) } }),
  });
  if ('error' in loaded) return fail(loaded.error);
  for (const note of [...roster.notes, ...loaded.notes]) warn(note);
  const variants = args.variants ?? loaded.settings.config.variants;
  const text = args.format === 'csv' ? answerKeyCsv(roster.learners, variants) : answerKeyText(roster.learners, variants);
  if (out === undefined) {
    io.stdout(text);
    return 0;
  }
  const failed = writeOut(args.out!, out, text);
  return failed ? fail(failed) : 0;
}

interface Context {
  io: Io;
  base: string;
  out: string | undefined;
  actions: boolean;
  warn: (text: string) => void;
  /** Warns, and gives the exit code for an error (2). */
  fail: (text: string) => number;
  usage: (message: string) => number;
}

async function grade(args: GradeArgs, ctx: Context): Promise<number> {
  const { io, base, out, actions, warn, fail, usage } = ctx;
  const feedbackDir = args.feedbackDir === undefined ? undefined : resolve(base, args.feedbackDir);
  const badFeedbackDir = feedbackDir === undefined ? undefined : feedbackDirProblem(args.feedbackDir!, feedbackDir);
  if (badFeedbackDir) return usage(badFeedbackDir);
  const roster = args.roster === undefined ? undefined : loadRoster(args.roster, resolve(base, args.roster), args.rosterColumn);
  if (roster && 'error' in roster) return usage(roster.error);
  if (args.format === 'canvas' && roster?.info?.kind !== 'canvas') return usage(CLI.canvasNeedsRoster);
  if (args.format === 'moodle' && !roster) return usage(CLI.moodleNeedsRoster);
  const collected = collect(args.paths, { base, exclude: out === undefined ? [] : [out] });
  if ('error' in collected) return usage(collected.error);
  if (roster) collected.notes.push(...roster.notes);
  // One truth per deployment: the settings the site was built with (settings.ts), unless a flag says otherwise.
  const loaded = await loadSettings({
    env: io.env,
    ...(args.course === undefined ? {} : { courseFile: { given: args.course, path: resolve(base, args.course) } }),
  });
  if ('error' in loaded) return fail(loaded.error);
  collected.notes.unshift(...loaded.notes);
  const settings = loaded.settings.config;
  const variants = args.variants ?? settings.variants;
  const reports: FileReport[] = [];
  const onWorkerFailure = (reason: string): void => void collected.notes.push(CLI.workerFailed(reason));
  // The JSON text of the reports workers sent, for the JSON report to write as it is.
  const texts = new Map<FileReport, string>();
  const graded = await gradeFiles(collected.files, { variants, workerEntry: io.workerEntry, onWorkerFailure, texts });
  graded.forEach((report, i) => {
    if (report === 'own-report') collected.notes.push(skipNote({ reason: 'grader-report', path: collected.files[i]!.path }));
    else {
      // A file reached under other names too says so in every format (walk.ts).
      const spellings = spellingWarnings(collected.files[i]!);
      reports.push(spellings.length === 0 ? report : { ...report, warnings: [...report.warnings, ...spellings] });
    }
  });
  for (const note of collected.notes) warn(note);
  if (reports.length === 0) return usage(CLI.nothingToGrade);

  const { format, minScore } = args;
  const color = format === 'text' && out === undefined && !io.env.NO_COLOR && (Boolean(io.env.FORCE_COLOR) || io.isTTY);
  const classOptions = {
    ...(roster ? { roster: roster.learners, ...(roster.info ? { rosterInfo: roster.info } : {}) } : {}),
    keep: args.keep ?? 'latest',
    points: pointsTable(settings.points),
    modified: modifiedTimes(collected.files),
    title: settings.title,
    passingScore: settings.passingScore,
  } as const;
  for (const line of classWarnings(reports, args.variants === undefined ? variants : undefined, format, classOptions)) warn(line);
  const formatOptions = { minScore, color, ...classOptions };
  const formatted = format === 'json' ? formatJsonPieces(reports, { ...formatOptions, texts }) : FORMATTERS[format](reports, formatOptions);
  if (out !== undefined) {
    const failed = writeOut(args.out!, out, formatted);
    if (failed) return fail(failed);
  }
  if (feedbackDir !== undefined) {
    const written = writeFeedback(args.feedbackDir!, feedbackDir, reports, {
      ...(roster ? { roster: roster.learners } : {}),
      title: settings.title,
    });
    if ('error' in written) return fail(written.error);
    warn(CLI.wroteFeedback(written.written, args.feedbackDir!));
  }
  // With --out, the terminal gets the summary line only: the report is in the file.
  const shown =
    out === undefined
      ? typeof formatted === 'string'
        ? formatted
        : [...formatted].join('')
      : `${LABELS.summary(summarize(reports, minScore), minScore)}\n`;
  if (!actions) io.stdout(shown);
  else {
    io.stdout(fenced(shown, out === undefined ? SYNTAX[format] : 'text', stopToken()));
    for (const line of annotations(reports, io.env.GITHUB_WORKSPACE)) io.stdout(`${line}\n`);
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (summary) appendFileSync(summary, formatMarkdown(reports, { minScore, ...classOptions }));
  }
  return reports.every((r) => passes(r, minScore)) ? 0 : 1;
}

/** Why --out cannot be written (its folder is missing, or it is a folder), checked before grading; else undefined. */
function outProblem(given: string, out: string): string | undefined {
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) return CLI.outIsFolder(given);
  const folder = dirname(out);
  return statSync(folder, { throwIfNoEntry: false })?.isDirectory() ? undefined : CLI.outFolderMissing(given, folder);
}
