import { describe, expect, it } from 'vitest';
import { isYesNo, readChoice } from '../../../grader/read/choice.ts';

const YES_NO = ['yes', 'no'] as const;
const BETTER_WORSE = ['better', 'worse'] as const;

describe('readChoice', () => {
  it.each([
    ['better', 'better'],
    ['  Better ', 'better'],
    ['WORSE', 'worse'],
  ])('reads %j as %j', (input, word) => expect(readChoice(input, BETTER_WORSE)).toEqual({ ok: true, value: word }));

  it.each([
    [true, 'yes'],
    [false, 'no'],
    ['true', 'yes'],
    ['FALSE', 'no'],
    [' Yes', 'yes'],
    ['no', 'no'],
  ])('a yes/no part reads %j as %j', (input, word) => expect(readChoice(input, YES_NO)).toEqual({ ok: true, value: word }));

  it('accepts booleans and true/false only for yes/no parts', () => {
    expect(readChoice(true, BETTER_WORSE)).toMatchObject({ ok: false, code: 'wrong-type' });
    expect(readChoice('true', BETTER_WORSE)).toMatchObject({ ok: false, code: 'not-a-choice', text: 'true' });
  });

  it('refuses other words and other types', () => {
    expect(readChoice('bettr', BETTER_WORSE)).toEqual({ ok: false, code: 'not-a-choice', text: 'bettr' });
    expect(readChoice('y', YES_NO)).toMatchObject({ ok: false, code: 'not-a-choice' });
    expect(readChoice(1, YES_NO)).toMatchObject({ ok: false, code: 'wrong-type' });
    expect(readChoice(['yes'], YES_NO)).toMatchObject({ ok: false, code: 'wrong-type' });
    expect(readChoice('constructor', YES_NO)).toMatchObject({ ok: false, code: 'not-a-choice' });
    expect(readChoice('hasOwnProperty', YES_NO)).toMatchObject({ ok: false, code: 'not-a-choice' });
  });

  it('knows a yes/no part by its two words', () => {
    expect(isYesNo(['no', 'yes'])).toBe(true);
    expect(isYesNo(BETTER_WORSE)).toBe(false);
    expect(isYesNo(['yes', 'no', 'maybe'])).toBe(false);
  });
});
