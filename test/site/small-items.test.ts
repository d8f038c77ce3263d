/** Small wording items a newcomer tripped on: the glossary's order, the missing-answer message, the lab's noise scale per data set. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossaryInOrder } from '../../src/lesson-data/glossary.ts';
import { VERDICT_LABEL, feedbackText } from '../../src/islands/exercise/verdict.ts';

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

  it('the lab describes the noise scale of the data set shown, not a moon for every one', () => {
    const source = readFileSync(join(import.meta.dirname, '../../src/islands/lab/LabControls.tsx'), 'utf8');
    expect(source).not.toMatch(/where a moon\s+has radius 1\)/);
    expect(source).toMatch(/circles: 'the outer ring has radius 1/);
  });
});
