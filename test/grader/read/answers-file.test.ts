import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BYTES, readAnswersText, sourceFormat, utf8Length, type ReadResult } from '../../../grader/read/answers-file.ts';

// Wrap the parser in a spy (still the real parser) so a test can prove it never ran.
vi.mock('yaml', async (importOriginal) => {
  const actual = await importOriginal<typeof import('yaml')>();
  return { ...actual, parseDocument: vi.fn(actual.parseDocument) };
});
afterEach(() => vi.mocked(parseDocument).mockClear());

const data = (result: ReadResult): unknown => {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.data;
};
const problems = (result: ReadResult) => (result.ok ? [] : result.problems);

describe('size limit', () => {
  it('refuses a 5 MB file before decoding or parsing it, and says how big it is', () => {
    // Invalid UTF-8 and invalid YAML: a decoder or parser that ran would report something else.
    const bytes = new Uint8Array(5 * 1024 * 1024).fill(0xff);
    const result = readAnswersText(bytes, 'big.yaml');
    expect(problems(result)).toMatchInlineSnapshot(`
      [
        {
          "code": "too-large",
          "message": "the file is 5.0 MiB (5,242,880 bytes); answer files are limited to 256.0 KiB, so it was not read",
          "path": "",
        },
      ]
    `);
    expect(parseDocument).not.toHaveBeenCalled();
  });

  it('counts a string in UTF-8 bytes, not characters', () => {
    const justOver = 'é'.repeat(MAX_BYTES / 2 + 1); // 2 bytes each
    expect(justOver.length).toBeLessThan(MAX_BYTES);
    expect(problems(readAnswersText(justOver, 'a.yaml'))[0]?.code).toBe('too-large');
    expect(parseDocument).not.toHaveBeenCalled();
  });

  it('skips measuring only text that cannot be over the limit: 3-byte units right at the edge', () => {
    // A UTF-16 unit is at most 3 bytes (a lone surrogate too), so MAX_BYTES / 3 units always fit.
    for (const unit of ['€', '\uD800']) {
      const fits = `#${unit.repeat(Math.floor((MAX_BYTES - 1) / 3))}`;
      expect(problems(readAnswersText(fits, 'a.yaml')).map((p) => p.code)).not.toContain('too-large');
      const over = `#${unit.repeat(Math.floor((MAX_BYTES - 1) / 3) + 1)}`;
      expect(problems(readAnswersText(over, 'a.yaml'))[0]).toMatchObject({
        code: 'too-large',
        message: expect.stringContaining(`(${(1 + 3 * (over.length - 1)).toLocaleString('en-US')} bytes)`),
      });
    }
  });

  it('reads a file of exactly the limit', () => {
    const text = `answers: {}\n#${'x'.repeat(MAX_BYTES - 13)}`;
    expect(utf8Length(text)).toBe(MAX_BYTES);
    expect(readAnswersText(text, 'a.yaml').ok).toBe(true);
  });

  it('measures UTF-8 like TextEncoder does', () => {
    for (const text of [
      '',
      'abc',
      'σ′(z) ≈ 0.25',
      '😀 and 10⁻³',
      '\u{10FFFF}',
      'lone \uD800 surrogate',
      '\uD800é',
      '\uDC00\uD800',
      'end \uD83D',
    ]) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
    const unit = fc.oneof(
      fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'é', '€'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('encoding', () => {
  it('refuses invalid UTF-8', () => {
    expect(problems(readAnswersText(new Uint8Array([0x61, 0x3a, 0x20, 0xc3, 0x28]), 'a.yaml'))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-encoding",
          "message": "the file is not valid UTF-8 text; save it as UTF-8",
          "path": "",
        },
      ]
    `);
  });

  it('accepts a byte-order mark and CRLF line ends, in bytes and in strings', () => {
    const text = '\uFEFFanswers:\r\n  saturation:\r\n    ratio: 35.3\r\n';
    const expected = { answers: { saturation: { ratio: 35.3 } } };
    expect(data(readAnswersText(new TextEncoder().encode(text), 'a.yaml'))).toEqual(expected);
    expect(data(readAnswersText(text, 'a.yaml'))).toEqual(expected);
    const result = readAnswersText(text, 'a.yaml');
    expect(result.ok && result.positions.get('answers.saturation.ratio')).toEqual({ line: 3, column: 5 });
  });
});

describe('YAML', () => {
  it('uses the core schema: yes/no stay words, 1e-3 is a number, 1/4 is text', () => {
    expect(data(readAnswersText('a: no\nb: yes\nc: 1e-3\nd: 1/4\ne: true\nf: ~\ng: 0o17\n', 'a.yaml'))).toEqual({
      a: 'no',
      b: 'yes',
      c: 0.001,
      d: '1/4',
      e: true,
      f: null,
      g: 15,
    });
  });

  it('refuses a duplicate key of the file itself, with the line and column of the second and both lines in the message', () => {
    expect(problems(readAnswersText('learner: a\nanswers: {}\nlearner: b\n', 'a.yaml'))).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate-key",
          "column": 1,
          "line": 3,
          "message": "duplicate key 'learner' on lines 1 and 3; each key may appear only once",
          "path": "learner",
        },
      ]
    `);
  });

  it('reads a file whose duplicate key is an exercise or a part, handing the duplicate over as a conflict (it costs only that part: grade.ts)', () => {
    const read = readAnswersText('answers:\n  saturation:\n    ratio: 35\n    ratio: 36\n', 'a.yaml');
    expect(read.ok && read.conflicts).toEqual([
      {
        code: 'duplicate-key',
        column: 5,
        line: 4,
        message: "duplicate key 'ratio' on lines 3 and 4; each key may appear only once",
        path: 'answers.saturation.ratio',
      },
    ]);
    expect(read.ok && read.data).toEqual({ answers: { saturation: { ratio: 35 } } });
  });

  it('refuses keys that are equal once read as text (1 and "1")', () => {
    expect(problems(readAnswersText('1: a\n"1": b\n', 'a.yaml'))[0]).toMatchObject({ code: 'duplicate-key', line: 2 });
  });

  it('rejects an alias bomb at its first alias, without expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const result = readAnswersText(`${levels.join('\n')}\n`, 'bomb.yaml');
    expect(result.ok).toBe(false);
    expect(problems(result)[0]).toMatchInlineSnapshot(`
      {
        "code": "alias",
        "column": 8,
        "line": 2,
        "message": "YAML aliases (*name) are not allowed in answer files; write each value out",
        "path": "b[0]",
      }
    `);
  });

  it('refuses tags outside the core schema, custom or built in', () => {
    expect(problems(readAnswersText('a: !!binary aGVsbG8=\n', 'a.yaml'))[0]).toMatchObject({
      code: 'tag',
      line: 1,
      message: expect.stringContaining("'!!binary'"),
    });
    expect(problems(readAnswersText('a: !js/function "x"\n', 'a.yaml'))[0]).toMatchObject({ code: 'tag' });
    expect(problems(readAnswersText('!!binary aGVsbG8=: 1\n', 'a.yaml'))[0]).toMatchObject({ code: 'tag', line: 1 });
    expect(data(readAnswersText('a: !!str 5\n', 'a.yaml'))).toEqual({ a: '5' });
  });

  it('refuses keys that are mappings or lists', () => {
    expect(problems(readAnswersText('? [a, b]\n: 1\n', 'a.yaml'))[0]).toMatchObject({ code: 'complex-key', line: 1 });
  });

  it('gives syntax errors a line and column', () => {
    expect(problems(readAnswersText('answers:\n  saturation: [1, 2\n', 'a.yaml'))[0]).toMatchObject({
      code: 'syntax',
      line: expect.any(Number),
      column: expect.any(Number),
      message: expect.stringMatching(/^YAML syntax error: /),
    });
    expect(problems(readAnswersText('a: 1\n---\nb: 2\n', 'a.yaml'))[0]).toMatchObject({ code: 'syntax', line: 2 });
  });

  it('caps nesting depth', () => {
    const deep = `${'['.repeat(40)}1${']'.repeat(40)}`;
    expect(problems(readAnswersText(deep, 'a.yaml')).some((p) => p.code === 'too-deep' || p.code === 'syntax')).toBe(true);
  });

  it('says "too deep", not a stack overflow, for flow nesting deep enough to exhaust the YAML library', () => {
    const deep = `answers: ${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(problems(readAnswersText(deep, 'a.yaml'))).toEqual([
      {
        path: expect.any(String),
        line: 1,
        column: expect.any(Number),
        code: 'too-deep',
        message: 'the file nests deeper than 16 levels; an answers file needs only three',
      },
    ]);
  });

  it('builds null-prototype objects, so __proto__ and constructor are ordinary keys', () => {
    const read = data(
      readAnswersText('__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nanswers: {}\n', 'a.yaml'),
    ) as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(read)).toBeNull();
    expect(Object.keys(read)).toEqual(['__proto__', 'constructor', 'answers']);
    // The own key named __proto__, read as a key (not as the accessor): it holds the file's object.
    const ownProto = Object.getOwnPropertyDescriptor(read, '__proto__')?.value as Record<string, unknown>;
    expect(ownProto.polluted).toBe('yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('maps every dotted path to the line of its key', () => {
    const result = readAnswersText('# comment\nanswers:\n  relu-swap:\n    gradient_relu: 1e-3\n    "odd.key": 1\n', 'a.yaml');
    expect(result.ok && Object.fromEntries(result.positions)).toEqual({
      '': { line: 2, column: 1 },
      answers: { line: 2, column: 1 },
      'answers.relu-swap': { line: 3, column: 3 },
      'answers.relu-swap.gradient_relu': { line: 4, column: 5 },
      'answers.relu-swap."odd.key"': { line: 5, column: 5 },
    });
  });

  it('lists at most 20 problems and counts the rest', () => {
    const text = Array.from({ length: 30 }, (_, i) => `k${i}: *x${i}`).join('\n');
    const list = problems(readAnswersText(text, 'a.yaml'));
    expect(list).toHaveLength(21);
    expect(list[20]!.message).toMatch(/more problems were not listed/);
  });
});

describe('JSON', () => {
  it('reads JSON strictly, with duplicate keys refused and lines known', () => {
    const json = '{\n\t"answers": {\n\t\t"saturation": {"ratio": 35.3, "ratio": 36}\n\t}\n}\n';
    expect(problems(readAnswersText(json, 'a.json'))[0]).toMatchObject({ code: 'duplicate-key', line: 3 });
    const ok = readAnswersText('{\r\n  "answers": {"relu-swap": {"vanishing_gone": false}}\r\n}', 'a.json');
    expect(data(ok)).toEqual({ answers: { 'relu-swap': { vanishing_gone: false } } });
    expect(ok.ok && ok.positions.get('answers.relu-swap.vanishing_gone')).toEqual({ line: 2, column: 29 });
  });

  it('labels JSON syntax errors as JSON, with a line and column', () => {
    expect(problems(readAnswersText('{\n  "answers": {\n}', 'a.json'))[0]).toMatchObject({
      code: 'syntax',
      line: expect.any(Number),
      message: expect.stringMatching(/^JSON syntax error: /),
    });
  });

  it('decides the format by extension, else by the first character', () => {
    expect(sourceFormat('a.JSON', 'x: 1')).toBe('json');
    expect(sourceFormat('a.yml', '{}')).toBe('yaml');
    expect(sourceFormat('-', '  {"a": 1}')).toBe('json');
    expect(sourceFormat('answers.txt', 'a: 1')).toBe('yaml');
  });
});
