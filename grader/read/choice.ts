/**
 * Reads a choice answer: one of the part's words, trimmed and in any case.
 * A yes/no part also accepts booleans and "true"/"false", since YAML and
 * JSON writers often produce them.
 */

export type ChoiceRead = { ok: true; value: string } | { ok: false; code: 'not-a-choice' | 'wrong-type'; text: string };

const YES_NO_WORDS: Record<string, string> = { true: 'yes', false: 'no' };

/** True when the part's choices are exactly yes and no. */
export function isYesNo(choices: readonly string[]): boolean {
  return choices.length === 2 && choices.includes('yes') && choices.includes('no');
}

/** Maps input to one of `choices`; never throws. */
export function readChoice(input: unknown, choices: readonly string[]): ChoiceRead {
  const yesNo = isYesNo(choices);
  if (typeof input === 'boolean') {
    return yesNo ? { ok: true, value: input ? 'yes' : 'no' } : { ok: false, code: 'wrong-type', text: String(input) };
  }
  if (typeof input !== 'string') return { ok: false, code: 'wrong-type', text: '' };
  const word = input.trim().toLowerCase();
  const match = choices.find((choice) => choice.toLowerCase() === word);
  if (match !== undefined) return { ok: true, value: match };
  if (yesNo && Object.hasOwn(YES_NO_WORDS, word)) return { ok: true, value: YES_NO_WORDS[word]! };
  return { ok: false, code: 'not-a-choice', text: input.trim() };
}
