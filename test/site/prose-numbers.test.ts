import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strayNumbers } from './prose-numbers.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const LESSONS = join(CONTENT, 'lessons');
const lessons = readdirSync(LESSONS).filter((f) => f.endsWith('.mdx'));
/** The home page and the glossary teach too; the guides show number formats on purpose, so they are left out. */
const PAGES = ['index.mdx', 'glossary.mdx'];

describe('the prose-number scan', () => {
  it('catches a number planted in prose, on its line', () => {
    const source = ['---', 'title: x', '---', '', 'The ratio is 64128 here,', 'and 0.025 per layer.'].join('\n');
    expect(strayNumbers(source)).toEqual([
      { line: 5, text: '64128' },
      { line: 6, text: '0.025' },
    ]);
  });

  it('catches grouped numbers, and integers just above the allowance', () => {
    expect(strayNumbers('About 64,000 times, over 11 layers.').map((n) => n.text)).toEqual(['64,000', '11']);
  });

  it('catches a number hidden between components', () => {
    expect(strayNumbers('<Num value={x} /> or roughly 1.56 × 10⁻⁵ <Num value={y} />').map((n) => n.text)).toEqual(['1.56']);
  });

  it('lets small integers, quotes, math, code, expressions and component attributes through', () => {
    const source = [
      '---',
      'title: Lesson 12',
      'sidebar:',
      '  order: 12',
      '---',
      "import { x } from '../data/a.ts';",
      'export const ratio = 64128 / 2;',
      '',
      'Layer 4 of 4, step 1 of 3. The post says <PostSays>64,103×</PostSays>.',
      'Math: $0.025^3$ and',
      '$$',
      '\\delta_1 = 1.56 \\times 10^{-5}',
      '$$',
      'Code `w: 0.5` and {fmt(0.5, 3)} and {/* ISLAND: GradientFlow {"w":0.1} */}.',
      '<TraceTable',
      '  caption="η = 0.01 > 0"',
      '  options={{ learningRate: 0.01 }}',
      '/>',
      '```ts',
      'const w = 0.1;',
      '```',
      'A [link](../../exercises/relu-swap/) and <a href="/x/2024/">there</a>.',
    ].join('\n');
    expect(strayNumbers(source)).toEqual([]);
  });
});

describe('the lessons', () => {
  it('are all found', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(9);
  });

  it.each(lessons)('%s types no number by hand into its prose', (file) => {
    const stray = strayNumbers(readFileSync(join(LESSONS, file), 'utf8'));
    expect(stray, `computed numbers go through <Num>/expressions; the post's go in <PostSays>`).toEqual([]);
  });

  it.each(PAGES)('%s (outside the lessons) types no number by hand into its prose', (file) => {
    expect(strayNumbers(readFileSync(join(CONTENT, file), 'utf8'))).toEqual([]);
  });
});
