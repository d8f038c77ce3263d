import { describe, expect, it } from 'vitest';
import { formatText } from '../../../grader/report/text.ts';
import { sampleReports } from './sample.ts';

describe('formatText', () => {
  const text = formatText(sampleReports(), { minScore: 50 });

  it('prints an aligned table per file with the feedback', () => {
    const lines = text.split('\n');
    expect(lines.slice(0, 11).join('\n')).toMatchInlineSnapshot(`
      "submissions/ada.yaml  16/19 (84%)
        learner ada@example.edu: graded against the post's numbers
        warning learner (line 2, column 1): this file names learner 'ada@example.edu' but variants are off, so it was graded against the post's numbers
        warning answers.relu-swp (line 24, column 3): unknown exercise 'relu-swp'; did you mean 'relu-swap'?
        sigmoid-max  4/4  The largest slope of the sigmoid
          max_value            ✓ correct    correct (read as 0.25)
          argmax_sigma         ✓ correct    correct (read as 0.5)
          argmax_z             ✓ correct    correct (read as 0)
          completed_square     ✓ correct    correct (read as 1/4 − (s − 1/2)^2)
        deeper-network  2/3  Adding layers at the input
          factor_per_layer     ✓ correct    correct (read as 0.025)"
    `);
    const feedbackColumn = lines
      .slice(0, lines.indexOf('== Class summary =='))
      .filter((l) => /^ {4}\w/.test(l))
      .map((l) => l.search(/[✓✗!·] /));
    expect(new Set(feedbackColumn).size).toBe(1);
  });

  it('shows unreadable files with their errors, the pass mark and a summary', () => {
    expect(text).toContain('submissions/bad|file.yaml  could not be graded\n  error answers.a (line 3, column 3): duplicate key');
    expect(text).toContain('submissions/blank.json  0/19 (0%) below 50%');
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 files: 2 graded (1 below the pass mark of 50%), 1 not read');
  });

  it('uses colour only when asked, and never passes escape codes through from input', () => {
    expect(text).not.toContain('\u001b');
    const coloured = formatText(sampleReports(), { color: true });
    expect(coloured).toContain('\u001b[32m✓ correct  \u001b[0m');
    const [report] = sampleReports();
    const hostile = { ...report!, path: 'evil\u001b[2J.yaml' };
    expect(formatText([hostile])).not.toContain('\u001b');
  });
});
