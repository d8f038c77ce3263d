import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseYaml } from '../../../grader/read/answers-file.ts';
import { answersToYaml } from '../../../grader/report/answers-yaml.ts';
import { blankTemplate } from '../../../grader/report/answers-template.ts';
import { readSimpleYaml } from '../../../grader/read/yaml-lite.ts';
import { POST_ANSWERS_YAML, postAnswers } from '../fixtures.ts';

/** Thousands of generated cases: a generous timeout for a loaded machine (the tests check results, never time). */
const PROPERTY = { timeout: 60_000 };

/** The oracle: whenever the fast path reads a text, the full parser reads it to the same data and positions. */
function agrees(text: string): boolean {
  const lite = readSimpleYaml(text, MAX_DEPTH);
  if (!lite) return false;
  const full = parseYaml(text);
  expect(full.ok, text).toBe(true);
  if (full.ok) {
    expect(lite.data, text).toEqual(full.data);
    expect(lite.positions, text).toEqual(full.positions);
  }
  return true;
}

const TRICKY = [
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'FALSE',
  'yes',
  'no',
  'on',
  'y',
  '.inf',
  '-.Inf',
  '.nan',
  '0x1F',
  '0o17',
  '0b1',
  '1e5',
  '1E-03',
  '1.',
  '.5',
  '+5',
  '-0',
  '007',
  '1_000',
  '3.9e-7',
  '1/4',
  '64,128',
  '1,5',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '- 3',
  '-3',
  '-x',
  '-',
  '...',
  '---',
  '[a]',
  'a]',
  '{a}',
  'a,b',
  '*x',
  '&x',
  '!x',
  '!!str x',
  '|',
  '>',
  '@x',
  '`x',
  '%x',
  '"x',
  "'x",
  'x"',
  "x'",
  "it's",
  'σ(1−σ)',
  '1 × 10⁻³',
  '1/4 - (s - 1/2)^2',
  '(s)(1-s)',
  ' lead',
  'trail ',
  'a  b',
  '\u2028',
  '\u0085',
  'é',
  '\t',
  '?',
  ':',
  'a:',
  '#',
  '',
  ' ',
  '"',
  "''",
  'x\\y',
  '\\',
  '0.',
  '+.5',
  '-.5',
  '+-1',
  '1e',
  'e1',
  '12345678901234567890',
  '0.1e-400',
  'Infinity',
  'NaN',
];
const scalarText = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 8 }), fc.double().map(String), fc.integer().map(String));
const rendered = fc
  .tuple(scalarText, fc.constantFrom('plain', 'double', 'single'))
  .map(([text, style]) => (style === 'plain' ? text : style === 'double' ? JSON.stringify(text) : `'${text.replaceAll("'", "''")}'`));
const keyText = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][\w.-]{0,10}$/),
  fc.constantFrom('null', 'true', 'y', 'no', '1', '-a', 'a b', 'a:b', '#a', '__proto__', 'constructor', 'sigmoid-max', 'max_value'),
  fc.string({ maxLength: 6 }),
);
const renderedKey = fc
  .tuple(keyText, fc.constantFrom('plain', 'plain', 'double', 'single'))
  .map(([text, style]) => (style === 'plain' ? text : style === 'double' ? JSON.stringify(text) : `'${text.replaceAll("'", "''")}'`));
type Tree = { [key: string]: Tree | string };
const tree: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  map: fc.dictionary(renderedKey, fc.oneof({ depthSize: 'small' }, rendered, rendered, tie('map') as fc.Arbitrary<Tree | string>), {
    minKeys: 1,
    maxKeys: 4,
  }),
})).map as fc.Arbitrary<Tree>;
const layout = fc.record({
  indent: fc.constantFrom(1, 2, 4),
  eol: fc.constantFrom('\n', '\r\n'),
  comment: fc.constantFrom('', ' # note', '  #: x', ' #'),
  blank: fc.boolean(),
  empty: fc.constantFrom('', ' ', '   # c'),
});

