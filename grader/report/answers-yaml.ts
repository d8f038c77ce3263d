/**
 * Writes an answers document as YAML in the public format, for the site's
 * "Download answers"; the CLI reading that file gives the same verdicts.
 * Loads the YAML library, so the browser imports this only on download.
 */
import { Document, isMap, isScalar } from 'yaml';
import { COURSE_ID } from '../constants.ts';
import { LABELS } from '../messages/report.ts';
import { commentText, TEMPLATE } from '../messages/template.ts';
import type { AnswerValue } from '../schema.ts';

/** What a form or a loaded file holds; `course` is always written as this course, whatever is passed. */
export interface AnswersDoc {
  /** By exercise id, its answers by part id; by challenge id, the lab setup string. */
  answers: Readonly<Record<string, Readonly<Record<string, AnswerValue>> | string>>;
  learner?: string;
  course?: string;
  /** When the file was saved (ISO 8601): the gradebook keeps each learner's latest file by it. */
  submitted?: string;
  /** Comment lines written above an exercise's answers, by exercise id (a learner's variant: which numbers it asks for). */
  notes?: Readonly<Record<string, readonly string[]>>;
  /** The course's title, which heads the file; the course's own name when not given. */
  title?: string;
}

/** The answers file as YAML: course, learner (when set), submitted (when set), then answers in the order given. */
export function answersToYaml(doc: AnswersDoc): string {
  const data: Record<string, unknown> = { course: COURSE_ID };
  if (doc.learner !== undefined) data.learner = doc.learner;
  if (doc.submitted !== undefined) data.submitted = doc.submitted;
  data.answers = doc.answers;
  const yaml = new Document(data, { version: '1.2' });
  // One comment line each (commentText): a title or a note with a line break in it cannot end the comment and start a key.
  const comment = (lines: readonly string[]) => lines.map((line) => ` ${commentText(line)}`).join('\n');
  yaml.commentBefore = comment(TEMPLATE.downloaded(doc.title ?? LABELS.courseTitle));
  const answers = yaml.get('answers', true);
  if (doc.notes && isMap(answers)) {
    for (const { key } of answers.items) {
      const lines = isScalar(key) ? doc.notes[String(key.value)] : undefined;
      if (isScalar(key) && lines?.length) key.commentBefore = comment(lines);
    }
  }
  return yaml.toString({ lineWidth: 0 });
}
