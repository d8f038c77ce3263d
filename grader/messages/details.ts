/** Details inside a problem's sentence: what the expression parser and the JSON reader found (codes, not prose). */
import { q } from './quote.ts';

/** Details inside an expression error (the parser reports a code, not prose). */
export const EXPRESSION_DETAILS = {
  'unexpected-character': (c: string) => `unexpected character ${q(c)}`,
  'unknown-name': (name: string, variable: string) => `unknown name ${q(name)}; the only variable is ${variable}`,
  'missing-close': () => "a '(' is never closed",
  'unexpected-close': () => "unexpected ')'",
  'unexpected-end': () => 'the expression ends too early',
  'unexpected-token': (t: string) => `unexpected ${q(t)}`,
  empty: () => 'the expression is empty',
} as const;

/** Details inside a JSON syntax error. */
export const JSON_DETAILS = {
  unexpected: (c: string) => `${q(c)}`,
  end: () => 'the end of the file',
  unterminated: () => 'a string is never closed',
  control: () => 'a line break or control character inside a string; write it as \\n',
  escape: () => 'an invalid escape inside a string',
  key: (found: string) => `expected a key in double quotes but found ${found}`,
  colon: (found: string) => `expected ':' after the key but found ${found}`,
  after: (close: string, found: string) => `expected ',' or '${close}' but found ${found}`,
  value: (found: string) => `expected a value but found ${found}`,
  trailing: () => 'more text after the end of the JSON value',
} as const;
