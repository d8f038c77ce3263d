import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../../grader/report/markdown.ts';
import { sampleReports } from './sample.ts';
import { POST_PARTS } from '../fixtures.ts';

describe('formatMarkdown', () => {
  const md = formatMarkdown(sampleReports(), { minScore: 50 });

  it('starts with a score table for every file', () => {
    expect(md.split('\n').slice(0, 9).join('\n')).toMatchInlineSnapshot(`
      "## Vanishing Gradients — grading report

      3 files: 2 graded (1 below the pass mark of 50%), 1 not read

      | File | Learner | Status | Score | Result |
      |---|---|---|---:|---|
      | submissions/ada.yaml | ada@&#8203;example.edu (post's numbers) | graded | 16/19 (84%) | ✅ reached 50% |
      | submissions/bad\\|file.yaml | – | error | – | ❌ could not be graded |
      | submissions/blank.json | – | graded | 0/19 (0%) | ❌ below 50% |"
    `);
  });

  it('says "graded", not "passed", when there is no pass mark', () => {
    const [ada] = sampleReports();
    expect(formatMarkdown([ada!])).toContain(
      "| submissions/ada.yaml | ada@&#8203;example.edu (post's numbers) | graded | 16/19 (84%) | ✅ graded |",
    );
  });

  it('lists the parts to revisit and the problems, escaped so learner text stays text', () => {
    expect(md).toContain('### Parts to revisit in submissions/ada.yaml');
    expect(md).toContain('| deeper-network | gradient\\_6\\_layers | incorrect | read as 2.4 × 10⁻¹⁰');
    expect(md).toContain('| relu-swap | vanishing\\_gone | missing | no answer given |');
    expect(md).toContain("could not read '&lt;b&gt;35&lt;/b&gt; &amp; 'more'' as a number");
    expect(md).not.toContain('<b>');
    expect(md).toContain("- **error** answers.a (line 3, column 3): duplicate key 'a' on lines 2 and 3; each key may appear only once");
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('keeps every table row on one line with the right number of cells', () => {
    const [report] = sampleReports();
    const hostile = {
      ...report!,
      exercises: report!.exercises.map((e) => ({
        ...e,
        parts: e.parts.map((p) => ({ ...p, verdict: 'incorrect' as const, feedback: 'a | b\nc `d` <script>' })),
      })),
    };
    const rows = formatMarkdown([hostile])
      .split('\n')
      .filter((line) => line.startsWith('| ') && line.includes('a \\| b'));
    expect(rows).toHaveLength(POST_PARTS);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(4);
    expect(rows[0]).toContain('c \\`d\\` &lt;script&gt;');
  });

  it('says when every part is correct by listing nothing to revisit', () => {
    const [report] = sampleReports();
    const perfect = { ...report!, warnings: [], errors: [], exercises: [] };
    expect(formatMarkdown([perfect])).not.toContain('###');
  });
});
