/**
 * The training lab's settings, as lesson data: the experiment the training
 * lesson's static figures run (DEFAULT_LAB), the range of every knob, the
 * presets the lessons link to (`../training/#lab:preset=<name>`), and the
 * networks a setting describes. The island and its worker read these; the
 * worker's message types live with the islands (src/islands/lab/protocol.ts).
 */
import type { MlpConfig } from '../../engine/mlp.ts';
import { RACE_SETUP, initScheme, type InitChoice, type RaceSetup } from '../../exercises/race.ts';

export type LabActivation = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu';
export const LAB_ACTIVATIONS: readonly LabActivation[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu'];
export type LabInit = InitChoice;
export const LAB_INITS: readonly LabInit[] = ['constant', 'xavier', 'he'];

/** One contestant's choices; every other setting is shared so the race is fair. */
export interface LabNetwork {
  activation: LabActivation;
  init: LabInit;
  batchNorm: boolean;
  residual: boolean;
}

/**
 * The lab's settings: the race's shared settings (exercises/race.ts, declared and documented once there),
 * with two to four networks in place of the race's one initialisation and list of activations.
 */
export interface LabSettings extends Omit<RaceSetup, 'init' | 'activations'> {
  /** Two to four networks. */
  networks: LabNetwork[];
}

/** The numeric knobs' inclusive ranges; the island states each one beside its control. */
export const LAB_RANGES = {
  noise: [0, 0.5],
  points: [20, 500],
  depth: [1, 10],
  width: [1, 32],
  learningRate: [0.001, 10],
  epochs: [1, 10_000],
  batchSize: [1, 500],
  constantW: [-2, 2],
  seed: [1, 9999],
  networks: [2, 4],
} as const satisfies Record<string, readonly [number, number]>;

/** Knobs that only take whole numbers. */
export const LAB_INTEGERS = new Set<keyof typeof LAB_RANGES>(['points', 'depth', 'width', 'epochs', 'batchSize', 'seed', 'networks']);

/**
 * The race of the training lesson (exercises/race.ts: moons, 200 points, 5
 * hidden layers of 8, Xavier, full batch, η = 0.1, 300 epochs, sigmoid
 * against ReLU): the lab opens with it, the lesson's static figures are
 * computed from it, and the lesson's checkpoints train the same networks.
 */
const { activations, init, ...shared } = RACE_SETUP;
export const DEFAULT_LAB: LabSettings = {
  ...shared,
  networks: activations.map((activation) => ({ activation, init, batchNorm: false, residual: false })),
};

const net = (activation: LabActivation, extra: Partial<LabNetwork> = {}): LabNetwork => ({
  activation,
  init: 'xavier',
  batchNorm: false,
  residual: false,
  ...extra,
});

/** A preset: a title for the menu, the lesson whose ideas it needs, and the settings it changes from DEFAULT_LAB. */
export interface LabPreset {
  title: string;
  lesson: 'training' | 'fixes';
  settings: Partial<LabSettings>;
}

/** The presets the lessons link to, by the name in `#lab:preset=<name>`. */
export const LAB_PRESETS = {
  'escape-plateau': {
    title: 'Escape the plateau with a larger η (η = 1, 1,000 epochs)',
    lesson: 'training',
    settings: { learningRate: 1, epochs: 1000, networks: [net('sigmoid'), net('relu')] },
  },
  'sigmoid-3-layers-2000': {
    title: 'Three sigmoid layers after 2,000 epochs',
    lesson: 'training',
    settings: { depth: 3, epochs: 2000, networks: [net('sigmoid'), net('relu')] },
  },
  // Three layers and 2,000 epochs: long enough for Xavier's sigmoid network to leave the plateau, which
  // the constant one never does (its units stay identical). At the race's five layers and 300 epochs both sat at ln 2.
  'xavier-vs-constant': {
    title: 'Xavier against every weight 0.1 (sigmoid, 3 layers, 2,000 epochs)',
    lesson: 'fixes',
    settings: { constantW: 0.1, depth: 3, epochs: 2000, networks: [net('sigmoid'), net('sigmoid', { init: 'constant' })] },
  },
  'batchnorm-rescue': {
    title: 'Batch norm rescues the sigmoid network',
    lesson: 'fixes',
    settings: { networks: [net('sigmoid'), net('sigmoid', { batchNorm: true })] },
  },
  'residual-depth-10': {
    title: 'Residual connections at depth 10',
    lesson: 'fixes',
    settings: { depth: 10, epochs: 500, networks: [net('sigmoid'), net('sigmoid', { residual: true }), net('relu')] },
  },
} as const satisfies Record<string, LabPreset>;

export type LabPresetName = keyof typeof LAB_PRESETS;
export const LAB_PRESET_NAMES = Object.keys(LAB_PRESETS) as LabPresetName[];

/**
 * The activations the training lesson (lesson 6) teaches: the race's two. Its
 * lab shows these, the data, the shape and the training knobs; the rest
 * (initialisation, batch norm, residual connections, tanh and leaky ReLU) is
 * lesson 7's, folded away until a learner opens it or a link sets it.
 */
export const LESSON_ACTIVATIONS: readonly LabActivation[] = ['sigmoid', 'relu'];

/** Whether these settings use anything the fixes lesson teaches (so the lab shows its controls open). */
export function usesFixes(s: LabSettings): boolean {
  return (
    s.constantW !== DEFAULT_LAB.constantW ||
    s.networks.some((n) => !LESSON_ACTIVATIONS.includes(n.activation) || n.init !== RACE_SETUP.init || n.batchNorm || n.residual)
  );
}

/** The full settings of a preset. */
export function presetSettings(name: LabPresetName): LabSettings {
  const { settings } = LAB_PRESETS[name];
  return { ...DEFAULT_LAB, ...settings, networks: (settings.networks ?? DEFAULT_LAB.networks).map((n) => ({ ...n })) };
}

/** The engine's network for one contestant under the shared settings (same seed for all, so they start alike). */
export function networkConfig(s: LabSettings, n: LabNetwork): MlpConfig {
  return {
    inputSize: 2,
    hidden: Array.from({ length: s.depth }, () => ({ width: s.width, activation: n.activation })),
    init: initScheme(n.init, s.constantW),
    batchNorm: n.batchNorm,
    residual: n.residual,
    seed: s.seed,
  };
}

const ACTIVATION_LABEL: Record<LabActivation, string> = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU', 'leaky-relu': 'leaky ReLU' };
const INIT_LABEL: Record<LabInit, string> = { constant: 'constant w', xavier: 'Xavier', he: 'He' };
export { ACTIVATION_LABEL, INIT_LABEL };

/** A network's short name for legends: "sigmoid, Xavier + batch norm". */
export function networkLabel(n: LabNetwork): string {
  const extras = [n.batchNorm ? 'batch norm' : '', n.residual ? 'residual' : ''].filter(Boolean);
  return `${ACTIVATION_LABEL[n.activation]}, ${INIT_LABEL[n.init]}${extras.length ? ` + ${extras.join(' + ')}` : ''}`;
}

/** Cells per side of the decision-map grid. */
export const GRID = 32;
