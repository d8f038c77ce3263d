/**
 * The course's glossary: every term a lesson uses, with a one- or two-sentence
 * definition. The glossary page lists them all; <Term id="…"> links a term's
 * first use in a lesson here and shows its `short` definition on hover and focus.
 * Definitions carry no digits beyond small counts, so the prose-number scan holds.
 */

export interface GlossaryEntry {
  /** Anchor on /glossary/, e.g. "loss". */
  id: string;
  /** The term as the glossary heads it. */
  term: string;
  /** The definition shown on hover and focus; one or two plain sentences. */
  short: string;
  /** Where the course teaches it: a lesson slug. */
  taught: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'neuron',
    term: 'neuron (unit)',
    short:
      'The basic piece of a network: it multiplies each input by a weight, adds a bias, and passes the sum through an activation function.',
    taught: 'basics',
  },
  {
    id: 'weight',
    term: 'weight',
    short: 'A number a neuron multiplies one of its inputs by. Training adjusts the weights.',
    taught: 'basics',
  },
  {
    id: 'bias',
    term: 'bias',
    short: 'A number a neuron adds to its weighted inputs before the activation function. Training adjusts it like a weight.',
    taught: 'basics',
  },
  {
    id: 'pre-activation',
    term: 'pre-activation z',
    short: 'A neuron’s weighted input plus bias, z = w·a + b, before the activation function is applied.',
    taught: 'basics',
  },
  {
    id: 'activation',
    term: 'activation function',
    short:
      'The function a neuron applies to its pre-activation z, such as the sigmoid or ReLU; its output a = f(z) is the neuron’s activation.',
    taught: 'basics',
  },
  {
    id: 'layer',
    term: 'layer (hidden layer)',
    short: 'A group of neurons that all read the previous layer’s outputs. Hidden layers sit between the input and the output neuron.',
    taught: 'basics',
  },
  { id: 'depth', term: 'depth', short: 'The number of hidden layers in a network. A deep network has many.', taught: 'basics' },
  { id: 'width', term: 'width', short: 'The number of neurons in a layer.', taught: 'basics' },
  {
    id: 'fan-in',
    term: 'fan-in and fan-out',
    short:
      'A neuron’s fan-in is how many inputs it reads; its fan-out is how many neurons read its output. In a full layer both equal the neighbouring layers’ widths.',
    taught: 'fixes',
  },
  {
    id: 'forward-pass',
    term: 'forward pass',
    short: 'Running a network from input to output: each layer computes z and a = f(z) from the previous layer’s output.',
    taught: 'basics',
  },
  {
    id: 'loss',
    term: 'loss',
    short: 'A single number that measures how wrong the network’s prediction is; training tries to make it small.',
    taught: 'basics',
  },
  {
    id: 'bce',
    term: 'binary cross-entropy',
    short: 'The usual loss for a yes/no prediction ŷ of a label y: −log ŷ when y = 1, −log(1 − ŷ) when y = 0.',
    taught: 'basics',
  },
  {
    id: 'gradient',
    term: 'gradient',
    short:
      'The vector of partial derivatives of the loss with respect to every weight and bias: which way, and how steeply, the loss rises.',
    taught: 'basics',
  },
  {
    id: 'gradient-descent',
    term: 'gradient descent',
    short: 'Training by repeatedly moving every weight a small step against its gradient: w ← w − η · ∂L/∂w.',
    taught: 'basics',
  },
  {
    id: 'learning-rate',
    term: 'learning rate η',
    short: 'The step size of gradient descent: how far each weight moves per unit of gradient.',
    taught: 'basics',
  },
  {
    id: 'epoch',
    term: 'epoch',
    short: 'One pass over the whole training set. With full-batch gradient descent, one epoch is one step.',
    taught: 'basics',
  },
  {
    id: 'full-batch',
    term: 'full batch and mini-batch',
    short:
      'Full-batch gradient descent computes the gradient on every training example before each step; mini-batch uses a small random subset per step.',
    taught: 'basics',
  },
  {
    id: 'chain-rule',
    term: 'chain rule',
    short: 'The derivative of a composition is the product of the derivatives of its parts: d/dx f(g(x)) = f′(g(x)) · g′(x).',
    taught: 'basics',
  },
  {
    id: 'backpropagation',
    term: 'backpropagation',
    short: 'The chain rule applied layer by layer from the loss back to the input, reusing each layer’s result for the layer below.',
    taught: 'basics',
  },
  {
    id: 'delta',
    term: 'δₖ (error signal)',
    short:
      'The course’s δₖ = ∂L/∂zₖ: how the loss responds to layer k’s pre-activation. A weight’s gradient is δₖ times the input that weight multiplies.',
    taught: 'basics',
  },
  {
    id: 'norm',
    term: 'norm ‖v‖',
    short: 'The length of a vector: the square root of the sum of its squared entries. ‖∂L/∂W‖ is the size of a layer’s weight gradient.',
    taught: 'basics',
  },
  {
    id: 'sigmoid',
    term: 'sigmoid σ',
    short: 'The activation σ(z) = 1/(1 + e⁻ᶻ), which squashes any number into the interval between 0 and 1.',
    taught: 'sigmoid',
  },
  {
    id: 'saturation',
    term: 'saturation',
    short: 'A sigmoid neuron is saturated when |z| is large: its output is pinned near 0 or 1 and its slope σ′(z) is nearly zero.',
    taught: 'sigmoid',
  },
  {
    id: 'anchor-network',
    term: 'anchor network',
    short:
      'The course’s test bench, taken from the post: one input, four one-neuron sigmoid hidden layers and a sigmoid output neuron, with one small weight everywhere and zero biases.',
    taught: 'symptom',
  },
  {
    id: 'vanishing-gradient',
    term: 'vanishing gradient',
    short:
      'The gradient shrinking geometrically on its way back through many layers, so the layers near the input learn far more slowly than those near the output.',
    taught: 'symptom',
  },
  {
    id: 'exploding-gradient',
    term: 'exploding gradient',
    short:
      'The opposite failure: the per-layer factors exceed one, so the gradient grows geometrically towards the input and steps overshoot.',
    taught: 'limits',
  },
  {
    id: 'unstable-gradient',
    term: 'unstable gradient',
    short:
      'Nielsen’s name for both: the gradient in early layers is a product of many per-layer factors, so it vanishes or explodes unless they balance near one.',
    taught: 'backward-pass',
  },
  {
    id: 'step-factor',
    term: 'step factor',
    short: 'What one step back through a layer multiplies the backward signal by; for one-neuron sigmoid layers, w · σ′(z).',
    taught: 'backward-pass',
  },
  {
    id: 'convention',
    term: 'convention (ways of counting)',
    short:
      'Which quantity a trace calls “the gradient”: the course’s δₖ = ∂L/∂zₖ, the post’s table ∂a₄/∂aₖ, or the post’s program ∂a₄/∂aₖ₋₁.',
    taught: 'backward-pass',
  },
  { id: 'relu', term: 'ReLU', short: 'The rectified linear unit, max(0, z): slope 1 for z > 0 and 0 for z < 0.', taught: 'fixes' },
  {
    id: 'dead-relu',
    term: 'dead ReLU',
    short: 'A ReLU unit whose z is negative for every training input, so its gradient is exactly zero and it never learns again.',
    taught: 'limits',
  },
  {
    id: 'tanh',
    term: 'tanh',
    short: 'The hyperbolic tangent activation, an S-curve from −1 to 1 centred on zero, with slope 1 at z = 0.',
    taught: 'fixes',
  },
  {
    id: 'initialisation',
    term: 'initialisation',
    short: 'How the weights are set before training starts, usually drawn at random with a chosen variance.',
    taught: 'basics',
  },
  {
    id: 'xavier',
    term: 'Xavier (Glorot) initialisation',
    short:
      'Random weights with variance 2/(fan-in + fan-out), chosen to keep signals the same size across layers for tanh-like activations.',
    taught: 'fixes',
  },
  {
    id: 'he',
    term: 'He initialisation',
    short: 'Random weights with variance 2/fan-in, Xavier’s rule adjusted for ReLU, which zeroes about half its inputs.',
    taught: 'fixes',
  },
  {
    id: 'symmetry',
    term: 'symmetry breaking',
    short:
      'Units in a layer that start with identical weights compute identical things and get identical updates; random initial weights make them differ.',
    taught: 'fixes',
  },
  {
    id: 'batch-norm',
    term: 'batch normalisation',
    short:
      'Rescaling each unit’s pre-activations over a batch to mean zero and variance one (then a learned scale and shift), before the activation function.',
    taught: 'fixes',
  },
  {
    id: 'residual',
    term: 'residual (skip) connection',
    short: 'Adding a block’s input to its output, out = F(x) + x, so the backward signal has a path that skips the block.',
    taught: 'fixes',
  },
  {
    id: 'degradation',
    term: 'degradation',
    short:
      'Deeper plain networks reaching a higher training error than shallower ones; the problem residual networks were designed to fix.',
    taught: 'fixes',
  },
  {
    id: 'gradient-clipping',
    term: 'gradient clipping',
    short: 'Rescaling the gradient whenever its norm exceeds a threshold, so one huge gradient cannot throw the weights far off.',
    taught: 'limits',
  },
  {
    id: 'pretraining',
    term: 'layer-wise pretraining',
    short:
      'Training a deep network one layer at a time, each as a small unsupervised model, before training the whole stack; the first way around vanishing gradients.',
    taught: 'fixes',
  },
  {
    id: 'rnn',
    term: 'recurrent network',
    short:
      'A network that reads a sequence one step at a time, applying the same weights at every step and carrying a hidden state forward.',
    taught: 'limits',
  },
  {
    id: 'lstm',
    term: 'LSTM',
    short:
      'Long short-term memory: a recurrent network that carries a cell state updated by addition under sigmoid gates, so gradients survive many time steps.',
    taught: 'limits',
  },
  {
    id: 'two-moons',
    term: 'two moons',
    short: 'A toy dataset of two interleaved half circles of points in the plane, one per class; no straight line separates them.',
    taught: 'training',
  },
  {
    id: 'chance-loss',
    term: 'chance level',
    short: 'The loss of answering one half for every example: ln 2 for binary cross-entropy on balanced classes.',
    taught: 'training',
  },
  {
    id: 'accuracy',
    term: 'accuracy',
    short: 'The share of examples whose predicted class (ŷ above or below one half) matches the label.',
    taught: 'training',
  },
];

const byId = new Map(GLOSSARY.map((e) => [e.id, e]));

/** The entry for an id; an unknown id is a build error, so a typo cannot ship a dead link. */
export function glossaryEntry(id: string): GlossaryEntry {
  const entry = byId.get(id);
  if (!entry) throw new Error(`no glossary entry "${id}"`);
  return entry;
}

/** Greek letters file under their English names, so "δₖ (error signal)" sits with D, not after Xavier. */
const GREEK: Readonly<Record<string, string>> = { δ: 'delta', σ: 'sigma', η: 'eta', ε: 'epsilon', γ: 'gamma', β: 'beta', μ: 'mu' };
const sortKey = (term: string) => term.replace(/^[δσηεγβμ]/, (c) => GREEK[c] ?? c);

/** The glossary in reading order: alphabetical, Greek letters spelled out. */
export function glossaryInOrder(): GlossaryEntry[] {
  return [...GLOSSARY].sort((a, b) => sortKey(a.term).localeCompare(sortKey(b.term), 'en', { sensitivity: 'base' }));
}
