/** How the lab names its networks and layers, so every view and message says it the same way. */
import { formatNumber } from '../../../engine/format.ts';

/** Networks are A, B, C, D in every legend, chart and message. */
export const networkLetter = (i: number): string => 'ABCD'[i] ?? String(i + 1);

/** Layer l (0-based) of a network with `hidden` hidden layers: "1" … "L", then "out" for the output neuron. */
export const layerTick = (l: number, hidden: number): string => (l === hidden ? 'out' : String(l + 1));
export const layerName = (l: number, hidden: number): string => (l === hidden ? 'the output layer' : `layer ${l + 1}`);

/** A share as a percentage for reading: "77%". */
export const percent = (v: number): string => `${formatNumber(100 * v, { sig: 3, notation: 'plain' }).replace(/\.0+$/, '')}%`;

/** The one gradient measure, as every lab chart names it. */
export const GRAD_NAME = '‖∂L/∂W_l‖';
