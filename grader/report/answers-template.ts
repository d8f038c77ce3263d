/**
 * The answers template: every exercise id and part id, each question as a
 * comment, with the post's parameter values, or with one learner's own when
 * the template is made for a learner under variants. Written by hand (no YAML
 * library) because every id is a plain word and every value is left empty;
 * the learner id, the one value given, is written as a quoted string.
 */
import { CHALLENGES, challengeParams, describeRules, type ChallengeDefinition } from '../../exercises/challenges/index.ts';
import { EXERCISES, exerciseParams, type ExerciseDefinition, type Params, type Part } from '../../exercises/index.ts';
import { COURSE_ID } from '../constants.ts';
import { LABELS } from '../messages/report.ts';
import { commentText, TEMPLATE } from '../messages/template.ts';
import { VARIANT } from '../messages/variants.ts';
import { keyNotes } from './variant-notes.ts';

export interface TemplateOptions {
  /** Fill in `learner:` with this id. */
  learner?: string;
  /** With a learner: the course gives each learner their own numbers, so the comments show this learner's. */
  variants?: boolean;
  /** The course's title (course.config.ts), which heads the file. */
  title?: string;
}

/** The template; an empty value is graded `missing`, so the blank file itself grades as 0 of N. */
export function blankTemplate(options: TemplateOptions = {}): string {
  const learner = options.learner?.trim() || undefined;
  // Whose numbers the comments show: this learner's variant, or the post's (undefined).
  const own = learner !== undefined && options.variants === true ? learner : undefined;
  const lines = [
    comment(TEMPLATE.heading(options.title ?? LABELS.courseTitle)),
    ...TEMPLATE.header.map(comment),
    `course: ${COURSE_ID}`,
    learner === undefined ? comment(TEMPLATE.learner) : `learner: ${yamlString(learner)}`,
    'answers:',
  ];
  for (const exercise of EXERCISES) lines.push(...exerciseLines(exercise, own));
  lines.push('', ...TEMPLATE.challenges.map((line) => `  ${comment(line)}`));
  for (const challenge of CHALLENGES) lines.push(...challengeLines(challenge, challengeParams(challenge, own, own !== undefined)));
  return `${lines.join('\n')}\n`;
}

function exerciseLines(exercise: ExerciseDefinition, own: string | undefined): string[] {
  const params = own === undefined ? exercise.canonical : exerciseParams(exercise, own, true);
  const list = parameterList(exercise, params);
  // Keys such as dsigma_at_5 name the post's numbers, which a learner's variant may change: in a learner's template, what each
  // such key asks this learner; in the blank one, that the keys keep their names.
  const named = exercise.parts.filter((part) => part.keyNumbers !== undefined).map((part) => part.id);
  const keys = own !== undefined ? keyNotes(exercise, params) : named.length > 0 ? [VARIANT.templateKeys(named)] : [];
  return [
    '',
    `  ${comment(`${exercise.title} (${exercise.id})`)}`,
    `  ${comment(exercise.convention)}`,
    ...(list === '' ? [] : [`  ${comment(own === undefined ? TEMPLATE.parameters(list) : TEMPLATE.learnerParameters(list))}`]),
    ...keys.map((note) => `  ${comment(note)}`),
    `  ${exercise.id}:`,
    ...exercise.parts.flatMap((part) => [`    ${comment(`${part.question} ${accepts(part)}`)}`, `    ${part.id}:`]),
  ];
}

/** "w = 0.1, the number of hidden layers = 4", in the names and the form the exercise pages give the numbers. */
function parameterList(exercise: ExerciseDefinition, params: Params): string {
  const display = exercise.display(params);
  return Object.entries(params)
    .map(([key, value]) => `${exercise.paramNames[key] ?? key} = ${display[key] ?? String(value)}`)
    .join(', ');
}

/** A challenge: its goal, what may change and within what limits, and its id with the setup left empty. */
function challengeLines(challenge: ChallengeDefinition, params: Params): string[] {
  const { may } = describeRules(challenge.rules(params));
  return [
    '',
    `  ${comment(`${challenge.title} (${challenge.id}, the ${challenge.lesson} lesson's lab)`)}`,
    `  ${comment(`Goal: ${challenge.goal(params)}`)}`,
    `  ${comment(TEMPLATE.mayChange(may.join('; ')))}`,
    `  ${challenge.id}:`,
  ];
}

function accepts(part: Part): string {
  if (part.kind === 'choice') return TEMPLATE.choice(part.choices);
  if (part.kind === 'expression') return TEMPLATE.expression(part.variable);
  return TEMPLATE.number;
}

/** One comment line (commentText: the text cannot end the comment early). */
function comment(text: string): string {
  return `# ${commentText(text)}`;
}

/** A YAML double-quoted string. JSON's escapes are YAML's too; U+0085, U+2028 and U+2029 are escaped as well, so no reader breaks the line. */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
