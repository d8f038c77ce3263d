/**
 * A lab setup as the training lab writes it into the URL
 * (src/islands/lab/state.ts): `ds:moons,nz:0.1,pt:200,d:5,w:8,lr:0.1,ep:300,
 * bs:200,cw:0.1,s:1,k:2,a1:sigmoid,i1:xavier,b1:0,r1:0,a2:relu,…`. A
 * challenge's answer is that string. This reader is strict where the lab is
 * lenient (the lab repairs a bad link; an answer is read as given, or refused
 * with the reason), never throws, and looks at no more than MAX_SETUP_LENGTH
 * characters. Imports the engine only.
 */
import { DATASET_NAMES, type DatasetName } from '../../engine/datasets.ts';
import type { InitChoice } from '../race.ts';
import { LAB_SETTING_KEYS } from './setup-keys.ts';

export type SetupActivation = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu';
export const SETUP_ACTIVATIONS: readonly SetupActivation[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu'];
export const SETUP_INITS: readonly InitChoice[] = ['constant', 'xavier', 'he'];

/** One network of the lab, as the lab's LabNetwork. */
export interface SetupNetwork {
  activation: SetupActivation;
  init: InitChoice;
  batchNorm: boolean;
  residual: boolean;
}

/** The lab's settings, field for field as its LabSettings (a test holds the two together). */
export interface LabSetup {
  dataset: DatasetName;
  noise: number;
  points: number;
  depth: number;
  width: number;
  learningRate: number;
  epochs: number;
  batchSize: number;
  constantW: number;
  seed: number;
  networks: SetupNetwork[];
}

export type NumericSetting = Exclude<keyof LabSetup, 'dataset' | 'networks'>;

/** The lab's hash key for each shared setting: the lab's URL and a challenge's answer name a setup alike. */
export const SETUP_KEYS: Readonly<Record<NumericSetting | 'dataset', string>> = LAB_SETTING_KEYS;

/** The lab shows two to four networks (its LAB_RANGES.networks). */
export const SETUP_NETWORKS: readonly [number, number] = [2, 4];

/** A setup longer than this is refused unread: the lab writes about 120 characters for four networks. */
export const MAX_SETUP_LENGTH = 2000;

/** A number as the lab writes one (JavaScript's own spelling of a number), at most 24 characters. */
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

export type SetupRead = { ok: true; setup: LabSetup } | { ok: false; message: string };

/** Reads a challenge answer: the state string, `lab=<state>`, or a whole lab address with `#lab=<state>`. */
export function readSetup(value: unknown): SetupRead {
  if (typeof value !== 'string') return fail(`a lab setup is text (the lab's “Use this setup as my answer” gives it), not ${kind(value)}`);
  if (value.length > MAX_SETUP_LENGTH)
    return fail(`the setup is ${value.length} characters long; a lab setup is at most ${MAX_SETUP_LENGTH}`);
  const state = stateOf(value.trim());
  if (state === '') return fail('the setup is empty');
  const fields: Record<string, string> = Object.create(null);
  for (const pair of state.split(',')) {
    const colon = pair.indexOf(':');
    if (colon <= 0) return fail(`“${clip(pair)}” is not a key:value pair`);
    const key = pair.slice(0, colon).trim();
    if (Object.hasOwn(fields, key)) return fail(`the setting “${clip(key)}” appears twice`);
    fields[key] = pair.slice(colon + 1).trim();
  }
  return fromFields(fields);
}

/** The setup as the lab writes it (labToHash, then writeHashState's `key:value` list). */
export function writeSetup(s: LabSetup): string {
  const shared = (Object.keys(SETUP_KEYS) as (keyof typeof SETUP_KEYS)[]).map((k) => `${SETUP_KEYS[k]}:${s[k]}`);
  const nets = s.networks.flatMap((n, i) => [
    `a${i + 1}:${n.activation}`,
    `i${i + 1}:${n.init}`,
    `b${i + 1}:${n.batchNorm ? 1 : 0}`,
    `r${i + 1}:${n.residual ? 1 : 0}`,
  ]);
  return [...shared, `k:${s.networks.length}`, ...nets].join(',');
}

/** The `key:value` list out of a state string, `lab=…`, or an address whose hash holds `<id>=…`. */
function stateOf(text: string): string {
  const hash = text.includes('#') ? text.slice(text.lastIndexOf('#') + 1) : text;
  const segments = hash.split('&').map(decode);
  // The lab's own segment is the one that names a data set; a bare list has no `<id>=` in front.
  const ours = segments.find((s) => /(^|[=,])ds:/.test(s)) ?? segments[0] ?? '';
  const eq = ours.indexOf('=');
  const colon = ours.indexOf(':');
  return eq >= 0 && (colon < 0 || eq < colon) ? ours.slice(eq + 1) : ours;
}

function fromFields(f: Record<string, string>): SetupRead {
  const known = new Set<string>([...Object.values(SETUP_KEYS), 'k']);
  const dataset = f[SETUP_KEYS.dataset];
  if (dataset === undefined) return fail('the setup names no data set (ds:…)');
  if (!DATASET_NAMES.includes(dataset as DatasetName))
    return fail(`the data set “${clip(dataset)}” is not one of ${DATASET_NAMES.join(', ')}`);
  const numbers = {} as Record<NumericSetting, number>;
  for (const setting of Object.keys(SETUP_KEYS) as (keyof typeof SETUP_KEYS)[]) {
    if (setting === 'dataset') continue;
    const key = SETUP_KEYS[setting];
    const raw = f[key];
    if (raw === undefined) return fail(`the setup has no ${SETTING_NAMES[setting]} (${key}:…)`);
    const value = raw.length <= 24 && NUMBER.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(value)) return fail(`the ${SETTING_NAMES[setting]} “${clip(raw)}” is not a number`);
    numbers[setting] = value;
  }
  const k = f.k === undefined ? NaN : Number(f.k);
  const [lo, hi] = SETUP_NETWORKS;
  if (!(Number.isInteger(k) && k >= lo && k <= hi)) return fail(`the number of networks “${clip(f.k ?? '')}” is not ${lo} to ${hi} (k:…)`);
  const networks: SetupNetwork[] = [];
  for (let i = 1; i <= k; i++) {
    const keys = [`a${i}`, `i${i}`, `b${i}`, `r${i}`] as const;
    keys.forEach((key) => known.add(key));
    const [a, init, b, r] = keys.map((key) => f[key]);
    if (a === undefined || init === undefined || b === undefined || r === undefined)
      return fail(`network ${i} is not fully set (${keys.join(', ')})`);
    if (!SETUP_ACTIVATIONS.includes(a as SetupActivation))
      return fail(`network ${i}'s activation “${clip(a)}” is not one of ${SETUP_ACTIVATIONS.join(', ')}`);
    if (!SETUP_INITS.includes(init as InitChoice))
      return fail(`network ${i}'s initialisation “${clip(init)}” is not one of ${SETUP_INITS.join(', ')}`);
    const batchNorm = onOff(b);
    const residual = onOff(r);
    if (batchNorm === undefined) return fail(`network ${i}'s batch norm “${clip(b)}” is not 1 (on) or 0 (off)`);
    if (residual === undefined) return fail(`network ${i}'s residual connections “${clip(r)}” are not 1 (on) or 0 (off)`);
    networks.push({ activation: a as SetupActivation, init: init as InitChoice, batchNorm, residual });
  }
  const unknown = Object.keys(f).find((key) => !known.has(key));
  if (unknown !== undefined) return fail(`“${clip(unknown)}” is not a setting of the lab`);
  return { ok: true, setup: { dataset: dataset as DatasetName, ...numbers, networks } };
}

/** What each shared setting is called in messages. */
export const SETTING_NAMES: Readonly<Record<NumericSetting | 'dataset', string>> = {
  dataset: 'data set',
  noise: 'noise',
  points: 'number of points',
  depth: 'number of hidden layers',
  width: 'width',
  learningRate: 'learning rate η',
  epochs: 'number of epochs',
  batchSize: 'batch size',
  constantW: 'constant w',
  seed: 'seed',
};

const onOff = (raw: string): boolean | undefined =>
  raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : undefined;
const fail = (message: string): SetupRead => ({ ok: false, message });
const clip = (s: string): string => (s.length > 24 ? `${s.slice(0, 24)}…` : s);
const kind = (v: unknown): string =>
  v === null || v === undefined ? 'empty' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : `a ${typeof v}`;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
