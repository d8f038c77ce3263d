/**
 * When a run fails, which network and why, in one sentence read off the run's
 * own diagnostics (EpochReport): a loss that overflows or climbs (diverged),
 * hidden layers that pass back no gradient at all (dead ReLUs), units in the
 * flat tails (saturated), or a loss that never leaves ln 2 while layer 1 gets
 * almost nothing (the vanishing-gradient plateau). Undefined when every
 * network learned.
 */
import { formatNumber, readable } from '../../../engine/format.ts';
import type { EpochReport } from '../../../engine/train.ts';
import type { LabNetwork } from '../../lesson-data/race-config.ts';
import { networkLetter } from './names.ts';

/** A final loss within this of ln 2 is the chance level: the network answers one half to everything. */
const AT_CHANCE = 0.01;
/** A loss that ends this many times above where it started has diverged. */
const CLIMB = 1.5;
/** A hidden layer with more than this share of saturated units is called saturated. */
const MOSTLY_SATURATED = 0.5;

export type Failure = 'diverged' | 'dead' | 'saturated' | 'plateau';

export interface Diagnosis {
  network: number;
  failure: Failure;
  sentence: string;
}

const hiddenGrads = (r: EpochReport) => r.gradNorms.weight.slice(0, -1);

/** What went wrong with one network's run, if anything. */
export function diagnose(history: readonly EpochReport[], network: LabNetwork, index: number, learningRate: number): Diagnosis | undefined {
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last || history.length < 2) return undefined;
  const name = `Network ${networkLetter(index)}`;
  const eta = `η = ${readable(learningRate)}`;
  const broken = history.find((r) => !Number.isFinite(r.loss));
  if (broken) {
    return {
      network: index,
      failure: 'diverged',
      sentence: `${name} diverged: its loss overflowed at epoch ${broken.epoch}, because steps of ${eta} overshoot; try a smaller learning rate.`,
    };
  }
  if (last.loss > CLIMB * first.loss) {
    return {
      network: index,
      failure: 'diverged',
      sentence: `${name} diverged: its loss rose from ${formatNumber(first.loss)} to ${formatNumber(last.loss)}, because steps of ${eta} overshoot; try a smaller learning rate.`,
    };
  }
  const atChance = Math.abs(last.loss - Math.LN2) < AT_CHANCE;
  const relu = network.activation === 'relu';
  const deadFrom = relu ? history.find((r) => r.epoch > 0 && hiddenGrads(r).every((g) => g === 0)) : undefined;
  if (deadFrom && hiddenGrads(last).every((g) => g === 0)) {
    return {
      network: index,
      failure: 'dead',
      sentence: `${name}'s ReLUs died: from epoch ${deadFrom.epoch} no hidden layer receives any gradient (every unit outputs 0 for every point), so it is stuck at a loss of ${formatNumber(last.loss)}; a large step such as ${eta} can push every unit below zero for good.`,
    };
  }
  if (!atChance) return undefined;
  const saturated = Math.max(...last.saturation);
  if (saturated > MOSTLY_SATURATED) {
    return {
      network: index,
      failure: 'saturated',
      sentence: `${name} saturated: ${formatNumber(100 * saturated, { sig: 2 })}% of the units in its most saturated hidden layer sit where the slope is under a tenth of its peak, so almost no gradient passes and the loss stays at ln 2.`,
    };
  }
  if (network.init === 'constant') {
    return {
      network: index,
      failure: 'plateau',
      sentence: `${name} stayed on the plateau at ln 2 = ${formatNumber(Math.LN2)}: every weight starts equal, so the units of a layer stay identical (symmetry is never broken) and each layer acts as one unit.`,
    };
  }
  const g = hiddenGrads(first);
  const share = g[0]! / g.at(-1)!;
  return {
    network: index,
    failure: 'plateau',
    sentence: `${name} stayed on the plateau at ln 2 = ${formatNumber(Math.LN2)}: at the start its layer 1 received ${Number.isFinite(share) ? `only ${formatNumber(share, { sig: 2 })}` : 'none'} of its last hidden layer's gradient, so the layers near the input never learned what the top layers needed in ${last.epoch} epochs.`,
  };
}

/** One sentence for the run: the first network that failed, and how many others did. */
export function runDiagnosis(
  histories: readonly (readonly EpochReport[])[],
  networks: readonly LabNetwork[],
  learningRate: number,
): string | undefined {
  const found = histories
    .map((h, i) => (networks[i] ? diagnose(h, networks[i]!, i, learningRate) : undefined))
    .filter((d): d is Diagnosis => d !== undefined);
  if (found.length === 0) return undefined;
  const [head, ...rest] = found;
  const also =
    rest.length === 0
      ? ''
      : ` (also: ${rest.map((d) => `network ${networkLetter(d.network)} ${d.failure === 'dead' ? 'lost its ReLUs' : d.failure === 'plateau' ? 'stayed on the plateau' : d.failure}`).join(', ')})`;
  return head!.sentence.replace(/\.$/, `${also}.`);
}
