/**
 * The class view of the lab challenges: per challenge, the verdicts, which
 * settings learners chose (from each graded setup's `settings`) and which
 * failure reasons were most common. Empty for a class that answered none.
 */
import { CHALLENGE_IDS } from '../../exercises/challenges/types.ts';
import type { ChallengeSummary, FileReport } from '../schema.ts';

/** Settings listed per challenge, most used first; the JSON report has them all. */
export const TOP_SETTINGS = 8;

/** One summary per challenge that some graded file answered, in the course's order. */
export function challengeSummaries(reports: readonly FileReport[]): ChallengeSummary[] {
  const byId = new Map<string, { summary: ChallengeSummary; settings: Map<string, number>; reasons: Map<string, number> }>();
  for (const report of reports) {
    if (report.status !== 'graded') continue;
    for (const exercise of report.exercises) {
      if (!(CHALLENGE_IDS as readonly string[]).includes(exercise.id)) continue;
      const part = exercise.parts[0];
      if (!part) continue;
      let entry = byId.get(exercise.id);
      if (!entry) {
        entry = {
          summary: { challenge: exercise.id, correct: 0, incorrect: 0, invalid: 0, missing: 0, settings: [], reasons: [] },
          settings: new Map(),
          reasons: new Map(),
        };
        byId.set(exercise.id, entry);
      }
      entry.summary[part.verdict]++;
      for (const s of part.settings ?? []) entry.settings.set(s, (entry.settings.get(s) ?? 0) + 1);
      if (part.misconception !== undefined) entry.reasons.set(part.misconception, (entry.reasons.get(part.misconception) ?? 0) + 1);
    }
  }
  return CHALLENGE_IDS.flatMap((id) => {
    const entry = byId.get(id);
    if (!entry) return [];
    const ranked = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return [
      {
        ...entry.summary,
        settings: ranked(entry.settings).map(([setting, count]) => ({ setting, count })),
        reasons: ranked(entry.reasons).map(([reason, count]) => ({ reason, count })),
      },
    ];
  });
}
