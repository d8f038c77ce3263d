import { readFileSync } from 'node:fs';
import { compile } from '@mdx-js/mdx';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../exercises/index.ts';

const read = (id: string, file: string) => readFileSync(new URL(`../../exercises/${id}/${file}`, import.meta.url), 'utf8');
const names = (text: string, tag: string, attribute: string) =>
  [...text.matchAll(new RegExp(`<${tag}\\s+${attribute}="([^"]+)"\\s*/>`, 'g'))].map((m) => m[1]!);
/** The text outside math and components, where a number typed by hand would show. */
const prose = (text: string) => text.replace(/\$\$[\s\S]*?\$\$|\$[^$]*\$|<[^>]+>|`[^`]*`/g, ' ');

describe.each(EXERCISES.map((e) => [e.id, e] as const))('%s prompt and solution', (id, exercise) => {
  const prompt = read(id, 'prompt.mdx');
  const solution = read(id, 'solution.mdx');
  const display = exercise.display(exercise.canonical);

  it('compile as MDX with KaTeX in strict mode, as the site builds them', async () => {
    for (const text of [prompt, solution]) {
      await compile(text, { remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { strict: 'error' }]] });
    }
  });

  it("write a possessive after maths with ’, not ': the site's smart quotes would turn $k$'s into an opening quote, k‘s", () => {
    for (const text of [prompt, solution]) expect(text).not.toMatch(/\$'/);
  });

  it('only use <Param> names that display() provides, and <Answer> parts that exist', () => {
    for (const name of [...names(prompt, 'Param', 'name'), ...names(solution, 'Param', 'name')]) {
      expect(Object.keys(display), `<Param name="${name}" />`).toContain(name);
    }
    const partIds = exercise.parts.map((p) => p.id);
    for (const part of names(solution, 'Answer', 'part')) expect(partIds).toContain(part);
    expect(names(prompt, 'Answer', 'part')).toEqual([]);
  });

  it('name every part id in the prompt, and show every answer in the solution', () => {
    for (const part of exercise.parts) {
      expect(prompt).toContain(`\`${part.id}\``);
      expect(names(solution, 'Answer', 'part')).toContain(part.id);
    }
  });

  it('show every parameter through <Param>, and type no decimal numbers by hand', () => {
    const shown = [...names(prompt, 'Param', 'name')];
    for (const key of Object.keys(exercise.canonical)) expect(shown).toContain(key);
    for (const text of [prompt, solution]) expect(text.replace(/<[^>]+>/g, ' ')).not.toMatch(/\d\.\d/);
    // Outside the algebra, only small structural integers such as 1 appear.
    for (const match of prose(solution).matchAll(/\d+/g)) expect(Number(match[0])).toBeLessThanOrEqual(2);
  });

  it('state the convention', () => {
    expect(prompt).toMatch(/\*\*Convention:\*\*|no backpropagation/i);
  });
});
