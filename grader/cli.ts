/**
 * The grader's command line, a thin shell over the library: parse the
 * arguments (parseCli is pure, for tests), read the files, grade, format,
 * set process.exitCode. The only grader file that touches process or fs;
 * it writes no file except --out (and, in GitHub Actions, the job summary).
 */
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { formatJson } from './format/json.ts';
import { formatJunit } from './format/junit.ts';
import { formatMarkdown } from './format/markdown.ts';
import { formatText } from './format/text.ts';
import { errorReport } from './grade.ts';
import { gradeText } from './grade-text.ts';
import { CLI, problem } from './messages.ts';
import { checkSize } from './read.ts';
import { passes } from './report.ts';
import type { FileReport } from './schema.ts';
import { blankTemplate } from './template.ts';

const FORMATS = { text: formatText, json: formatJson, junit: formatJunit, markdown: formatMarkdown };
export type Format = keyof typeof FORMATS;
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'template'; out?: string }
  | { kind: 'grade'; paths: string[]; format: Format; out?: string; minScore: number; variants?: boolean }
  | { kind: 'usage-error'; message: string };

/** Reads the arguments after `npm run grade --`; pure, never throws. */
export function parseCli(argv: readonly string[]): CliCommand {
  const paths: string[] = [];
  let format: Format = 'text';
  let out: string | undefined;
  let minScore = 0;
  let variants: boolean | undefined;
  let template = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const [flag = '', inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    const value = (): string | undefined => inline ?? (i + 1 < argv.length ? argv[++i] : undefined);
    if (flag === '--help' || flag === '-h') return { kind: 'help' };
    else if (flag === '--template') template = true;
    else if (flag === '--variants') variants = true;
    else if (flag === '--no-variants') variants = false;
    else if (flag === '--format' || flag === '--out' || flag === '--min-score') {
      const v = value();
      if (v === undefined) return { kind: 'usage-error', message: CLI.missingValue(flag) };
      if (flag === '--out') out = v;
      else if (flag === '--format') {
        if (!Object.hasOwn(FORMATS, v)) return { kind: 'usage-error', message: CLI.badFormat(v) };
        format = v as Format;
      } else {
        const n = /^\d+(?:\.\d+)?%?$/.test(v) ? Number.parseFloat(v) : Number.NaN;
        if (!(n >= 0 && n <= 100)) return { kind: 'usage-error', message: CLI.badMinScore(v) };
        minScore = n;
      }
    } else return { kind: 'usage-error', message: CLI.unknownFlag(flag) };
  }
  if (template) return paths.length > 0 ? { kind: 'usage-error', message: CLI.templateTakesNoPaths } : { kind: 'template', out };
  if (paths.length === 0) return { kind: 'usage-error', message: CLI.noPaths };
  return { kind: 'grade', paths, format, out, minScore, ...(variants === undefined ? {} : { variants }) };
}

const ANSWER_FILE = /\.(?:ya?ml|json)$/i;

/** A file to grade, or a folder that could not be listed (graded as an error, so the rest still run). */
interface Found {
  path: string;
  unlisted?: string;
}

/** Answer files under `dir`, recursively, skipping hidden folders and node_modules. */
function answerFiles(dir: string): Found[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return [{ path: dir, unlisted: (error as Error).message }];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.') || entry.name === 'node_modules') return [];
    if (entry.isDirectory()) return answerFiles(path);
    return ANSWER_FILE.test(entry.name) && statSync(path, { throwIfNoEntry: false })?.isFile() ? [{ path }] : [];
  });
}

/** The files to grade, in order, or the usage error that stops before grading anything. */
function collect(paths: readonly string[]): { files: Found[] } | { error: string } {
  const files = new Map<string, Found>();
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return { error: CLI.notFound(path) };
    if (!stat.isDirectory()) files.set(path, { path });
    else {
      const found = answerFiles(path).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      if (found.length === 0) return { error: CLI.noFiles(path) };
      for (const f of found) files.set(f.path, f);
    }
  }
  return { files: [...files.values()] };
}

function gradeFile(path: string, variants: boolean): FileReport {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return errorReport(path, [problem('unreadable', '', { detail: CLI.notAFile })]);
    const tooLarge = checkSize(stat.size);
    if (tooLarge) return errorReport(path, [tooLarge]); // refused before reading a byte
    return gradeText(readFileSync(path), { path, variants });
  } catch (error) {
    return errorReport(path, [problem('unreadable', '', { detail: (error as Error).message })]);
  }
}

