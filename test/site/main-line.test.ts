/**
 * One notation and one headline ratio on the main line. Outside the audit
 * boxes and lesson 4's "Three ways of counting" (the conventions table),
 * lessons, checkpoints and the explorers write the backward signal as the
 * course's δₖ = ∂L/∂zₖ, never as the post's ∂aₙ/∂aₖ, and quote the post's
 * other counts (64,128, 64,247 as the program's, 64,000, 64,103) nowhere.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCheckpointIds, getCheckpoint } from '../../exercises/checkpoints/index.ts';
import { EXERCISES } from '../../exercises/index.ts';
import { flowSentence } from '../../src/islands/GradientFlow.tsx';
import { traceRows, traceSummary } from '../../src/islands/TraceExplorer.tsx';
import { gradientFlow } from '../../engine/flow.ts';
import { formatNumber } from '../../engine/format.ts';
import { headline } from '../../src/lesson-data/anchor.ts';

const ROOT = join(import.meta.dirname, '../..');
const LESSONS = join(ROOT, 'content/lessons');
const lessons = readdirSync(LESSONS)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => `lessons/${f}`);
/** The home page states the headline too. */
const PAGES = [...lessons, 'index.mdx'];

/** ∂aₙ/∂aₖ in any spelling: Unicode, inline TeX a/b, or \frac{∂a…}{∂a…}. */
const ACTIVATION_RATIO = [
  /∂a\S{0,3}\s*\/\s*∂a/u,
  /\\partial a_\{?[^}$/()]*\}?\s*\/\s*\\partial a/,
  /\\d?frac\{\\partial a_[^}]*\}\{\\partial a/,
];
/** The lesson-data names of the other ways of counting; they belong in the audit boxes and the conventions table. */
const OTHER_COUNTS = /\b(blog\.ratio|code\.ratio|ideal\.ratio|reciprocalOfRounded|mixedRatio|headline\.weightGradRatio)\b/;

/** A lesson without its audit boxes, its "Three ways of counting" section and the post's quoted words. */
export function mainLine(source: string): string {
  return source
    .replace(/<Audit\b[\s\S]*?<\/Audit>/g, '')
    .replace(/^## Three ways of counting[\s\S]*?(?=^## )/m, '')
    .replace(/<PostSays\b[\s\S]*?<\/PostSays>/g, '')
    .replace(/^(?:import|export)\b.*$/gm, '');
}

const offences = (text: string) => ACTIVATION_RATIO.filter((re) => re.test(text)).map(String);

describe('the main-line filter', () => {
  it('keeps the prose, drops the audit boxes and the conventions section, and finds ∂aₙ/∂aₖ in every spelling', () => {
    const source =
      'Main $\\delta_1$.\n<Audit title="x">\n$\\partial a_4/\\partial a_1$\n</Audit>\n## Three ways of counting\n∂a₄/∂aₖ\n## Next\nδₖ';
    expect(offences(mainLine(source))).toEqual([]);
    expect(offences('the post’s table ∂a₄/∂aₖ')).toHaveLength(1);
    expect(offences('$\\partial a_{4}/\\partial a_k$')).toHaveLength(1);
    expect(offences('\\dfrac{\\partial a_4}{\\partial a_k}')).toHaveLength(1);
  });
});

describe('lessons', () => {
  it.each(PAGES)('%s writes the signal as δₖ on its main line and quotes no other count there', (file) => {
    const main = mainLine(readFileSync(join(ROOT, 'content', file), 'utf8'));
    expect(offences(main)).toEqual([]);
    expect(main.match(OTHER_COUNTS)?.[0]).toBeUndefined();
  });
});

describe('checkpoints', () => {
  it.each(allCheckpointIds())('%s asks in δₖ, never ∂aₙ/∂aₖ', (id) => {
    const c = getCheckpoint(id)!;
    for (const text of [c.question, c.part.label, c.answerText, c.explanation, ...c.misconceptions.map((m) => m.feedback)]) {
      expect(offences(text), text).toEqual([]);
    }
  });
});

/**
 * The exercises ask for the post's measure (DESIGN.md: the blog convention, ∂aₙ/∂a₁, a contract for which
 * number is asked). It is not a ratio of δs, so the main line names it in words; the symbol stays in each
 * exercise's convention sentence and its hints (folded), beside the conventions table it points to.
 */
describe('exercise labels, questions and feedback', () => {
  it.each(EXERCISES.map((e) => e.id))('%s names the measure in words, never ∂aₙ/∂aₖ', (id) => {
    const exercise = EXERCISES.find((e) => e.id === id)!;
    const texts = [
      ...exercise.parts.flatMap((p) => [p.label, p.question]),
      ...exercise.misconceptions(exercise.canonical).map((m) => m.feedback),
    ];
    for (const text of texts) expect(offences(text), text).toEqual([]);
  });

  it.each(EXERCISES.map((e) => e.id))('%s asks its prompt’s questions in words; only its **Convention:** line writes the symbol', (id) => {
    const prompt = readFileSync(join(ROOT, 'exercises', id, 'prompt.mdx'), 'utf8');
    const main = prompt.replace(/^\*\*Convention:\*\*.*$/m, '');
    expect(offences(mainLine(main))).toEqual([]);
  });

  it('the filter would catch the old labels', () => {
    expect(offences("The post's measure ∂aₙ/∂a₁ at the new first layer")).toHaveLength(1);
  });
});

describe('the explorers', () => {
  const anchor = {
    depth: 4,
    w: 0.1,
    activation: 'sigmoid',
    init: 'constant',
    width: 1,
    residual: false,
    batchNorm: false,
    seed: 1,
  } as const;
  const HEADLINE = formatNumber(headline.deltaRatio, { sig: 3 });

  it('print the headline ratio as the lessons do, and no other count', () => {
    expect(HEADLINE).toBe('64,200');
    expect(flowSentence(gradientFlow({ ...anchor, measure: 'delta' }), 4)).toContain(HEADLINE);
    expect(traceSummary(traceRows(4, 0.1), 4, 0.1)).toContain(HEADLINE);
  });

  it.each(['GradientFlow.tsx', 'TraceExplorer.tsx', 'FlowBars.tsx'])('%s shows no ∂aₙ/∂aₖ (comments aside)', (file) => {
    const code = readFileSync(join(ROOT, 'src/islands', file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    expect(offences(code)).toEqual([]);
    expect(code).not.toMatch(/∂a\{sub\(|∂a\$\{subscript\(/);
  });
});
