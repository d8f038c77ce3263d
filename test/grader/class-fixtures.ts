/**
 * A generated class for the class-view tests (library, CLI and browser):
 * correct files, catalogued misconceptions, a ring of three sharing odd wrong
 * answers, a learner with two files, an id that is not on the roster, a file
 * naming no learner, an unreadable file, and roster learners with no file.
 * With variants on, one learner answers with another learner's numbers.
 */
import { EXERCISES, exerciseParams, type AnswerValue } from '../../exercises/index.ts';

export interface ClassFile {
  path: string;
  text: string;
}

type Answers = Record<string, Record<string, AnswerValue>>;

/** Every part answered with the reference for this learner's numbers (variants on or off). */
export function referenceAnswers(learner: string | undefined, variants: boolean): Answers {
  return Object.fromEntries(EXERCISES.map((e) => [e.id, { ...e.answers(exerciseParams(e, learner, variants)) }]));
}

/** The catalogue's misconception for a part, for these numbers. */
export function misconceptionValue(exerciseId: string, part: string, learner: string | undefined, variants: boolean) {
  const exercise = EXERCISES.find((e) => e.id === exerciseId)!;
  const m = exercise.misconceptions(exerciseParams(exercise, learner, variants)).find((x) => x.part === part)!;
  return m;
}

/** An answers file as JSON text (what the site's download would hold, in JSON). */
export function answersFile(learner: string | undefined, answers: Answers): string {
  return `${JSON.stringify({ course: 'vanishing-gradients', ...(learner === undefined ? {} : { learner }), answers }, null, 2)}\n`;
}

/** Odd wrong values no catalogue holds: the ring of three shares them. */
export const RING_ANSWERS: readonly [string, string, number][] = [
  ['deeper-network', 'gradient_5_layers', 1.2345e-4],
  ['saturation', 'ratio', 777.7],
  ['relu-swap', 'improvement_factor', 4321],
];

export const ROSTER_CSV =
  'name,learner\r\nAda,ada@uni.edu\r\nBob,bob@uni.edu\r\nCarol,carol@uni.edu\r\nDan,dan@uni.edu\r\nEve,eve@uni.edu\r\nGrace,grace@uni.edu\r\nHeidi,heidi@uni.edu\r\n';

/** The class with variants off: every file is graded against the post's numbers. */
export function generatedClass(): ClassFile[] {
  const files: ClassFile[] = [];
  files.push({ path: 'ada.json', text: answersFile('ada@uni.edu', referenceAnswers(undefined, false)) });
  const bob = referenceAnswers(undefined, false);
  const slip = misconceptionValue('deeper-network', 'gradient_5_layers', undefined, false);
  bob['deeper-network']!.gradient_5_layers = slip.value;
  const slip2 = misconceptionValue('saturation', 'dsigma_at_5', undefined, false);
  bob.saturation!.dsigma_at_5 = slip2.value;
  files.push({ path: 'bob.json', text: answersFile(' Bob@Uni.edu ', bob) });
  for (const name of ['carol', 'dan', 'eve']) {
    const answers = referenceAnswers(undefined, false);
    for (const [exercise, part, value] of RING_ANSWERS) answers[exercise]![part] = value;
    files.push({ path: `${name}.json`, text: answersFile(`${name}@uni.edu`, answers) });
  }
  const again = referenceAnswers(undefined, false);
  delete again['relu-swap'];
  files.push({ path: 'ada-late.json', text: answersFile('ADA@uni.edu', again) });
  files.push({ path: 'zed.json', text: answersFile('zed@uni.edu', referenceAnswers(undefined, false)) });
  files.push({ path: 'nobody.json', text: answersFile(undefined, referenceAnswers(undefined, false)) });
  files.push({ path: 'broken.yaml', text: 'answers:\n  relu-swap: [\n' });
  return files;
}

/** Two learners with variants on; `copier` answers with `source`'s numbers on every number part. */
export function variantClass(): ClassFile[] {
  const source = 'ivan@uni.edu';
  const copier = 'judy@uni.edu';
  const theirs = referenceAnswers(source, true);
  return [
    { path: 'ivan.json', text: answersFile(source, theirs) },
    { path: 'judy.json', text: answersFile(copier, theirs) },
    { path: 'ken.json', text: answersFile('ken@uni.edu', referenceAnswers('ken@uni.edu', true)) },
  ];
}
