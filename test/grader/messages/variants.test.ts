/**
 * The words about variants, with numbers taken from the variant generator: each part whose id names
 * the post's numbers says which numbers a learner's variant asks for, and a new learner id says which
 * numbers changed.
 */
import { describe, expect, it } from 'vitest';
import {
  changedNumbers,
  EXERCISES,
  exerciseParams,
  getExercise,
  renamedNumbers,
  type ExerciseDefinition,
} from '../../../exercises/index.ts';
import { fillLabel } from '../../../exercises/labels.ts';
import { blankTemplate } from '../../../grader/report/answers-template.ts';
import { answersToYaml } from '../../../grader/report/answers-yaml.ts';
import { createGrader } from '../../../grader/grade/grader.ts';
import { VARIANT } from '../../../grader/messages/variants.ts';
import { numbersNotice } from '../../../src/islands/exercise/variant.ts';

const { gradeText } = createGrader();

/** The first of a run of learner ids whose variant of `exercise` passes `test`. */
function learnerWhere(exercise: ExerciseDefinition, test: (params: Record<string, unknown>) => boolean): string {
  const id = Array.from({ length: 200 }, (_, i) => `learner-${i}@example.edu`).find((l) => test(exerciseParams(exercise, l, true)));
  if (id === undefined) throw new Error(`no learner among 200 has such a variant of ${exercise.id}`);
  return id;
}

const saturation = getExercise('saturation')!;
const deeper = getExercise('deeper-network')!;

describe('the key notes', () => {
  it('say which σ′ and weight a saturation variant asks for, under the keys that keep the post’s names', () => {
    const post = saturation.canonical as { zSat: number; zSmall: number; w: number };
    const learner = learnerWhere(saturation, (p) => p.zSat !== post.zSat && p.w !== post.w && p.zSmall !== post.zSmall);
    const p = exerciseParams(saturation, learner, true) as typeof post;
    const notes = renamedNumbers(saturation, p).map(VARIANT.keyNote);
    expect(notes).toEqual([
      `Your variant asks for σ′(${p.zSat}); the file key stays dsigma_at_5, the post's name.`,
      `Your variant asks for σ′(${p.zSmall}); the file key stays dsigma_at_0_5, the post's name.`,
      `Your variant asks for w·σ′(${p.zSat}) with w = ${p.w}; the file key stays factor_w10_at_5, the post's name.`,
    ]);
  });

  it('say how many hidden layers a deeper-network variant asks about', () => {
    const learner = learnerWhere(deeper, (p) => p.depth !== deeper.canonical.depth);
    const depth = exerciseParams(deeper, learner, true).depth as number;
    expect(renamedNumbers(deeper, exerciseParams(deeper, learner, true)).map(VARIANT.keyNote)).toEqual([
      `Your variant asks for ${depth + 1} hidden layers; the file key stays gradient_5_layers, the post's name.`,
      `Your variant asks for ${depth + 2} hidden layers; the file key stays gradient_6_layers, the post's name.`,
    ]);
  });

  it('are absent for the post’s numbers', () => {
    for (const exercise of EXERCISES) expect(renamedNumbers(exercise, exercise.canonical)).toEqual([]);
  });

  // The oracle is the id itself: dsigma_at_0_5 names 0.5, factor_w10_at_5 names 10 and 5.
  it.each(EXERCISES.flatMap((e) => e.parts.filter((p) => /\d/.test(p.id)).map((p) => [e.id, p.id] as const)))(
    '%s.%s names numbers, so it says what they are, and they are the post’s',
    (exerciseId, partId) => {
      const exercise = getExercise(exerciseId)!;
      const part = exercise.parts.find((p) => p.id === partId)!;
      expect(part.keyNumbers).toBeDefined();
      const filled = fillLabel(part.keyNumbers!, exercise.display(exercise.canonical));
      for (const n of partId.match(/\d+(?:_\d+)?/g)!) expect(filled).toContain(n.replace('_', '.'));
    },
  );
});