/**
 * GitHub's `::error file=…,line=…::` lines for incorrect or invalid parts and unreadable files: at most
 * `limit` annotations in all, so when there are more, the last one is a notice that counts the rest.
 */
export function annotations(reports: readonly FileReport[], workspace?: string, limit = 10): string[] {
  const esc = (s: string, property = false) => {
    const data = s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    return property ? data.replace(/:/g, '%3A').replace(/,/g, '%2C') : data;
  };
  const all = reports.flatMap((r) => {
    const file = workspace && isAbsolute(r.path) ? relative(workspace, r.path) : r.path;
    const line = (n?: number) => (n === undefined ? '' : `,line=${n}`);
    if (r.status === 'error') return r.errors.map((e) => `::error file=${esc(file, true)}${line(e.line)}::${esc(e.message)}`);
    return r.exercises.flatMap((e) => e.parts.filter((p) => p.verdict === 'incorrect' || p.verdict === 'invalid')
      .map((p) => `::error file=${esc(file, true)}${line(p.line)},title=${esc(`${e.id}.${p.id}`, true)}::${esc(p.feedback)}`));
  });
  return all.length <= limit ? all : [...all.slice(0, limit - 1), `::notice::${CLI.moreAnnotations(all.length - limit + 1)}`];
}

/** Why --out cannot be written (its folder is missing, or it is a folder), checked before grading; else undefined. */
function outProblem(out: string): string | undefined {
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) return CLI.outIsFolder(out);
  const folder = dirname(resolve(out));
  return statSync(folder, { throwIfNoEntry: false })?.isDirectory() ? undefined : CLI.outFolderMissing(out, folder);
}

/** Writes --out; a failure (permissions, a full disk) is a message, not a stack trace. */
function writeOut(out: string, text: string): string | undefined {
  try {
    writeFileSync(out, text);
    return undefined;
  } catch (error) {
    return CLI.cannotWrite(out, (error as Error).message);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCli(argv);
  if (command.kind === 'help') return (console.log(CLI.help), 0);
  if (command.kind === 'usage-error') return (console.error(`${command.message}\n${CLI.seeHelp}`), 2);
  const badOut = command.out === undefined ? undefined : outProblem(command.out);
  if (badOut) return (console.error(`${badOut}\n${CLI.seeHelp}`), 2);
  if (command.kind === 'template') {
    const failed = command.out ? writeOut(command.out, blankTemplate()) : (process.stdout.write(blankTemplate()), undefined);
    return failed ? (console.error(failed), 2) : 0;
  }
  const collected = collect(command.paths);
  if ('error' in collected) return (console.error(`${collected.error}\n${CLI.seeHelp}`), 2);
  // Variants matter only for files that name a learner, so course.config.ts (and zod, which
  // validates it) is loaded only when such a file turns up and --[no-]variants was not given.
  let reports = collected.files.map(({ path, unlisted }) =>
    unlisted === undefined ? gradeFile(path, command.variants ?? false) : errorReport(path, [problem('unlisted', '', { detail: unlisted })]));
  if (command.variants === undefined && reports.some((r) => r.learner !== undefined)) {
    let variants: boolean;
    try {
      variants = (await import('../course.config.ts')).default.variants;
    } catch (error) {
      return (console.error(CLI.badConfig((error as Error).message)), 2);
    }
    if (variants) reports = reports.map((r) => (r.learner === undefined ? r : gradeFile(r.path, true)));
  }
  const { format, out, minScore } = command;
  const color = format === 'text' && !out && !process.env.NO_COLOR && (Boolean(process.env.FORCE_COLOR) || process.stdout.isTTY === true);
  const report = FORMATS[format](reports, { minScore, color });
  if (out) {
    const failed = writeOut(out, report);
    if (failed) return (console.error(failed), 2);
    process.stdout.write(formatText(reports, { minScore }));
  } else process.stdout.write(report);
  if (process.env.GITHUB_ACTIONS === 'true') {
    for (const line of annotations(reports, process.env.GITHUB_WORKSPACE)) console.log(line);
    const summary = process.env.GITHUB_STEP_SUMMARY;
    if (summary) appendFileSync(summary, formatMarkdown(reports, { minScore }));
  }
  return reports.every((r) => passes(r, minScore)) ? 0 : 1;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
