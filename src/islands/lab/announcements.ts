/** The sentences the lab's live region reads out: a new run, a finished one. */
import { formatNumber } from '../../../engine/format.ts';
import type { EpochReport } from '../../../engine/train.ts';
import { type LabNetwork, networkLabel } from '../../lesson-data/race-config.ts';
import { networkLetter } from './names.ts';

/** Each network's last loss, in one sentence. */
export function lossSummary(h: readonly (readonly EpochReport[])[]): string {
  const parts = h.map((runs, i) => {
    const r = runs.at(-1);
    return r ? `${networkLetter(i)}: loss ${formatNumber(r.loss)}` : '';
  });
  return `${parts.join('; ')}.`;
}

/** What a finished run says: the epoch, each loss, and the diagnosis when a network failed. */
export function finishedText(h: readonly (readonly EpochReport[])[], why: string | undefined): string {
  return `Run finished at epoch ${h[0]?.at(-1)?.epoch ?? 0}. ${lossSummary(h)}${why ? ` ${why}` : ''}`;
}

/** What a new run the learner set up says. */
export function newRunText(networks: readonly LabNetwork[]): string {
  return `New run at epoch 0: ${networks.map((n, i) => `${networkLetter(i)} ${networkLabel(n)}`).join(', ')}. Pick a network, then press Play.`;
}
