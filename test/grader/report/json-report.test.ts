import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../grader/report/json-report.ts';
import { createGrader } from '../../../grader/grade/grader.ts';
import { toReport } from '../../../grader/report/facts.ts';
import { ReportSchema } from '../../../grader/schema.ts';
import { sampleReports } from './sample.ts';

const { gradeText } = createGrader();

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
    expect(ada).toMatchObject({ path: 'submissions/ada.yaml', status: 'graded', score: 16, maxScore: 19 }); // the sample: the post's five
    expect(ada.warnings).toEqual([
      {
        path: 'learner',
        line: 2,
        column: 1,
        code: 'learner-ignored',
        message: "this file names learner 'ada@example.edu' but variants are off, so it was graded against the post's numbers",
      },
      {
        path: 'answers.relu-swp',
        line: 24,
        column: 3,
        message: "unknown exercise 'relu-swp'; did you mean 'relu-swap'?",
        code: 'unknown-exercise',
      },
    ]);
    expect(ada.errors).toMatchObject([{ path: 'answers.saturation.ratio', line: 22 }]);
    expect(bad).toMatchObject({ status: 'error', errors: [{ code: 'duplicate-key', line: 3 }] });
  });

  it('counts failed files: unreadable ones and those below --min-score', () => {
    expect(parsed.summary).toMatchObject({ files: 3, graded: 2, failed: 2, belowMark: 1, notRead: 1 });
    expect(JSON.parse(formatJson(sampleReports())).summary).toMatchObject({ files: 3, graded: 2, failed: 1, belowMark: 0, notRead: 1 });
  });

  describe('layout: one line per file, the summary indented', () => {
    // A learner id and an answer carrying every kind of character the formatter must escape.
    const hostile = gradeText(
      'learner: "ada\u202e\u2028\u0085\u007f@example.edu"\nanswers:\n  saturation:\n    ratio: "35\u2066\u061c"\n',
      { path: 'submissions/odd\u200e.yaml' },
    );
    const reports = [...sampleReports(), hostile];
    const text = formatJson(reports, { minScore: 50 });

    it('holds exactly the data of the whole report (what the pretty-printed form held)', () => {
      const data = JSON.parse(text);
      expect(data).toEqual(JSON.parse(JSON.stringify(toReport(reports, { minScore: 50 }), null, 2)));
      expect(ReportSchema.safeParse(data).success).toBe(true);
      expect(data.files[3].learner).toBe('ada\u202e\u2028\u0085\u007f@example.edu');
    });

    it('writes each file report on a line of its own and nothing invisible raw', () => {
      const lines = text.split('\n');
      expect(lines.slice(0, 2)).toEqual(['{', '  "files": [']);
      for (const [i, report] of reports.entries())
        expect(JSON.parse(lines[2 + i]!.trim().replace(/,$/, ''))).toEqual(JSON.parse(JSON.stringify(report)));
      expect(lines[2 + reports.length]).toBe('  ],');
      expect(lines[3 + reports.length]).toBe('  "summary": {');
      expect(lines.at(-2)).toBe('}');
      expect(lines.at(-1)).toBe('');
      expect(text).not.toMatch(/[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
      expect(text).toContain('ada\\u202e\\u2028\\u0085\\u007f@example.edu');
    });

    it('keeps the roster check the same', () => {
      const roster = [
        { learner: 'Ada@example.edu', key: 'ada@example.edu' },
        { learner: 'grace@example.edu', key: 'grace@example.edu' },
      ];
      const data = JSON.parse(formatJson(reports, { roster }));
      expect(data).toEqual(JSON.parse(JSON.stringify(toReport(reports, { roster }))));
      expect(data.summary.roster).toBeDefined();
    });

    it('writes an empty list of files as []', () => {
      expect(JSON.parse(formatJson([]))).toEqual(JSON.parse(JSON.stringify(toReport([]))));
      expect(formatJson([])).toMatch(/^\{\n {2}"files": \[\],\n {2}"summary": \{\n/);
    });
  });
});
