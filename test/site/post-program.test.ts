/**
 * Lesson 5 shows the corrected program in Python (post-program.py) and prints
 * the engine's output under it. The Python is held to its TypeScript twin,
 * which the lesson-data tests hold to the engine: the same update rule and the
 * same print formats; and where python3 is installed, running the Python
 * prints exactly the engine's printout.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixed, grouped, sci } from '../../examples/trace.ts';
import { enginePrintout } from '../../src/lesson-data/measuring.ts';
import { measureDecay } from '../../src/lesson-data/post-program.ts';

const DIR = join(import.meta.dirname, '../../src/lesson-data');
const python = readFileSync(join(DIR, 'post-program.py'), 'utf8');

/** Python 3 on this machine, if any (the comparison below runs only then; the structural checks always do). */
const python3 = (() => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the corrected program in Python', () => {
  it('steps down by w times the slope of the layer above, like its twin, and prints in the post’s formats', () => {
    expect(python).toContain('g[k] = g[k + 1] * w * slope(z[k + 1])');
    for (const format of [':.4f}', ':.2e}', ':,.0f}x']) expect(python).toContain(format);
    expect(measureDecay()).toBe(enginePrintout({ fixed, sci, grouped }));
  });

  it('fits a 1280 px code block: no line over 66 characters (the block is about 70 wide), and plain Python (no type annotations or `!`)', () => {
    for (const line of python.split('\n')) expect(line.length, line).toBeLessThanOrEqual(66);
    expect(python).not.toMatch(/!\)|!\]|: number|=>/);
  });

  it('prints the engine’s printout when run (where python3 exists)', () => {
    const printed = python3
      ? execFileSync('python3', [join(DIR, 'post-program.py')], { encoding: 'utf8' }).trimEnd()
      : enginePrintout({ fixed, sci, grouped });
    expect(printed).toBe(enginePrintout({ fixed, sci, grouped }));
  });
});
