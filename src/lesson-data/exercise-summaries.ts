/**
 * One line per exercise saying what it asks, for lists of the exercises (the
 * home page and lesson 9). Each is distinct: the exercises' convention
 * sentences repeat, so they cannot tell two exercises apart.
 */
export const EXERCISE_SUMMARIES: Readonly<Record<string, string>> = {
  'sigmoid-max': 'Show by completing the square, without calculus, that the sigmoid’s slope is at most one quarter, and find where.',
  'deeper-network': 'Add layers at the input end of the anchor network and follow the decay down to the new first layer.',
  'weight-scale': 'Change every weight of the anchor network: does the decay get better or worse, and when does it turn into growth?',
  saturation: 'Compare the sigmoid’s slope deep in its tail with its slope near zero, and see why a large weight cannot make up for saturation.',
  'relu-swap': 'Swap the hidden sigmoids for ReLUs, measure the gain, and decide whether the vanishing gradient is gone.',
};
