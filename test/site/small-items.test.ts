/** Small wording items a newcomer tripped on: the glossary's order, the missing-answer message, choices read back in words, the lab's noise scale per data set. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossaryInOrder } from '../../src/lesson-data/glossary.ts';
import { VERDICT_LABEL, feedbackText } from '../../src/islands/exercise/verdict.ts';
import { allCheckpointIds, getCheckpoint } from '../../exercises/checkpoints/index.ts';
import { createGrader } from '../../grader/grade/grader.ts';

const { gradePart } = createGrader();

describe('small items', () => {
  it('the glossary files δₖ under D, between terms starting with c/d and e', () => {
    const terms = glossaryInOrder().map((e) => e.term);
    const delta = terms.findIndex((t) => t.startsWith('δ'));
    expect(delta).toBeGreaterThanOrEqual(0);
    expect(terms.slice(delta + 1).some((t) => /^[a-c]/i.test(t))).toBe(false);
    expect(terms.slice(0, delta).some((t) => /^[e-z]/i.test(t))).toBe(false);
  });

  it('a missing answer is not announced twice ("No answer. No answer given")', () => {
    const shown = `${VERDICT_LABEL.missing} ${feedbackText('missing', 'no answer given')}`;
    expect(shown).not.toMatch(/no answer.*no answer/i);
  });

  // Every choice checkpoint, every word: graded by the grader, shown as the page shows it.
  const choices = allCheckpointIds()
    .map((id) => getCheckpoint(id)!)
    .filter((c) => c.part.kind === 'choice' && c.choiceLabels !== undefined);

  it.each(choices.map((c) => c.id))(
    '%s reads a choice back by its option’s words, never as its answer-file word ("Read as relu.")',
    (id) => {
      const c = getCheckpoint(id)!;
      for (const [word, label] of Object.entries(c.choiceLabels!)) {
        const { report } = gradePart({
          part: c.part,
          value: word,
          reference: c.answer,
          misconceptions: c.misconceptions,
          place: { path: id },
        });
        const shown = feedbackText(report.verdict, report.feedback, report.readAs, label);
        expect(shown, word).toMatch(new RegExp(`^Read as “${label}”[.,]`));
        expect(shown, word).not.toMatch(new RegExp(`read as ${word}\\b`, 'i'));
        const slip = c.misconceptions.find((m) => m.value === word);
        if (slip) expect(shown).toBe(`Read as “${label}”. ${slip.feedback}`);
      }
    },
  );

  it('a choice outside the catalogue is read back in words too', () => {
    expect(feedbackText('incorrect', "read as 'relu', which is not the expected answer", 'relu', 'the ReLU network')).toBe(
      'Read as “the ReLU network”, which is not the expected answer.',
    );
  });

  it('the lab describes the noise scale of the data set shown, not a moon for every one', () => {
    const source = readFileSync(join(import.meta.dirname, '../../src/islands/lab/LabControls.tsx'), 'utf8');
    expect(source).not.toMatch(/where a moon\s+has radius 1\)/);
    expect(source).toMatch(/circles: 'the outer ring has radius 1/);
  });
});
