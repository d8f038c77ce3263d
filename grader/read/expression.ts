/**
 * A small, safe expression language for answers like "1/4 - (s - 1/2)^2":
 * numbers, one variable, + - * /, ^ or **, parentheses, unary minus and
 * implicit multiplication (2s, 2(s-1), (s)(1-s)). A hand-written
 * recursive-descent parser builds a tiny AST; nothing from the input is ever
 * handed to eval, Function or a general evaluator.
 */
import { SUPERSCRIPT_DIGITS as SUPERSCRIPTS } from './number.ts';

export type Expr =
  | { type: 'num'; value: number; text: string }
  | { type: 'var'; name: string }
  | { type: 'neg'; arg: Expr }
  | { type: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: Expr; right: Expr };

/** Longest input accepted: a completed square needs about 20 characters. */
export const MAX_EXPRESSION_LENGTH = 200;
/** Deepest nesting of parentheses, signs and powers accepted. */
export const MAX_EXPRESSION_DEPTH = 20;

export type ExpressionFailure =
  | { code: 'expression-too-long'; length: number }
  | { code: 'expression-too-deep' }
  | { code: 'bad-expression'; reason: ExpressionReason; token: string; column: number };
export type ExpressionReason =
  | 'unexpected-character'
  | 'unknown-name'
  | 'missing-close'
  | 'unexpected-close'
  | 'unexpected-end'
  | 'unexpected-token'
  | 'empty';
export type ExpressionRead = { ok: true; expr: Expr } | { ok: false; failure: ExpressionFailure };

/** `bad` holds a character outside the grammar; the parser reports it when it gets there. */
type Token = { kind: 'num' | 'name' | 'op' | 'bad' | 'end'; text: string; column: number };

const OPERATORS: Record<string, string> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '*': '*',
  '×': '*',
  '·': '*',
  '⋅': '*',
  '/': '/',
  '÷': '/',
  '^': '^',
  '(': '(',
  ')': ')',
};

/** Thrown only inside the parser and caught by parseExpression; never escapes. */
class Stop {
  failure: ExpressionFailure;
  constructor(failure: ExpressionFailure) {
    this.failure = failure;
  }
}

const bad = (reason: ExpressionReason, token: Token): Stop =>
  new Stop({ code: 'bad-expression', reason, token: token.text, column: token.column });

const reasonFor = (token: Token): ExpressionReason => (token.kind === 'bad' ? 'unexpected-character' : 'unexpected-token');

