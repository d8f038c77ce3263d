/**
 * Every lesson's checkpoints, graded by the grader's own gradePart: the
 * reference answer (as a learner types it) is correct, every catalogued slip is
 * incorrect with its own message, and the answer never leaks into the
 * question, the label or a slip's feedback. Two or more per lesson, ids unique.
 */
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_LESSONS, allCheckpointIds, getCheckpoint, lessonCheckpoints } from '../../exercises/checkpoints/index.ts';
import { formatNumber, readable } from '../../engine/format.ts';
import { createGrader } from '../../grader/grade/grader.ts';
import { DEFAULT_LAB } from '../../src/lesson-data/race-config.ts';
import { createLabRun } from '../../src/islands/lab/runner.ts';

const { gradePart } = createGrader();

const typed = (value: number | string) => (typeof value === 'number' ? String(Number(value.toPrecision(4))) : value);

describe.each(CHECKPOINT_LESSONS)('lessons/%s checkpoints', (lesson) => {
  const checkpoints = lessonCheckpoints(lesson);

  it('has at least two, each named <lesson>/<id> and found by its id', () => {
    expect(checkpoints.length).toBeGreaterThanOrEqual(2);
    for (const c of checkpoints) {
      expect(c.id).toMatch(new RegExp(`^${lesson}/[a-z0-9-]+$`));
      expect(c.lesson).toBe(lesson);
      expect(getCheckpoint(c.id)).toBe(c);
      expect(c.part.id).toBe(c.id.slice(lesson.length + 1));
    }
  });

  it.each(checkpoints.map((c) => [c.id, c] as const))('%s: the answer is correct, every slip incorrect with its own message', (_, c) => {
    const place = { path: c.id };
    const right = gradePart({ part: c.part, value: typed(c.answer), reference: c.answer, misconceptions: c.misconceptions, place }).report;
    expect(right.verdict).toBe('correct');
    expect(c.misconceptions.length).toBeGreaterThanOrEqual(1);
    expect(new Set(c.misconceptions.map((m) => m.feedback)).size).toBe(c.misconceptions.length);
    for (const m of c.misconceptions) {
      const report = gradePart({
        part: c.part,
        value: typed(m.value),
        reference: c.answer,
        misconceptions: c.misconceptions,
        place,
      }).report;
      expect(report.verdict, m.id).toBe('incorrect');
      expect(report.feedback, m.id).toContain(m.feedback);
    }
    if (c.part.kind === 'choice') {
      expect(c.part.choices).toContain(c.answer);
      expect(c.misconceptions.map((m) => m.value).sort()).toEqual(c.part.choices.filter((w) => w !== c.answer).sort());
    }
  });

  it('never gives the answer away before it is revealed', () => {
    for (const c of checkpoints) {
      // A count may equal a layer number the question has to name ("above layer 4" → 4 factors).
      if (typeof c.answer !== 'number' || (c.part.kind === 'number' && c.part.tolerance.kind === 'absolute')) continue;
      const shown = [readable(c.answer), typed(c.answer)];
      for (const text of [c.question, c.part.label, ...c.misconceptions.map((m) => m.feedback)]) {
        for (const s of shown)
          expect(text, `${c.id} gives away ${s}`).not.toMatch(new RegExp(`(^|[^\\d.])${s.replace('.', '\\.')}($|[^\\d])`));
      }
    }
  });
});

