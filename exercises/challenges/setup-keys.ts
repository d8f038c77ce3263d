/**
 * The short names a lab setup's settings take in the lab's URL and in a
 * challenge's answer, apart from the setup's rules: the lab's island imports
 * this table alone (a few bytes), not the challenge code around it.
 */
/** The lab's hash key for each shared setting; setup.ts and the lab's state.ts each check it names every setting they have. */
export const LAB_SETTING_KEYS = {
  dataset: 'ds',
  noise: 'nz',
  points: 'pt',
  depth: 'd',
  width: 'w',
  learningRate: 'lr',
  epochs: 'ep',
  batchSize: 'bs',
  constantW: 'cw',
  seed: 's',
} as const;
