/** Which parameters a learner gets: the post's numbers, or their own variant from a hash of (learner, exercise). */
import { hashString } from '../engine/prng.ts';
import { fillLabel } from './labels.ts';
import type { ExerciseDefinition, Params } from './types.ts';

/**
 * The canonical (post's) parameters when there is no learner or variants are
 * off; otherwise the learner's variant, seeded by hashing learner and exercise
 * id with a NUL between them so that ("ab", "c…") and ("a", "bc…") differ.
 */
export function exerciseParams(exercise: ExerciseDefinition, learner: string | undefined, variantsEnabled: boolean): Params {
  const key = learner === undefined ? '' : learnerKey(learner);
  if (!variantsEnabled || key === '') return exercise.canonical;
  return exercise.variant(hashString(`${key}\u0000${exercise.id}`));
}

/**
 * The form of a learner id that is compared and hashed: surrounding spaces
 * trimmed, compatibility forms unified (NFKC: a full-width ｓ is s), then case
 * folded (upper then lower case, so ß and SS, K and the Kelvin sign, match).
 * "  S123456@Uni.edu " and "s123456@uni.edu" are one learner with one variant,
 * on the site and in the grader. Use it wherever learners are compared.
 */
export function learnerKey(learner: string): string {
  return learner.trim().normalize('NFKC').toUpperCase().toLowerCase();
}

/** A part whose id names the post's numbers while this learner's variant asks about others. */
export interface RenamedNumbers {
  /** The part id, which keeps the post's numbers (`dsigma_at_5`). */
  part: string;
  /** What this variant asks for, filled in: "σ′(4.5)". */
  asked: string;
  /** The same with the post's numbers: "σ′(5)". */
  post: string;
}

/** The parts whose id names numbers (`keyNumbers`) that these parameters change; none for the post's numbers. */
export function renamedNumbers(exercise: ExerciseDefinition, params: Params): RenamedNumbers[] {
  const mine = exercise.display(params);
  const post = exercise.display(exercise.canonical);
  return exercise.parts.flatMap((part) => {
    if (part.keyNumbers === undefined) return [];
    const asked = fillLabel(part.keyNumbers, mine);
    const original = fillLabel(part.keyNumbers, post);
    return asked === original ? [] : [{ part: part.id, asked, post: original }];
  });
}

/** One parameter whose shown value differs between two sets of parameters. */
export interface ChangedNumber {
  /** The parameter's name as the prompt writes it: "z_sat". */
  name: string;
  before: string;
  after: string;
}

/** The parameters shown differently under `after` than under `before`, in the exercise's order. */
export function changedNumbers(exercise: ExerciseDefinition, before: Params, after: Params): ChangedNumber[] {
  const was = exercise.display(before);
  const now = exercise.display(after);
  return Object.keys(exercise.canonical).flatMap((name) => {
    const shown = (display: Readonly<Record<string, string>>, params: Params) => display[name] ?? String(params[name]);
    const [b, a] = [shown(was, before), shown(now, after)];
    return a === b ? [] : [{ name: exercise.paramNames[name] ?? name, before: b, after: a }];
  });
}
