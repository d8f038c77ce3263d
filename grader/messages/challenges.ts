/** The words of the lab challenges in the class reports (text, Markdown, the browser's class report). */
import type { ChallengeSummary } from '../schema.ts';

const list = (items: readonly { count: number }[], name: (i: never) => string, top: number): string =>
  items.length === 0
    ? 'none'
    : `${items
        .slice(0, top)
        .map((i) => `${name(i as never)} (${i.count})`)
        .join(', ')}${items.length > top ? `, and ${items.length - top} more` : ''}`;

export const CHALLENGE_CLASS = {
  title: 'Lab challenges: settings used and failure reasons',
  verdicts: (c: ChallengeSummary) =>
    `${c.challenge}: ${c.correct} correct, ${c.incorrect} incorrect, ${c.invalid} invalid, ${c.missing} missing`,
  settings: (c: ChallengeSummary, top: number) => `settings used: ${list(c.settings, (s: { setting: string }) => s.setting, top)}`,
  reasons: (c: ChallengeSummary, top: number) => `failure reasons: ${list(c.reasons, (r: { reason: string }) => r.reason, top)}`,
};
