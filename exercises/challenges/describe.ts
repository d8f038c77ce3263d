/** A challenge's limits in words: what may change, within what limits, and what is fixed. */
import { show, networkName } from './rules.ts';
import { SETTING_NAMES, type NumericSetting, type SetupNetwork } from './setup.ts';
import type { SettingRule, SetupRules } from './types.ts';

const NETWORK_WORDS: Readonly<Record<keyof SetupNetwork, string>> = {
  activation: 'activation',
  init: 'initialisation',
  batchNorm: 'batch norm',
  residual: 'residual connections',
};

function allowed(rule: SettingRule): string {
  if (rule.kind === 'range') return `${rule.whole ? 'whole numbers ' : ''}${show(rule.lo)} to ${show(rule.hi)}`;
  if (rule.kind === 'choice') return rule.values.map(show).join(' or ');
  return show(rule.value);
}

/** `may` lists what the learner may change and its limits; `fixed` what the challenge holds fixed. */
export function describeRules(rules: SetupRules): { may: string[]; fixed: string[] } {
  const may: string[] = [];
  const fixed: string[] = [];
  for (const key of Object.keys(rules.shared) as (NumericSetting | 'dataset')[]) {
    const rule = rules.shared[key];
    if (key === 'constantW' && rule.kind !== 'fixed') continue;
    (rule.kind === 'fixed' ? fixed : may).push(`${SETTING_NAMES[key]}: ${allowed(rule)}`);
  }
  rules.networks.forEach((net, i) => {
    for (const key of Object.keys(net) as (keyof SetupNetwork)[]) {
      (net[key].kind === 'fixed' ? fixed : may).push(`${networkName(i)}'s ${NETWORK_WORDS[key]}: ${allowed(net[key])}`);
    }
  });
  return { may, fixed };
}
