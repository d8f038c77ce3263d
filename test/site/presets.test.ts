/**
 * The lab presets do what the text that sends the reader to them says: every
 * preset link in a lesson names a preset, lesson 6's long-run link opens the
 * run its paragraph describes, lesson 7's residual link states the preset's
 * depth, and "Xavier against every weight 0.1" ends with a difference to see.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_PRESETS, LAB_PRESET_NAMES, presetSettings, type LabPresetName } from '../../src/lesson-data/race-config.ts';
import { ESCAPE_DEPTH, LONG_EPOCHS } from '../../src/lesson-data/training-notes.ts';
import { createLabRun } from '../../src/islands/lab/runner.ts';

const LESSONS = join(import.meta.dirname, '../../content/lessons');
const read = (slug: string) => readFileSync(join(LESSONS, `${slug}.mdx`), 'utf8');
/** Each preset link with the text of its paragraph. */
const links = readdirSync(LESSONS)
  .filter((f) => f.endsWith('.mdx'))
  .flatMap((f) =>
    readFileSync(join(LESSONS, f), 'utf8')
      .split(/\n\s*\n/)
      .flatMap((para) => [...para.matchAll(/#lab:preset=([\w-]+)/g)].map((m) => ({ file: f, preset: m[1]!, para }))),
  );

const finalLoss = (name: LabPresetName) => {
  const run = createLabRun(presetSettings(name));
  run.step();
  while (!run.done()) run.step();
  return run.trainers.map((t) => t.history.at(-1)!.loss);
};

describe('preset links', () => {
  it('every one names a preset', () => {
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const l of links) expect(LAB_PRESET_NAMES, `${l.file}: ${l.preset}`).toContain(l.preset);
  });

  it('lesson 6 sends the reader to the run its paragraph describes: the escape depth, trained for the long run', () => {
    const para = links.find((l) => l.file === 'training.mdx' && /leaves it/.test(l.para))!;
    expect(para, 'the escape paragraph links a preset').toBeDefined();
    expect(presetSettings(para.preset as LabPresetName)).toMatchObject({ depth: ESCAPE_DEPTH, epochs: LONG_EPOCHS });
  });

  it('lesson 7 states the residual preset’s depth from the preset', () => {
    const para = links.find((l) => l.preset === 'residual-depth-10')!;
    expect(para.para).toContain("{LAB_PRESETS['residual-depth-10'].settings.depth} layers deep");
    expect(read('fixes')).not.toMatch(/residual preset[^.]*such a network\./);
  });

  it('"Xavier against every weight 0.1" ends with a visible difference, not a tie at ln 2 (engine run)', () => {
    const [xavier, constant] = finalLoss('xavier-vs-constant');
    expect(LAB_PRESETS['xavier-vs-constant'].settings.networks[1]!.init).toBe('constant');
    expect(constant! - xavier!).toBeGreaterThan(0.1);
  });
});