/** Splits the input into tokens; a superscript run becomes "^" and its number. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const column = i + 1;
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
      tokens.push(m ? { kind: 'num', text: m[0], column } : { kind: 'bad', text: c, column });
      i += m ? m[0].length : 1;
    } else if (/\p{L}/u.test(c)) {
      const m = /^\p{L}+/u.exec(text.slice(i))!;
      tokens.push({ kind: 'name', text: m[0], column });
      i += m[0].length;
    } else if (c === '*' && text[i + 1] === '*') {
      tokens.push({ kind: 'op', text: '^', column });
      i += 2;
    } else if (c in SUPERSCRIPTS) {
      let digits = '';
      while (i < text.length && text[i]! in SUPERSCRIPTS) digits += SUPERSCRIPTS[text[i++]!];
      tokens.push({ kind: 'op', text: '^', column });
      if (digits.startsWith('-')) tokens.push({ kind: 'op', text: '-', column });
      tokens.push({ kind: 'num', text: digits.replace('-', ''), column });
    } else if (c in OPERATORS) {
      tokens.push({ kind: 'op', text: OPERATORS[c]!, column });
      i++;
    } else {
      tokens.push({ kind: 'bad', text: String.fromCodePoint(text.codePointAt(i)!), column });
      i += tokens.at(-1)!.text.length;
    }
  }
  tokens.push({ kind: 'end', text: '', column: text.length + 1 });
  return tokens;
}

/** Parses `text` with `variable` as the only name allowed; never throws. */
export function parseExpression(text: string, variable: string): ExpressionRead {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return { ok: false, failure: { code: 'expression-too-long', length: text.length } };
  }
  try {
    const tokens = tokenize(text);
    let at = 0;
    let depth = 0;
    const peek = (): Token => tokens[at]!;
    const isOp = (op: string): boolean => peek().kind === 'op' && peek().text === op;
    const nest = <T>(parse: () => T): T => {
      if (++depth > MAX_EXPRESSION_DEPTH) throw new Stop({ code: 'expression-too-deep' });
      const result = parse();
      depth--;
      return result;
    };

    // sum := product (('+' | '-') product)*
    const sum = (): Expr => {
      let left = product();
      while (isOp('+') || isOp('-')) {
        const op = tokens[at++]!.text as '+' | '-';
        left = { type: 'bin', op, left, right: product() };
      }
      return left;
    };
    // product := signed (('*' | '/') signed | power)*   — a bare power is implicit multiplication
    const product = (): Expr => {
      let left = signed();
      for (;;) {
        if (isOp('*') || isOp('/')) {
          const op = tokens[at++]!.text as '*' | '/';
          left = { type: 'bin', op, left, right: signed() };
        } else if (peek().kind === 'name' || isOp('(')) {
          // Implicit only before a name or '(' (2s, 2(s − 1), (s)(1 − s)); "2 3" or "1.2.3" is an error.
          left = { type: 'bin', op: '*', left, right: power() };
        } else {
          return left;
        }
      }
    };
    // signed := ('-' | '+') signed | power      — so -s^2 is -(s^2)
    const signed = (): Expr => {
      if (isOp('-') || isOp('+')) {
        const minus = tokens[at++]!.text === '-';
        const arg = nest(signed);
        return minus ? { type: 'neg', arg } : arg;
      }
      return power();
    };
    // power := atom ('^' signed)?               — right-associative: 2^3^2 = 2^(3^2)
    const power = (): Expr => {
      const base = atom();
      if (!isOp('^')) return base;
      at++;
      return { type: 'bin', op: '^', left: base, right: nest(signed) };
    };
    // atom := number | variable | '(' sum ')'
    const atom = (): Expr => {
      const token = peek();
      if (token.kind === 'num') {
        at++;
        return { type: 'num', value: Number(token.text), text: token.text };
      }
      if (token.kind === 'name') {
        if (token.text !== variable)
          throw new Stop({ code: 'bad-expression', reason: 'unknown-name', token: token.text, column: token.column });
        at++;
        return { type: 'var', name: variable };
      }
      if (isOp('(')) {
        at++;
        const inner = nest(sum);
        if (!isOp(')')) throw bad(peek().kind === 'end' ? 'missing-close' : reasonFor(peek()), peek());
        at++;
        return inner;
      }
      if (token.kind === 'end') throw bad(at === 0 ? 'empty' : 'unexpected-end', token);
      throw bad(token.text === ')' ? 'unexpected-close' : reasonFor(token), token);
    };

    const expr = sum();
    if (peek().kind !== 'end') throw bad(isOp(')') ? 'unexpected-close' : reasonFor(peek()), peek());
    return { ok: true, expr };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, failure: error.failure };
    throw error;
  }
}

/** The value of `expr` with the variable set to `x`. */
export function evaluate(expr: Expr, x: number): number {
  switch (expr.type) {
    case 'num':
      return expr.value;
    case 'var':
      return x;
    case 'neg':
      return -evaluate(expr.arg, x);
    case 'bin': {
      const a = evaluate(expr.left, x);
      const b = evaluate(expr.right, x);
      if (expr.op === '+') return a + b;
      if (expr.op === '-') return a - b;
      if (expr.op === '*') return a * b;
      if (expr.op === '/') return a / b;
      return a ** b;
    }
  }
}

/** True when the variable appears in `expr`. */
export function hasVariable(expr: Expr): boolean {
  if (expr.type === 'var') return true;
  if (expr.type === 'neg') return hasVariable(expr.arg);
  if (expr.type === 'bin') return hasVariable(expr.left) || hasVariable(expr.right);
  return false;
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2, neg: 3, '^': 4 } as const;
const SHOWN = { '+': ' + ', '-': ' − ', '*': '·', '/': '/', '^': '^' } as const;

/** Writes `expr` back with as few parentheses as keep its meaning: "1/4 − (s − 1/2)^2". */
export function printExpression(expr: Expr): string {
  const wrap = (e: Expr, min: number, strict = false): string => {
    const p = e.type === 'bin' ? PRECEDENCE[e.op] : e.type === 'neg' ? PRECEDENCE.neg : 9;
    const text = printExpression(e);
    return p < min || (strict && p === min) ? `(${text})` : text;
  };
  switch (expr.type) {
    case 'num':
      return expr.text;
    case 'var':
      return expr.name;
    case 'neg':
      return `−${wrap(expr.arg, PRECEDENCE.neg)}`;
    case 'bin': {
      const p = PRECEDENCE[expr.op];
      if (expr.op === '^') return `${wrap(expr.left, p, true)}^${wrap(expr.right, PRECEDENCE.neg)}`;
      const strictRight = expr.op === '-' || expr.op === '/';
      return `${wrap(expr.left, p)}${SHOWN[expr.op]}${wrap(expr.right, p, strictRight)}`;
    }
  }
}
