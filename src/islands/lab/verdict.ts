/** Who won the race, and what to tell the learner about their pick. */
import { readable } from '../../../engine/format.ts';
import type { EpochReport } from '../../../engine/train.ts';
import { networkLetter } from './names.ts';

/** Final losses this close (2% of the best, or 10⁻⁴) count as a tie: the data cannot tell them apart. */
const TIE_RELATIVE = 0.02;
const TIE_ABSOLUTE = 1e-4;

/** The indices of the networks with the lowest final loss (more than one on a tie). */
export function winners(history: readonly (readonly EpochReport[])[]): number[] {
  const losses = history.map((h) => h.at(-1)?.loss ?? Infinity).map((l) => (Number.isFinite(l) ? l : Infinity));
  const best = Math.min(...losses);
  return losses.flatMap((l, i) => (l <= best * (1 + TIE_RELATIVE) + TIE_ABSOLUTE ? [i] : []));
}

/** One sentence setting the result against the pick. */
export function verdictText(history: readonly (readonly EpochReport[])[], pick: number): string {
  const won = winners(history);
  const loss = (i: number) => readable(history[i]?.at(-1)?.loss ?? NaN);
  const names = won.map((i) => `${networkLetter(i)} (loss ${loss(i)})`);
  const result =
    won.length === 1
      ? `Network ${names[0]} ended with the lowest loss.`
      : `A tie: networks ${names.join(' and ')} ended with about the same loss.`;
  const mine = `You picked ${networkLetter(pick)} (loss ${loss(pick)})`;
  return won.includes(pick)
    ? `${result} ${mine}: your prediction was right.`
    : `${result} ${mine}: not this time. What held it back? The gradient views below show it layer by layer.`;
}
