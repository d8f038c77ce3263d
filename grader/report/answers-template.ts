/**
 * The blank answers template: every exercise id and part id, each question
 * as a comment, with the post's parameter values. Written by hand (no YAML
 * library) because every id is a plain word and every value is left empty.
 */
import { CHALLENGES, describeRules, type ChallengeDefinition } from '../../exercises/challenges/index.ts';
import { EXERCISES, type ExerciseDefinition, type Part } from '../../exercises/index.ts';
import { COURSE_ID } from '../constants.ts';
import { TEMPLATE } from '../messages/template.ts';
import { VARIANT } from '../messages/variants.ts';

/** The blank template; an empty value is graded `missing`, so the blank file itself grades as 0 of N. */
export function blankTemplate(): string {
  const lines = [...TEMPLATE.header.map(comment), `course: ${COURSE_ID}`, comment(TEMPLATE.learner), 'answers:'];
  for (const exercise of EXERCISES) lines.push(...exerciseLines(exercise));
  lines.push('', ...TEMPLATE.challenges.map((line) => `  ${comment(line)}`));
  for (const challenge of CHALLENGES) lines.push(...challengeLines(challenge));
  return `${lines.join('\n')}\n`;
}

function exerciseLines(exercise: ExerciseDefinition): string[] {
  const display = exercise.display(exercise.canonical);
  const params = Object.entries(exercise.canonical).map(([key, value]) => `${key} = ${display[key] ?? String(value)}`);
  // Keys such as dsigma_at_5 name the post's numbers, which a learner's variant may change.
  const renamed = exercise.parts.filter((part) => part.keyNumbers !== undefined).map((part) => part.id);
  return [
    '',
    `  ${comment(`${exercise.title} (${exercise.id})`)}`,
    `  ${comment(exercise.convention)}`,
    ...(params.length > 0 ? [`  ${comment(TEMPLATE.parameters(params.join(', ')))}`] : []),
    ...(renamed.length > 0 ? [`  ${comment(VARIANT.templateKeys(renamed))}`] : []),
    `  ${exercise.id}:`,
    ...exercise.parts.flatMap((part) => [`    ${comment(`${part.question} ${accepts(part)}`)}`, `    ${part.id}:`]),
  ];
}

/** A challenge: its goal, what may change and within what limits, and its id with the setup left empty. */
function challengeLines(challenge: ChallengeDefinition): string[] {
  const { may } = describeRules(challenge.rules(challenge.canonical));
  return [
    '',
    `  ${comment(`${challenge.title} (${challenge.id}, the ${challenge.lesson} lesson's lab)`)}`,
    `  ${comment(`Goal: ${challenge.goal(challenge.canonical)}`)}`,
    `  ${comment(TEMPLATE.mayChange(may.join('; ')))}`,
    `  ${challenge.id}:`,
  ];
}

function accepts(part: Part): string {
  if (part.kind === 'choice') return TEMPLATE.choice(part.choices);
  if (part.kind === 'expression') return TEMPLATE.expression(part.variable);
  return TEMPLATE.number;
}

/** One comment line; newlines inside the text are folded so the comment cannot end early. */
function comment(text: string): string {
  return `# ${text.replace(/\s+/g, ' ').trim()}`;
}
