/**
 * GitHub Actions: the runner reads workflow commands from every line a step
 * prints (`::command args::data` after optional leading spaces, and the older
 * `##[command]data` anywhere in a line). Learner text must not be able to add
 * a command, stop the grader's own, or mask the log. So in Actions mode:
 *   - everything derived from submissions goes out between
 *     `::stop-commands::<random token>` and `::<token>::`, where the runner
 *     executes no command at all, and a learner cannot guess the token to
 *     resume early;
 *   - inside that region `##[` and a leading `::` are broken anyway (a log
 *     viewer or an older runner may still read them);
 *   - the grader's own annotations come after the resume, their text made
 *     visible (no ESC or BEL) and escaped by the runner's rules.
 */
import { isAbsolute, relative } from 'node:path';
import { visible } from '../report/visible.ts';
import type { FileReport } from '../schema.ts';
import { CLI } from './help-text.ts';

/** How `##[` and a leading `::` are broken in each output, keeping the data the same where the format allows. */
const BREAK = {
  /** Text and Markdown: a backslash (shown, and harmless in Markdown, where `\[` and `\:` are escapes). */
  text: { bracket: '##\\[', colon: ':\\:' },
  /** JSON: `[` and `:` as \u escapes inside strings, the same data to any parser. */
  json: { bracket: '##\\u005b', colon: '\\u003a:' },
  /** XML: character references, the same data to any parser. */
  xml: { bracket: '##&#91;', colon: '&#58;:' },
} as const;
export type Syntax = keyof typeof BREAK;

/** `output` with no line a runner would read as a workflow command. */
export function breakCommands(output: string, syntax: Syntax): string {
  const { bracket, colon } = BREAK[syntax];
  return output
    .split('\n')
    .map((line) => line.replaceAll('##[', bracket).replace(/^(\s*)::/, `$1${colon}`))
    .join('\n');
}

/** A token no submission can know: 128 random bits. */
export function stopToken(): string {
  // Web Crypto's global, not node:crypto: importing that module costs every run start-up time, and only Actions needs a token.
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('hex');
}

/** `output` fenced so the runner runs none of it: stop-commands before, the resume line after. */
export function fenced(output: string, syntax: Syntax, token: string): string {
  const body = breakCommands(output, syntax);
  return `::stop-commands::${token}\n${body}${body.endsWith('\n') || body === '' ? '' : '\n'}::${token}::\n`;
}

/** Annotation data: visible characters, then the runner's escapes (% CR LF; also : and , in a property). */
export function escapeData(text: string, property = false): string {
  const data = visible(text).replaceAll('##[', BREAK.text.bracket).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return property ? data.replace(/:/g, '%3A').replace(/,/g, '%2C') : data;
}

/**
 * GitHub's `::error file=…,line=…::` lines for incorrect or invalid parts and unreadable files: at most
 * `limit` annotations in all, so when there are more, the last one is a notice that counts the rest.
 */
export function annotations(reports: readonly FileReport[], workspace?: string, limit = 10): string[] {
  const all = reports.flatMap((r) => {
    const file = escapeData(workspace && isAbsolute(r.path) ? relative(workspace, r.path) : r.path, true);
    const line = (n?: number) => (n === undefined ? '' : `,line=${n}`);
    if (r.status === 'error') return r.errors.map((e) => `::error file=${file}${line(e.line)}::${escapeData(e.message)}`);
    return r.exercises.flatMap((e) =>
      e.parts
        .filter((p) => p.verdict === 'incorrect' || p.verdict === 'invalid')
        .map((p) => `::error file=${file}${line(p.line)},title=${escapeData(`${e.id}.${p.id}`, true)}::${escapeData(p.feedback)}`),
    );
  });
  return all.length <= limit ? all : [...all.slice(0, limit - 1), `::notice::${CLI.moreAnnotations(all.length - limit + 1)}`];
}
