/**
 * Shared fixtures: DESIGN.md's example answers file, filled in with the post's
 * rounded figures (the oracle: these are the numbers the post prints). An
 * exercise the post does not ask (one added after the five) is answered at the
 * end with its reference answers, pinned engine output, so that the file stays
 * a full-marks file whatever the manifest lists.
 */
import { answersToYaml } from '../../grader/report/answers-yaml.ts';
import { EXERCISES, exerciseParams } from '../../exercises/index.ts';
import type { AnswerValue } from '../../exercises/index.ts';

const POST_ONLY_YAML = `course: vanishing-gradients   # optional; if present it must be this
learner: ada@example.edu
answers:
  sigmoid-max:
    max_value: 1/4
    argmax_sigma: 0.5
    argmax_z: 0
    completed_square: "1/4 - (s - 1/2)^2"
  deeper-network:
    factor_per_layer: 0.025
    gradient_5_layers: 3.9e-7
    gradient_6_layers: 9.75e-9
  weight-scale:
    gradient_w_0_5: 1e-3
    verdict_w_0_5: better
    gradient_w_2: 0.064
    verdict_w_2: better
    explode_threshold_w: 5
  saturation:
    dsigma_at_5: 0.00665
    dsigma_at_0_5: 0.235
    ratio: 35.3
    factor_w10_at_5: 0.0665
  relu-swap:
    gradient_relu: 1e-3
    improvement_factor: 64
    vanishing_gone: no
`;

/** The post's answers as data (the same figures as the file above), by exercise and part. */
const POST_ONLY: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'sigmoid-max': { max_value: '1/4', argmax_sigma: 0.5, argmax_z: 0, completed_square: '1/4 - (s - 1/2)^2' },
  'deeper-network': { factor_per_layer: 0.025, gradient_5_layers: 3.9e-7, gradient_6_layers: 9.75e-9 },
  'weight-scale': { gradient_w_0_5: 1e-3, verdict_w_0_5: 'better', gradient_w_2: 0.064, verdict_w_2: 'better', explode_threshold_w: 5 },
  saturation: { dsigma_at_5: 0.00665, dsigma_at_0_5: 0.235, ratio: 35.3, factor_w10_at_5: 0.0665 },
  'relu-swap': { gradient_relu: 1e-3, improvement_factor: 64, vanishing_gone: 'no' },
};

/** The five exercises the post asks, in its order: the ones these fixtures answer with the post's figures. */
export const POST_EXERCISE_IDS: readonly string[] = Object.keys(POST_ONLY);

/** The parts of the post's five questions (19): a file of the five alone scores out of this. */
export const POST_PARTS = Object.values(POST_ONLY).reduce((n, parts) => n + Object.keys(parts).length, 0);

/** The exercises added after the post's five, with their canonical reference answers (pinned engine output). */
function otherAnswers(): Record<string, Record<string, AnswerValue>> {
  const others = EXERCISES.filter((e) => !POST_EXERCISE_IDS.includes(e.id));
  return Object.fromEntries(others.map((e) => [e.id, { ...e.answers(exerciseParams(e, undefined, false)) }]));
}

/** The answers block of `otherAnswers()`, indented as in the file above; empty for the five alone. */
function otherAnswersYaml(): string {
  const answers = otherAnswers();
  if (Object.keys(answers).length === 0) return '';
  const yaml = answersToYaml({ answers }).split('\n');
  return `${yaml
    .slice(yaml.indexOf('answers:') + 1)
    .join('\n')
    .trimEnd()}\n`;
}

/** The post's answers file, every exercise of the manifest answered. */
export const POST_ANSWERS_YAML = POST_ONLY_YAML + otherAnswersYaml();

/** The same answers as data, for building variations (a fresh copy each call). */
export function postAnswers(): Record<string, Record<string, unknown>> {
  const five = Object.fromEntries(Object.entries(POST_ONLY).map(([id, parts]) => [id, { ...parts }]));
  return { ...five, ...otherAnswers() };
}

/** A document with one part replaced. */
export function withPart(exercise: string, part: string, value: unknown): { answers: Record<string, Record<string, unknown>> } {
  const answers = postAnswers();
  answers[exercise]![part] = value;
  return { answers };
}
