/**
 * Saving and loading answers files from the exercise page. The YAML code
 * (grader/serialize.ts, grader/read.ts) is imported only when a learner
 * downloads or loads a file, so the page itself stays small.
 */
import { EXERCISES, type ExerciseDefinition } from '../../../exercises/index.ts';
import { createGraderContext } from '../../../grader/grade/context.ts';
import { gradeAnswers } from '../../../grader/grade/grade-document.ts';
import type { AnswerFile } from '../../../grader/schema.ts';
import { isRecord, own } from '../../../grader/read/plain-data.ts';

/** An answers document built from the form, in the public answers-file shape. */
export interface FormDoc {
  course: NonNullable<AnswerFile['course']>;
  learner?: string;
  /** An exercise's answers by part id; a lab challenge's answer is its setup string. */
  answers: Record<string, Record<string, string> | string>;
  /** Comment lines above an exercise's answers in a download (a variant's numbers), by exercise id. */
  notes?: Record<string, readonly string[]>;
}

/** Saves the document as a YAML answers file through a temporary download link. */
export async function downloadAnswers(doc: FormDoc, filename: string): Promise<void> {
  const { answersToYaml } = await import('../../../grader/report/answers-yaml.ts');
  // The time of the download goes in the file: of a learner's several files, the gradebook keeps the latest by it.
  // The course's title, which heads the file, is the site's name: Starlight writes it (from course.config.ts) in every page's head.
  const title = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content || undefined;
  const yaml = answersToYaml({ ...doc, submitted: new Date().toISOString(), ...(title === undefined ? {} : { title }) });
  const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type LoadedAnswers =
  | {
      ok: true;
      /** This exercise's answers, by part id. */
      answers: Record<string, string>;
      /** The other exercises' answers in the file, by exercise id then part id. */
      others: Record<string, Record<string, string>>;
      learner?: string;
      message: string;
    }
  | { ok: false; message: string };

/** One exercise's answers in the file as the controls' text, and the parts whose values could not be shown. */
function exerciseAnswers(
  mine: Record<string, unknown>,
  exercise: ExerciseDefinition,
): { answers: Record<string, string>; skipped: string[] } {
  const answers: Record<string, string> = {};
  const skipped: string[] = [];
  for (const part of exercise.parts) {
    if (!Object.hasOwn(mine, part.id) || mine[part.id] === null) continue;
    const text = asText(mine[part.id], part.kind === 'choice' ? part.choices : undefined);
    if (text === undefined) skipped.push(part.id);
    else answers[part.id] = text;
  }
  return { answers, skipped };
}

/** A file value as the text a learner would see in the control (booleans become yes/no for yes/no parts). */
function asText(value: unknown, choices: readonly string[] | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean' && choices?.includes('yes') && choices.includes('no')) return value ? 'yes' : 'no';
  return undefined;
}

/** Reads an answers file with the grader's reader and picks out this exercise's answers; every failure is a message. */
export async function answersFromFile(file: File, exercise: ExerciseDefinition, variants: boolean): Promise<LoadedAnswers> {
  try {
    const { readAnswersText, checkSize } = await import('../../../grader/read/answers-file.ts');
    const tooLarge = checkSize(file.size);
    if (tooLarge) return { ok: false, message: `Could not load ${file.name}: ${tooLarge.message}.` };
    const read = readAnswersText(new Uint8Array(await file.arrayBuffer()), file.name);
    const where = (p: { line?: number; message: string }) => (p.line ? `line ${p.line}: ${p.message}` : p.message);
    if (!read.ok) return { ok: false, message: `Could not load ${file.name}: ${read.problems.map(where).join('; ')}.` };
    // The grader's envelope checks (course, learner, answers) give the same errors the CLI would.
    const report = gradeAnswers(read.data, { path: file.name, variants, positions: read.positions }, createGraderContext());
    if (report.status !== 'graded') return { ok: false, message: `Could not load ${file.name}: ${report.errors.map(where).join('; ')}.` };
    const data = read.data as Record<string, unknown>;
    const all = isRecord(data.answers) ? data.answers : {};
    // The file holds the whole course: the other exercises' answers are kept for their own pages.
    const others: Record<string, Record<string, string>> = {};
    for (const other of EXERCISES) {
      const theirs = own(all, other.id);
      if (other.id === exercise.id || !isRecord(theirs)) continue;
      const { answers } = exerciseAnswers(theirs, other);
      if (Object.keys(answers).length > 0) others[other.id] = answers;
    }
    const mine = own(all, exercise.id);
    const otherIds = Object.keys(others);
    if (!isRecord(mine) && otherIds.length === 0)
      return { ok: false, message: `${file.name} has no answers for this exercise (${exercise.id}).` };
    const { answers, skipped } = isRecord(mine) ? exerciseAnswers(mine, exercise) : { answers: {}, skipped: [] };
    const count = Object.keys(answers).length;
    const learner = typeof data.learner === 'string' ? data.learner : undefined;
    const message =
      `Loaded ${count} answer${count === 1 ? '' : 's'} from ${file.name}.` +
      (count > 0 ? ` Press Check to grade ${count === 1 ? 'it' : 'them'}.` : '') +
      (skipped.length ? ` Not loaded (not a number or text): ${skipped.join(', ')}.` : '') +
      (otherIds.length ? ` Also kept for their own pages: the answers to ${otherIds.join(', ')}.` : '');
    return { ok: true, answers, others, message, ...(learner !== undefined ? { learner } : {}) };
  } catch (error) {
    return { ok: false, message: `Could not load ${file.name}: ${error instanceof Error ? error.message : 'unknown error'}.` };
  }
}