describe('the checkpoints of the course', () => {
  it('have unique ids', () => {
    const ids = allCheckpointIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(16);
  });

  it('ask about the race the lab runs, with answers the engine computes', () => {
    // The lab's default run (the race), trained by the engine: the networks are sigmoid and ReLU, in that order.
    expect(DEFAULT_LAB.networks.map((n) => n.activation)).toEqual(['sigmoid', 'relu']);
    const run = createLabRun(DEFAULT_LAB);
    const first = run.step();
    while (!run.done()) run.step();
    const [sigmoid, relu] = run.trainers.map((t) => t.history);
    const end = (h: typeof sigmoid) => h!.at(-1)!.loss;
    const stalls = getCheckpoint('training/which-stalls')!;
    expect(stalls.answer).toBe(end(sigmoid) > end(relu) ? 'sigmoid' : 'relu');
    expect(stalls.answerText).toContain(formatNumber(end(sigmoid), { sig: 3 }));
    expect(stalls.question).toContain(`${DEFAULT_LAB.depth} hidden layers`);
    const g = first[0]!.gradNorms.weight;
    const share = g[0]! / g[g.length - 2]!;
    const firstShare = getCheckpoint('training/first-layer-share')!;
    expect(firstShare.answer).toBe(share < 0.1 ? 'less' : 'more');
    expect(firstShare.answerText).toContain(formatNumber(share, { sig: 2 }));
  });

  it('count factors as the engine does, and estimate δ₁ from the rounded factor within the tolerance', () => {
    expect(getCheckpoint('backward-pass/factor-count')!.answer).toBe(3);
    expect(getCheckpoint('measuring/code-factors')!.answer).toBe(4);
    const estimate = getCheckpoint('backward-pass/delta1-estimate')!;
    const report = gradePart({
      part: estimate.part,
      value: String(0.025 ** 3),
      reference: estimate.answer,
      misconceptions: estimate.misconceptions,
      place: { path: estimate.id },
    }).report;
    expect(report.verdict).toBe('correct');
  });
});

describe('checkpoint feedback speaks as the exercises do', () => {
  const grade = (id: string, typedValue: string) => {
    const c = getCheckpoint(id)!;
    return gradePart({ part: c.part, value: typedValue, reference: c.answer, misconceptions: c.misconceptions, place: { path: c.id } })
      .report;
  };

  it('names a rounding slip as one: 0.018 for σ′(4) = 0.0177, and 1.6e-5 for the estimate of δ₁/δ₄', () => {
    expect(grade('sigmoid/tail-slope', '0.018').feedback).toMatch(/rounded too far/);
    expect(grade('backward-pass/delta1-estimate', '1.6e-5').feedback).toMatch(/rounded too far/);
  });

  it('never mentions hints, which checkpoints do not have', () => {
    for (const id of allCheckpointIds()) {
      const c = getCheckpoint(id)!;
      if (c.part.kind !== 'number') continue;
      expect(grade(id, String(Number(c.answer) * 7.3 + 11)).feedback, id).not.toMatch(/hint/i);
    }
  });

  it('gives an example of a number that is no checkpoint’s or exercise’s answer', async () => {
    const { EXAMPLE_NUMBER, EXAMPLE_TEXT } = await import('../../grader/messages/problems.ts');
    const { EXERCISES } = await import('../../exercises/index.ts');
    expect(Number(EXAMPLE_TEXT.split(' ')[0])).toBe(EXAMPLE_NUMBER);
    const answers = [
      ...allCheckpointIds().map((id) => getCheckpoint(id)!.answer),
      ...EXERCISES.flatMap((e) => Object.values(e.answers(e.canonical) as Record<string, unknown>)),
    ].filter((a): a is number => typeof a === 'number' && a !== 0);
    expect(answers.length).toBeGreaterThan(20);
    for (const a of answers) expect(Math.abs(Math.log10(Math.abs(a) / EXAMPLE_NUMBER)), String(a)).toBeGreaterThan(Math.log10(2));
    expect(grade('backward-pass/delta1-estimate', 'about 1e-5').feedback).toContain(EXAMPLE_TEXT);
  });
});

describe('lesson 6’s share checkpoint', () => {
  it('never offers (1/4)^n as a bound on a share the run shows is larger', () => {
    const c = getCheckpoint('training/first-layer-share')!;
    const texts = [c.explanation, ...c.misconceptions.map((m) => m.feedback)];
    const share = Number(/: ([\d.e−-]+) of it/.exec(c.answerText)![1]!.replace('−', '-'));
    expect(share).toBeGreaterThan(0.25 ** 4);
    for (const t of texts) expect(t).not.toMatch(/\(1\/4\)\^/);
  });
});
