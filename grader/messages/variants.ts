/** The words about per-learner variants: which numbers a variant asks for, and why the answers-file keys keep the post's names. */
import type { ChangedNumber, RenamedNumbers } from '../../exercises/index.ts';

/** "z_sat = 4.5 instead of 5, w = 8 instead of 10", in the names the prompt gives the parameters. */
export function listChanges(changes: readonly ChangedNumber[]): string {
  return changes.map((c) => `${c.name} = ${c.after} instead of ${c.before}`).join(', ');
}

export const VARIANT = {
  /** Under a part whose id names the post's numbers, when this learner's variant asks for others. */
  keyNote: ({ asked, part }: RenamedNumbers) => `Your variant asks for ${asked}; the file key stays ${part}, the post's name.`,
  /** Announced when a new learner id (or none) changes the numbers the questions ask about. */
  numbersChanged: (changes: readonly ChangedNumber[], own: boolean) =>
    own
      ? `Your numbers changed: this learner id has its own variant of this exercise, ${listChanges(changes)}. The questions, hints and solution now use them; earlier checks are cleared.`
      : `Your numbers changed back to the post's, ${listChanges(changes)}, as no learner id is set. Earlier checks are cleared.`,
  /** In a downloaded answers file, above an exercise whose numbers are this learner's own. */
  downloadNumbers: (changes: readonly ChangedNumber[]) =>
    `Your variant's numbers: ${changes.map((c) => `${c.name} = ${c.after}`).join(', ')} (the post's: ${changes.map((c) => c.before).join(', ')}).`,
  /** In the answers template, under an exercise whose keys name the post's numbers. */
  templateKeys: (parts: readonly string[]) =>
    parts.length === 1
      ? `The key ${parts[0]} keeps the post's name even when your variant asks about other numbers.`
      : `The keys ${inWords(parts)} keep the post's names even when your variant asks about other numbers.`,
};

/** "a, b and c". */
function inWords(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
