import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJson } from '../../../grader/read/json-reader.ts';

const DEEP = 1000;
const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('readJson agrees with JSON.parse (the oracle)', () => {
  it('on every JSON value, however it is indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t', ' \r\n'.slice(0, 1)), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const read = readJson(text, DEEP);
        expect(read.ok).toBe(true);
        if (read.ok) expect(read.data).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('on what is and is not JSON: random edits of valid JSON and random strings', () => {
    const edited = fc
      .tuple(
        fc.jsonValue(),
        fc.nat(),
        fc.string({
          maxLength: 3,
          unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '-', '.', 'e', ' ', '\n', '\u0001', 't', 'n'),
        }),
      )
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value);
        const k = at % (text.length + 1);
        return text.slice(0, k) + insert + text.slice(k + 1);
      });
    fc.assert(
      fc.property(fc.oneof(edited, fc.string()), (text) => {
        const read = readJson(text, DEEP);
        const duplicate = !read.ok && read.problems[0]!.code === 'duplicate-key';
        if (!duplicate) expect(read.ok).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readJson', () => {
  it('builds null-prototype objects, so __proto__ is an ordinary key', () => {
    const read = readJson('{"__proto__": {"polluted": 1}, "constructor": 2}', DEEP);
    expect(read.ok && Object.getPrototypeOf(read.data)).toBeNull();
    expect(read.ok && Object.keys(read.data as object)).toEqual(['__proto__', 'constructor']);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses duplicate keys at the second key, with its path', () => {
    expect(readJson('{\n  "answers": {\n    "a": 1,\n    "a": 2\n  }\n}', DEEP)).toEqual({
      ok: false,
      problems: [
        { path: 'answers.a', line: 4, column: 5, message: "duplicate key 'a'; each key may appear only once", code: 'duplicate-key' },
      ],
    });
  });

  it('knows where every key is, with CRLF line ends too', () => {
    const read = readJson('{\r\n  "answers": {\r\n    "relu-swap": {"gradient_relu": 1e-3}\r\n  }\r\n}', DEEP);
    expect(read.ok && Object.fromEntries(read.positions)).toEqual({
      '': { line: 1, column: 1 },
      answers: { line: 2, column: 3 },
      'answers.relu-swap': { line: 3, column: 5 },
      'answers.relu-swap.gradient_relu': { line: 3, column: 19 },
    });
  });

  it('gives each syntax error a line, a column and a plain reason', () => {
    const first = (text: string) => {
      const read = readJson(text, DEEP);
      return read.ok ? undefined : `${read.problems[0]!.line}:${read.problems[0]!.column} ${read.problems[0]!.message}`;
    };
    expect(first('{\n  "a": 1,\n}')).toMatchInlineSnapshot(`"3:1 JSON syntax error: expected a key in double quotes but found '}'"`);
    expect(first('{"a" 1}')).toMatchInlineSnapshot(`"1:6 JSON syntax error: expected ':' after the key but found '1'"`);
    expect(first('[1 2]')).toMatchInlineSnapshot(`"1:4 JSON syntax error: expected ',' or ']' but found '2'"`);
    expect(first('{"a": tru}')).toMatchInlineSnapshot(`"1:7 JSON syntax error: expected a value but found 't'"`);
    expect(first('{"a": "x')).toMatchInlineSnapshot(`"1:9 JSON syntax error: a string is never closed"`);
    expect(first('"a\nb"')).toMatchInlineSnapshot(
      `"1:3 JSON syntax error: a line break or control character inside a string; write it as \\n"`,
    );
    expect(first('"\\x"')).toMatchInlineSnapshot(`"1:2 JSON syntax error: an invalid escape inside a string"`);
    expect(first('{} {}')).toMatchInlineSnapshot(`"1:4 JSON syntax error: more text after the end of the JSON value"`);
    expect(first('')).toMatchInlineSnapshot(`"1:1 JSON syntax error: expected a value but found the end of the file"`);
    expect(first('{"a": 1} // note')).toMatch(/more text after the end/);
  });

  it('caps nesting depth', () => {
    expect(readJson(`${'['.repeat(18)}${']'.repeat(18)}`, 16)).toMatchObject({ ok: false, problems: [{ code: 'too-deep' }] });
    expect(readJson(`${'['.repeat(17)}${']'.repeat(17)}`, 16).ok).toBe(true);
    expect(readJson('['.repeat(200_000), 16)).toMatchObject({ ok: false, problems: [{ code: 'too-deep' }] });
  });
});

describe('readJson positions', () => {
  it('puts every key at its opening quote, in the order the keys are written', () => {
    const objects = fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer())),
      { maxKeys: 8 },
    );
    fc.assert(
      fc.property(objects, fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const read = readJson(text, DEEP);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const lines = text.split('\n');
        const offsets = [...read.positions]
          .filter(([path]) => path !== '')
          .map(([path, { line, column }]) => {
            expect(lines[line - 1]!.slice(column - 1).startsWith('"'), path).toBe(true);
            return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
          });
        expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
        expect(read.positions.get('')).toEqual({ line: 1, column: 1 });
      }),
      { numRuns: 300 },
    );
  });
});
