/** --out is replaced only by a complete report (decisions: hostile classes; a failure used to leave an earlier report empty). */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOut } from '../../../grader/cli/write-out.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'vg-out-'));

describe('writeOut', () => {
  it('keeps the earlier report, and leaves no temporary file, when the report fails half-way', () => {
    const dir = folder();
    const out = join(dir, 'report.md');
    writeFileSync(out, 'the earlier report\n');
    function* failing(): Generator<string> {
      yield 'half of a report\n'.repeat(100_000); // more than one write
      throw new RangeError('Maximum call stack size exceeded');
    }
    expect(writeOut('report.md', out, failing())).toBe(
      "cannot write --out 'report.md' (Maximum call stack size exceeded); any earlier file there is left as it was",
    );
    expect(readFileSync(out, 'utf8')).toBe('the earlier report\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('replaces the report whole once it exists, and writes through a link to its target', () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.md'), 'old\n');
    symlinkSync('real.md', join(dir, 'report.md'));
    expect(writeOut('report.md', join(dir, 'report.md'), ['new', ' report\n'])).toBeUndefined();
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toBe('new report\n');
    expect(readdirSync(dir).sort()).toEqual(['real.md', 'report.md']);
  });
});
