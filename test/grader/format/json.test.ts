import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../grader/format/json.ts';
import { ReportSchema } from '../../../grader/schema.ts';
import { sampleReports } from './sample.ts';

describe('formatJson', () => {
  const parsed = JSON.parse(formatJson(sampleReports(), { minScore: 50 }));

  it('keeps DESIGN.md’s field names exactly', () => {
    expect(Object.keys(parsed)).toEqual(['files', 'summary']);
    // DESIGN.md's names first, then the additions: failed split into its two kinds, then the class view.
    expect(Object.keys(parsed.summary)).toEqual(['files', 'graded', 'failed', 'belowMark', 'notRead', 'parts', 'misconceptions', 'copies']);
    const [ada] = parsed.files;
    for (const key of ['path', 'status', 'score', 'maxScore', 'errors', 'warnings', 'exercises']) expect(ada).toHaveProperty(key);
    expect(Object.keys(ada.errors[0])).toEqual(expect.arrayContaining(['path', 'line', 'message']));
    expect(Object.keys(ada.warnings[0])).toEqual(expect.arrayContaining(['path', 'message']));
    for (const key of ['id', 'score', 'maxScore', 'parts']) expect(ada.exercises[0]).toHaveProperty(key);
    expect(Object.keys(ada.exercises[0].parts[0])).toEqual(expect.arrayContaining(['id', 'verdict', 'feedback']));
  });

  it('matches the report schema and DESIGN.md’s example values', () => {
    expect(ReportSchema.safeParse(parsed).success).toBe(true);
    const [ada, bad] = parsed.files;
    expect(ada).toMatchObject({ path: 'submissions/ada.yaml', status: 'graded', score: 16, maxScore: 19 });
    expect(ada.warnings).toEqual([
      {
        path: 'learner', line: 2, column: 1, code: 'learner-ignored',
        message: "this file names learner 'ada@example.edu' but variants are off, so it was graded against the post's numbers",
      },
      { path: 'answers.relu-swp', line: 24, column: 3, message: "unknown exercise 'relu-swp'; did you mean 'relu-swap'?", code: 'unknown-exercise' },
    ]);
    expect(ada.errors).toMatchObject([{ path: 'answers.saturation.ratio', line: 22 }]);
    expect(bad).toMatchObject({ status: 'error', errors: [{ code: 'duplicate-key', line: 3 }] });
  });

  it('counts failed files: unreadable ones and those below --min-score', () => {
    expect(parsed.summary).toMatchObject({ files: 3, graded: 2, failed: 2, belowMark: 1, notRead: 1 });
    expect(JSON.parse(formatJson(sampleReports())).summary).toMatchObject({ files: 3, graded: 2, failed: 1, belowMark: 0, notRead: 1 });
  });
});