interface Layout {
  indent: number;
  eol: string;
  comment: string;
  blank: boolean;
  empty: string;
}

function render(map: Tree, style: Layout, depth = 0): string[] {
  const pad = ' '.repeat(depth * style.indent);
  return Object.entries(map).flatMap(([key, value]) => {
    const head = style.blank ? [''] : [];
    if (typeof value === 'string') return [...head, `${pad}${key}: ${value}${style.comment}`];
    return [
      ...head,
      `${pad}${key}:${style.empty}`,
      ...(depth === 0 && style.blank ? [`${pad}# comment`] : []),
      ...render(value, style, depth + 1),
    ];
  });
}

describe('readSimpleYaml', () => {
  it("reads the usual answers files: the post's answers, the blank template and downloaded answers", () => {
    expect(agrees(POST_ANSWERS_YAML)).toBe(true);
    expect(agrees(blankTemplate())).toBe(true);
    expect(agrees(answersToYaml({ learner: 'ada@example.edu', answers: postAnswers() as never }))).toBe(true);
  });

  it('matches the full parser on every generated text it accepts', PROPERTY, () => {
    let accepted = 0;
    fc.assert(
      fc.property(tree, layout, (map, style) => {
        if (agrees(render(map, style).join(style.eol) + style.eol)) accepted++;
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300); // the comparison must actually run
  });

  it('matches the full parser on mutations of a real answers file', PROPERTY, () => {
    const edit = fc.tuple(
      fc.nat(POST_ANSWERS_YAML.length),
      fc.nat(4),
      fc.string({
        maxLength: 4,
        unit: fc.constantFrom(':', '-', ' ', '\n', '#', '"', "'", '\\', 'a', '1', '.', 'e', '[', '&', '*', '!', '?', '|'),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = POST_ANSWERS_YAML;
        for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        agrees(text);
      }),
      { numRuns: 3000 },
    );
  });

  it(
    'refuses exactly the implicit keys the library refuses: more than 1,024 characters up to the colon (decisions: hostile submissions)',
    PROPERTY,
    () => {
      const long = fc.tuple(
        fc.integer({ min: 1000, max: 1050 }),
        fc.constantFrom('plain', 'double', 'single'),
        fc.constantFrom(0, 2),
        fc.constantFrom('a', 'é', '😀'),
      );
      let accepted = 0;
      let refused = 0;
      fc.assert(
        fc.property(long, ([length, style, indent, unit]) => {
          const name = unit
            .repeat(Math.ceil(length / unit.length))
            .slice(0, length)
            .replace(/[\uD800-\uDBFF]$/, 'a');
          const key = style === 'double' ? `"${name}"` : style === 'single' ? `'${name}'` : `k${name}`;
          const text = indent === 0 ? `${key}: 1\n` : `answers:\n  ${key}: 1\n`;
          const full = parseYaml(text);
          const lite = readSimpleYaml(text, MAX_DEPTH);
          if (full.ok) {
            accepted++;
            if (lite) expect(lite.data).toEqual(full.data);
          } else {
            refused++;
            expect(lite, `a ${key.length}-character key`).toBeUndefined();
          }
        }),
        { numRuns: 300 },
      );
      expect(accepted).toBeGreaterThan(20);
      expect(refused).toBeGreaterThan(20);
    },
  );

  it('leaves everything outside its subset to the full parser', () => {
    for (const text of [
      'a: 1\na: 2\n',
      'a:\n  - 1\n',
      'a: [1]\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  text\n',
      'a: long\n  continued\n',
      'a:\n\tb: 1\n',
      '---\na: 1\n',
      'a: 0x1F\n',
      'a: "\\n"\n',
      '  a: 1\n',
      'a:\n    b: 1\n  c: 2\n',
      '# only a comment\n',
      '',
      'scalar\n',
      'a: x\rb: y\n',
      'a: \u0085\n',
    ]) {
      expect(readSimpleYaml(text, MAX_DEPTH), JSON.stringify(text)).toBeUndefined();
    }
  });
});
