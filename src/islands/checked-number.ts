/** A typed number checked against its range: the value when it fits, otherwise a message saying what is allowed and what is kept. */
import { exact } from '../../engine/format.ts';

export interface NumberRule {
  /** What the control is called in messages, e.g. "Hidden layers". */
  label: string;
  lo: number;
  hi: number;
  /** Whole numbers only. */
  whole?: boolean;
  /** Said after the range when a value is above it, e.g. "(the data set has 200 points)". */
  aboveNote?: string;
}

export type Checked = { ok: true; value: number } | { ok: false; message: string };

/** Reads `raw` (a Unicode minus is accepted) against the rule; `current` is the value that stays in force on a bad entry. */
export function checkNumber(rule: NumberRule, raw: string, current: number): Checked {
  const { label, lo, hi, whole = false } = rule;
  const keeps = `kept ${exact(current)}`;
  const text = raw.trim().replace(/^−/, '-');
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) {
    return { ok: false, message: `${label} needs a number from ${exact(lo)} to ${exact(hi)}; ${keeps}.` };
  }
  if (whole && !Number.isInteger(value)) {
    return { ok: false, message: `${label} takes whole numbers only, ${exact(lo)} to ${exact(hi)}; ${keeps}.` };
  }
  if (value < lo || value > hi) {
    const note = value > hi && rule.aboveNote ? ` ${rule.aboveNote}` : '';
    return { ok: false, message: `${label} ${exact(value)} is outside ${exact(lo)} to ${exact(hi)}${note}; ${keeps}.` };
  }
  return { ok: true, value };
}
