/** Checks a setup against a challenge's rules before anything is run, naming every setting outside them. */
import { formatNumber } from '../../engine/format.ts';
import { SETTING_NAMES, type LabSetup, type NumericSetting, type SetupNetwork } from './setup.ts';
import type { SettingRule, SetupRules } from './types.ts';

/** What each network setting is called in messages. */
const NETWORK_SETTING_NAMES: Readonly<Record<keyof SetupNetwork, string>> = {
  activation: 'activation',
  init: 'initialisation',
  batchNorm: 'batch norm',
  residual: 'residual connections',
};

/** Network letters as the lab shows them. */
export const networkName = (i: number): string => `network ${String.fromCharCode(65 + i)}`;

/** Every setting outside the rules, as a sentence naming it; empty when the setup is allowed. */
export function ruleViolations(s: LabSetup, rules: SetupRules): string[] {
  const out: string[] = [];
  for (const key of Object.keys(rules.shared) as (NumericSetting | 'dataset')[]) {
    const broken = breaks(rules.shared[key], s[key]);
    if (broken) out.push(`the ${SETTING_NAMES[key]} is ${show(s[key])}; ${broken}`);
  }
  rules.networks.forEach((netRules, i) => {
    const n = s.networks[i];
    if (!n) {
      out.push(`the setup has no ${networkName(i)}`);
      return;
    }
    for (const key of Object.keys(netRules) as (keyof SetupNetwork)[]) {
      const broken = breaks(netRules[key], n[key]);
      if (broken) out.push(`${networkName(i)}'s ${NETWORK_SETTING_NAMES[key]} is ${show(n[key])}; ${broken}`);
    }
  });
  if (out.length === 0 && rules.relations) out.push(...rules.relations(s));
  return out;
}

/** What the challenge allows, when `value` is not allowed by `rule`. */
function breaks(rule: SettingRule, value: number | string | boolean): string | undefined {
  if (rule.kind === 'fixed') return value === rule.value ? undefined : `this challenge fixes it at ${show(rule.value)}`;
  if (rule.kind === 'choice')
    return rule.values.includes(value as string | boolean) ? undefined : `this challenge allows ${rule.values.map(show).join(', ')}`;
  const v = value as number;
  if (v >= rule.lo && v <= rule.hi && (!rule.whole || Number.isInteger(v))) return undefined;
  return `this challenge allows ${rule.whole ? 'whole numbers ' : ''}${show(rule.lo)} to ${show(rule.hi)}`;
}

/** A setting's value as a learner reads it. */
export function show(v: number | string | boolean): string {
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (typeof v === 'string') return v;
  // Whole numbers as written (the seed is 1, not 1.00), grouped by thousands.
  return Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : plain(v);
}

/** A number of ordinary size to three significant digits without trailing zeros (0.001, 84.9, 95); others as formatNumber writes them. */
export function plain(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e-3 && abs < 1e6) return String(Number(v.toPrecision(3))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return formatNumber(v);
}

/** The settings a challenge lets the learner change, as `name=value`, for the class view. */
export function chosenSettings(s: LabSetup, rules: SetupRules): string[] {
  const out: string[] = [];
  for (const key of Object.keys(rules.shared) as (NumericSetting | 'dataset')[]) {
    if (rules.shared[key].kind !== 'fixed') out.push(`${SETTING_NAMES[key]}=${show(s[key])}`);
  }
  rules.networks.forEach((netRules, i) => {
    for (const key of Object.keys(netRules) as (keyof SetupNetwork)[]) {
      if (netRules[key].kind !== 'fixed') out.push(`${networkName(i)} ${NETWORK_SETTING_NAMES[key]}=${show(s.networks[i]![key])}`);
    }
  });
  return out;
}
