/**
 * The lab's settings as the learner edits them: checking one typed value
 * against its range (with a message instead of a silent change), and the
 * round trip through the URL hash, `#lab=d:5,w:8,…` or a preset `#lab:preset=<name>`.
 */
import { DATASET_NAMES, type DatasetName } from '../../../engine/dataset-names.ts';
import {
  DEFAULT_LAB,
  LAB_ACTIVATIONS,
  LAB_INITS,
  LAB_INTEGERS,
  LAB_PRESETS,
  LAB_RANGES,
  presetSettings,
  type LabNetwork,
  type LabPresetName,
  type LabSettings,
} from '../../lesson-data/race-config.ts';
import { LAB_SETTING_KEYS } from '../../../exercises/challenges/setup-keys.ts';
import { checkNumber, type Checked, type NumberRule } from '../checked-number.ts';
import { flag, oneOf } from '../hash-state.ts';

export type NumericKnob = Exclude<keyof typeof LAB_RANGES, 'networks'>;

/** What each numeric knob is called in its label and its messages. */
export const KNOB_LABEL: Record<NumericKnob, string> = {
  noise: 'Noise',
  points: 'Points',
  depth: 'Hidden layers',
  width: 'Width',
  learningRate: 'Learning rate η',
  epochs: 'Epochs',
  batchSize: 'Batch size',
  constantW: 'Constant w',
  seed: 'Seed',
};

/** The rule a knob's typed value is checked against (the batch size cannot exceed the data set). */
export function knobRule(knob: NumericKnob, points = DEFAULT_LAB.points): NumberRule {
  const [lo, hi] = LAB_RANGES[knob];
  const whole = LAB_INTEGERS.has(knob);
  if (knob === 'batchSize' && points < hi)
    return { label: KNOB_LABEL[knob], lo, hi: points, whole, aboveNote: `(the data set has ${points} points)` };
  return { label: KNOB_LABEL[knob], lo, hi, whole };
}

/** A typed value for one knob: its number when it is in range, else a message. */
export function checkKnob(knob: NumericKnob, raw: string, current: number, points = DEFAULT_LAB.points): Checked {
  return checkNumber(knobRule(knob, points), raw, current);
}

/** Compact hash fields: the ones a challenge's answer names a setup by (one table, so the two cannot drift). */
const KEYS: Readonly<Record<NumericKnob | 'dataset', string>> = LAB_SETTING_KEYS;

/** Every setting as hash fields: the shared knobs, then a1, i1, b1, r1 … per network. */
export function labToHash(s: LabSettings): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = { [KEYS.dataset]: s.dataset };
  for (const knob of Object.keys(KNOB_LABEL) as NumericKnob[]) out[KEYS[knob]] = s[knob];
  out.k = s.networks.length;
  s.networks.forEach((n, i) => {
    out[`a${i + 1}`] = n.activation;
    out[`i${i + 1}`] = n.init;
    out[`b${i + 1}`] = n.batchNorm;
    out[`r${i + 1}`] = n.residual;
  });
  return out;
}

/** Settings from hash fields; a field that is missing keeps `base`'s value, one that is wrong does too and is named in `problems`. */
export function labFromHash(h: Record<string, string>, base: LabSettings = DEFAULT_LAB): { settings: LabSettings; problems: string[] } {
  const problems: string[] = [];
  const s: LabSettings = { ...base, networks: base.networks.map((n) => ({ ...n })) };
  const word = <T extends string>(key: string, allowed: readonly T[], fallback: T, what: string): T => {
    const raw = h[key];
    if (raw === undefined) return fallback;
    const v = oneOf(raw, allowed, fallback);
    if (v !== raw) problems.push(`The link's ${what} “${raw}” is not one of ${allowed.join(', ')}; the lab uses ${fallback}.`);
    return v;
  };
  s.dataset = word<DatasetName>(KEYS.dataset, DATASET_NAMES, base.dataset, 'data set');
  const order: NumericKnob[] = ['points', ...(Object.keys(KNOB_LABEL) as NumericKnob[]).filter((k) => k !== 'points')];
  for (const knob of order) {
    const raw = h[KEYS[knob]];
    if (raw === undefined) continue;
    const checked = checkKnob(knob, raw, s[knob], s.points);
    if (checked.ok) s[knob] = checked.value;
    else problems.push(`The link's ${KNOB_LABEL[knob].toLowerCase()}: ${checked.message}`);
  }
  if (s.batchSize > s.points) s.batchSize = s.points;
  const [minNets, maxNets] = LAB_RANGES.networks;
  const k = h.k === undefined ? base.networks.length : Number(h.k);
  const count = Number.isInteger(k) && k >= minNets && k <= maxNets ? k : base.networks.length;
  if (count !== k) problems.push(`The link asks for ${h.k} networks; the lab shows ${minNets} to ${maxNets}, so it keeps ${count}.`);
  s.networks = Array.from({ length: count }, (_, i): LabNetwork => {
    const fallback = base.networks[i] ?? base.networks[base.networks.length - 1]!;
    const bool = (key: string, v: boolean) => {
      const raw = h[key];
      const out = flag(raw, v);
      if (raw !== undefined && raw !== '0' && raw !== '1' && raw !== 'true' && raw !== 'false')
        problems.push(`The link's “${key}:${raw}” is not on (1) or off (0); the lab uses ${v ? 'on' : 'off'}.`);
      return out;
    };
    return {
      activation: word(`a${i + 1}`, LAB_ACTIVATIONS, fallback.activation, `activation of network ${i + 1}`),
      init: word(`i${i + 1}`, LAB_INITS, fallback.init, `initialisation of network ${i + 1}`),
      batchNorm: bool(`b${i + 1}`, fallback.batchNorm),
      residual: bool(`r${i + 1}`, fallback.residual),
    };
  });
  return { settings: s, problems };
}

/** The preset a `<id>:preset=<name>` segment names, if it is one. */
export function presetFromName(name: string | undefined): { name: LabPresetName; settings: LabSettings } | undefined {
  if (name === undefined || !Object.hasOwn(LAB_PRESETS, name)) return undefined;
  return { name: name as LabPresetName, settings: presetSettings(name as LabPresetName) };
}

/** Two settings describe the same run. */
export function sameSettings(a: LabSettings, b: LabSettings): boolean {
  return JSON.stringify(labToHash(a)) === JSON.stringify(labToHash(b));
}
