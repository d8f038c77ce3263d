/**
 * The Gradescope autograder the build writes (gradescope-autograder.zip):
 * setup.sh and an executable run_autograder at the root of the zip, as
 * Gradescope's specification asks, and run_autograder, run in a copy of
 * Gradescope's folders, writes a results.json Gradescope reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundleGrader } from '../../src/integrations/grader-bundle.ts';
import { RUN_AUTOGRADER, writeGradescopeBundle } from '../../src/integrations/gradescope-bundle.ts';
import { answersToYaml } from '../../grader/report/answers-yaml.ts';
import { referenceAnswers } from '../grader/class-fixtures.ts';
import { gradescopeRead } from '../grader/lms-readers.ts';
import { PARTS, partsOf } from '../support/course.ts';

/** The zip's entries by its central directory (PKWARE APPNOTE 4.3.12): name, Unix mode, and content. */
function readZip(zip: Buffer): { name: string; mode: number; data: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const mode = zip.readUInt32LE(at + 38) >>> 16;
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + zip.readUInt32LE(at + 20));
    out.push({ name, mode, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw).subarray(0, size) });
    at += 46 + nameLength + extra;
  }
  return out;
}

describe('the Gradescope autograder bundle', () => {
  it('holds setup.sh and an executable run_autograder at its root, with grade.mjs, and run_autograder writes results.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-gradescope-'));
    await bundleGrader({ outFile: join(dir, 'grade.mjs') });
    const entries = readZip(readFileSync(await writeGradescopeBundle({ dir, graderFile: join(dir, 'grade.mjs') })));
    expect(entries.map((e) => e.name)).toEqual(['setup.sh', 'run_autograder', 'grade.mjs']);
    expect(entries[0]!.data.toString()).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(entries[1]!.mode & 0o111).toBe(0o111);
    expect(entries[2]!.data.equals(readFileSync(join(dir, 'grade.mjs')))).toBe(true);

    // Gradescope's folders, under a temporary root: the zip in source/, the learner's file in submission/.
    const root = join(dir, 'autograder');
    for (const sub of ['source', 'submission', 'results']) mkdirSync(join(root, sub), { recursive: true });
    for (const e of entries) writeFileSync(join(root, 'source', e.name), e.data);
    const answers = referenceAnswers(undefined, false);
    delete answers['relu-swap'];
    writeFileSync(join(root, 'submission', 'answers.yaml'), answersToYaml({ learner: 'ada@uni.edu', answers }));
    const script = RUN_AUTOGRADER.replaceAll('/autograder', root);
    const run = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(run.status).toBe(0);
    const results = gradescopeRead(readFileSync(join(root, 'results', 'results.json'), 'utf8'));
    expect(results.score).toBe(PARTS - partsOf('relu-swap'));
    expect(results.tests.filter((t) => t.score === 0).map((t) => t.name)).toEqual([
      'relu-swap.gradient_relu',
      'relu-swap.improvement_factor',
      'relu-swap.vanishing_gone',
    ]);

    // A submission with no answers file still gets a results.json, saying so.
    writeFileSync(join(root, 'submission', 'answers.yaml'), '');
    spawnSync('bash', ['-c', `rm ${join(root, 'submission', 'answers.yaml')} ${join(root, 'results', 'results.json')}`]);
    expect(spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }).status).toBe(0);
    expect(gradescopeRead(readFileSync(join(root, 'results', 'results.json'), 'utf8'))).toMatchObject({ score: 0, tests: [] });
  }, 120_000);
});
