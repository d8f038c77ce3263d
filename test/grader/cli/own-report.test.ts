import { describe, expect, it } from 'vitest';
import { isGraderReport } from '../../../grader/cli/own-report.ts';
import { formatJson } from '../../../grader/report/json-report.ts';
import { sampleReports } from '../report/sample.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('isGraderReport', () => {
  it("recognises the grader's own JSON report, of one file or of none", () => {
    expect(isGraderReport(bytes(formatJson(sampleReports())))).toBe(true);
    expect(isGraderReport(bytes(formatJson([])))).toBe(true);
    expect(isGraderReport(bytes(JSON.stringify(JSON.parse(formatJson(sampleReports())), null, 2)))).toBe(true);
  });

  it('recognises a report whose summary key is written with escapes', () => {
    expect(isGraderReport(bytes('{"files": [], "summ\\u0061ry": {}}'))).toBe(true);
  });

  it('grades answers files, whatever they mention', () => {
    expect(isGraderReport(bytes('{"answers": {"saturation": {"ratio": 35.3}}}'))).toBe(false);
    expect(isGraderReport(bytes('{"files": [], "summary": {}, "answers": {}}'))).toBe(false);
    expect(isGraderReport(bytes('{"files": [], "note": "no \\"summary\\" here"}'))).toBe(false);
    expect(isGraderReport(bytes('files: []\nsummary: {}\n'))).toBe(false);
    expect(isGraderReport(bytes('{"files": [], "summary": {'))).toBe(false);
  });
});
