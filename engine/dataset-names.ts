/**
 * The datasets' names and default jitter, apart from the generators: a page
 * that only lists the datasets (the lab's settings) then loads a few bytes,
 * not the generators and the engine modules bundled with them.
 */
export type DatasetName = 'moons' | 'circles' | 'xor' | 'spiral';

export const DATASET_NAMES: readonly DatasetName[] = ['moons', 'circles', 'xor', 'spiral'];

/** The jitter each dataset gets when `noise` is not given. */
export const DEFAULT_NOISE: Readonly<Record<DatasetName, number>> = {
  moons: 0.1,
  circles: 0.05,
  xor: 0.05,
  spiral: 0.05,
};