describe('the notice when the learner id changes the numbers', () => {
  const post = saturation.canonical as { zSat: number; w: number };
  const learner = learnerWhere(saturation, (p) => p.zSat !== post.zSat && p.w !== post.w);
  const p = exerciseParams(saturation, learner, true) as typeof post;

  it('names each changed number with its old value', () => {
    const notice = numbersNotice(saturation, undefined, learner, true);
    expect(notice).toMatch(/^Your numbers changed: this learner id has its own variant of this exercise, /);
    expect(notice).toContain(`z_sat = ${p.zSat} instead of ${post.zSat}`);
    expect(notice).toContain(`w = ${p.w} instead of ${post.w}`);
    expect(changedNumbers(saturation, saturation.canonical, p).map((c) => c.name)).toEqual(
      Object.keys(post)
        .filter((k) => p[k as keyof typeof p] !== (saturation.canonical as Record<string, unknown>)[k])
        .map((k) => ({ zSat: 'z_sat', zSmall: 'z_small', w: 'w' })[k]),
    );
  });

  it('says when the numbers go back to the post’s, and nothing when they stay', () => {
    expect(numbersNotice(saturation, learner, undefined, true)).toContain(`back to the post's, z_sat = ${post.zSat} instead of ${p.zSat}`);
    expect(numbersNotice(saturation, learner, `  ${learner.toUpperCase()} `, true)).toBe('');
    expect(numbersNotice(saturation, undefined, learner, false)).toBe('');
  });
});

describe('the names in those sentences', () => {
  it('are the names each prompt gives its parameters, never the code’s', () => {
    for (const exercise of EXERCISES) {
      expect(Object.keys(exercise.paramNames).sort()).toEqual(Object.keys(exercise.canonical).sort());
      for (const name of Object.values(exercise.paramNames)) expect(name).not.toMatch(/[a-z][A-Z]/);
    }
  });
});

describe('the answers template', () => {
  it('says that the keys naming numbers keep the post’s names', () => {
    expect(blankTemplate()).toContain(
      "  # The keys dsigma_at_5, dsigma_at_0_5 and factor_w10_at_5 keep the post's names even when your variant asks about other numbers.",
    );
    expect(blankTemplate()).toContain(
      "  # The keys gradient_5_layers and gradient_6_layers keep the post's names even when your variant asks about other numbers.",
    );
  });
});

describe('a downloaded answers file for a variant', () => {
  it('comments which numbers each exercise asks, above its answers, and still grades the same', () => {
    const post = saturation.canonical as { zSat: number; w: number };
    const learner = learnerWhere(saturation, (p) => p.zSat !== post.zSat && p.w !== post.w);
    const params = exerciseParams(saturation, learner, true);
    const changes = changedNumbers(saturation, saturation.canonical, params);
    const notes = [VARIANT.downloadNumbers(changes), ...renamedNumbers(saturation, params).map(VARIANT.keyNote)];
    const answers = { saturation: { dsigma_at_5: String(saturation.answers(params).dsigma_at_5) } };
    const yaml = answersToYaml({ learner, answers, notes: { saturation: notes } });
    const lines = yaml.split('\n');
    const at = lines.indexOf('  saturation:');
    expect(lines.slice(at - notes.length, at)).toEqual(notes.map((n) => `  # ${n}`));
    expect(notes[0]).toContain(`z_sat = ${(params as typeof post).zSat}`);
    expect(notes[0]).toContain(`(the post's: ${changes.map((c) => c.before).join(', ')})`);
    const graded = gradeText(yaml, { path: 'answers.yaml', variants: true });
    const plain = gradeText(answersToYaml({ learner, answers }), { path: 'answers.yaml', variants: true });
    // The same verdicts and feedback; only the answers' line numbers move down by the comments.
    const verdicts = (r: typeof graded) => r.exercises.map((e) => e.parts.map((p) => [p.id, p.verdict, p.feedback]));
    expect(verdicts(graded)).toEqual(verdicts(plain));
    expect(graded.exercises.find((e) => e.id === 'saturation')!.parts.find((p) => p.id === 'dsigma_at_5')!.verdict).toBe('correct');
  });
});
