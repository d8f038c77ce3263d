import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, type Collected } from '../../../grader/cli/walk.ts';

function tempDir(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'grader-walk-')));
}

function files(result: ReturnType<typeof collect>): Collected {
  if ('error' in result) throw new Error(result.error);
  return result;
}

/** [path, problem code or 'ok'] for each entry, paths relative to `dir`. */
function listed(result: ReturnType<typeof collect>, dir: string): [string, string][] {
  return files(result).files.map((f) => [
    f.path.startsWith(dir) ? f.path.slice(dir.length + 1) : f.path,
    f.problem ? `${f.problem.code}: ${f.problem.message}` : 'ok',
  ]);
}

describe('collect (the folder walk)', () => {
  it('follows a symbolic link only when its real path stays inside the graded folder (decisions: hostile submissions)', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.env'), 'TOKEN=hunter2\n');
    writeFileSync(join(outside, 'other.yaml'), 'answers: {}\n');
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'ada.yaml'), 'answers: {}\n');
    symlinkSync(join(dir, 'real', 'ada.yaml'), join(dir, 'inside.yaml'));
    symlinkSync(join(outside, 'secret.env'), join(dir, 'env.yaml'));
    symlinkSync('/proc/self/environ', join(dir, 'environ.yaml'));
    symlinkSync(outside, join(dir, 'outside-folder'));
    symlinkSync(join(outside, 'secret.env'), join(dir, 'notes.txt')); // not an answers file: not graded, not reported
    expect(listed(collect([dir], { base: dir }), dir)).toEqual([
      ['env.yaml', 'symlink: a symbolic link to a place outside the graded folder; links are followed only inside it, so it was not read'],
      [
        'environ.yaml',
        'symlink: a symbolic link to a place outside the graded folder; links are followed only inside it, so it was not read',
      ],
      [
        'outside-folder',
        'symlink: a symbolic link to a place outside the graded folder; links are followed only inside it, so it was not read',
      ],
      ['real/ada.yaml', 'ok'], // inside.yaml is a link to it: one file, graded once, under its own path (decisions: hostile classes)
    ]);
    // The link inside and its target are one file: read from the real path.
    expect(files(collect([dir], { base: dir })).files.find((f) => f.path.endsWith('ada.yaml'))?.real).toBe(join(dir, 'real', 'ada.yaml'));
  });

  it("never grades a classmate's file under a link's path: the real file keeps its row, and every other name is reported (decisions: hostile classes)", () => {
    const dir = tempDir();
    for (const name of ['hw1-adam', 'hw1-bea', 'hw1-zoe']) mkdirSync(join(dir, name));
    writeFileSync(join(dir, 'hw1-zoe', 'answers.yaml'), 'answers: {}\n');
    symlinkSync('../hw1-zoe/answers.yaml', join(dir, 'hw1-adam', 'answers.yaml')); // sorts before Zoe's own
    symlinkSync('../hw1-zoe', join(dir, 'hw1-bea', 'work')); // a link to her whole folder
    const result = files(collect(['.', 'hw1-zoe/answers.yaml', './hw1-zoe/answers.yaml'], { base: dir }));
    expect(result.files.map((f) => [f.path, f.real])).toEqual([['hw1-zoe/answers.yaml', join(dir, 'hw1-zoe', 'answers.yaml')]]);
    expect(result.files[0]!.spellings).toEqual([
      { path: './hw1-zoe/answers.yaml', link: false },
      { path: 'hw1-adam/answers.yaml', link: true },
      { path: 'hw1-bea/work/answers.yaml', link: true },
    ]);
    expect(result.notes).toEqual([
      "'./hw1-zoe/answers.yaml' is the file 'hw1-zoe/answers.yaml' again: graded once, under 'hw1-zoe/answers.yaml'",
      "'hw1-adam/answers.yaml' is a symbolic link to 'hw1-zoe/answers.yaml': graded once, under 'hw1-zoe/answers.yaml'",
      "'hw1-bea/work/answers.yaml' is a symbolic link to 'hw1-zoe/answers.yaml': graded once, under 'hw1-zoe/answers.yaml'",
    ]);
    // A link given by name is graded under its target's path too.
    expect(files(collect(['hw1-adam/answers.yaml'], { base: dir })).files.map((f) => f.path)).toEqual(['hw1-zoe/answers.yaml']);
  });

  it('reports symlink loops (a self-link, a ↔ b) instead of crashing, and grades the rest (decisions: messy classes)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ada.yaml'), 'answers: {}\n');
    symlinkSync('self', join(dir, 'self'));
    symlinkSync('b.yaml', join(dir, 'a.yaml'));
    symlinkSync('a.yaml', join(dir, 'b.yaml'));
    symlinkSync('.', join(dir, 'here')); // a link back up: inside, listed once, no loop
    expect(listed(collect([dir], { base: dir }), dir)).toEqual([
      ['a.yaml', 'symlink: a symbolic link that leads back to itself (a loop), so it was not read'],
      ['ada.yaml', 'ok'],
      ['b.yaml', 'symlink: a symbolic link that leads back to itself (a loop), so it was not read'],
      ['self', 'symlink: a symbolic link that leads back to itself (a loop), so it was not read'],
    ]);
  });

  it('walks 2,000 nested folders without recursion (decisions: hostile submissions; the recursive walk overflowed the stack)', {
    timeout: 60_000,
  }, () => {
    const dir = tempDir();
    let deep = dir;
    for (let i = 0; i < 2000; i++) deep = join(deep, 'a');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'x.yaml'), 'answers: {}\n');
    const found = files(collect([dir], { base: dir })).files;
    expect(found).toHaveLength(1);
    expect(found[0]!.path.split('/').filter((p) => p === 'a')).toHaveLength(2000);
    expect(found[0]!.problem).toBeUndefined();
  });

  it("grades a file once however it is spelled, and resolves relative paths from the caller's folder (decisions: messy classes)", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'ada.yaml'), 'answers: {}\n');
    const result = files(
      collect(['sub/ada.yaml', './sub/ada.yaml', join(dir, 'sub', 'ada.yaml'), 'sub', 'sub/../sub/ada.yaml'], { base: dir }),
    );
    expect(result.files.map((f) => f.path)).toEqual(['sub/ada.yaml']);
    expect(collect(['nope.yaml'], { base: dir })).toEqual({ error: "'nope.yaml' does not exist" });
    expect(collect(['sub/ada.yaml/x.yaml'], { base: dir })).toEqual({ error: "'sub/ada.yaml/x.yaml' does not exist" });
  });

  it('skips hidden entries, node_modules, __MACOSX and the --out file; warns about near-miss names (decisions: messy classes)', () => {
    const dir = tempDir();
    for (const sub of ['__MACOSX', '.git', 'node_modules']) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'ada.yaml'), 'answers: {}\n');
    }
    writeFileSync(join(dir, '._ada.yaml'), '\u0000\u0005\u0016\u0007');
    writeFileSync(join(dir, 'ada.yaml'), 'answers: {}\n');
    writeFileSync(join(dir, 'report.json'), '{}');
    writeFileSync(join(dir, 'bob.yaml.txt'), 'answers: {}\n');
    writeFileSync(join(dir, 'cy.json.txt'), '{}');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const result = files(collect(['.'], { base: dir, exclude: [join(dir, 'report.json')] }));
    expect(result.files.map((f) => f.path)).toEqual(['ada.yaml']);
    expect(result.notes).toEqual([
      "skipped 'bob.yaml.txt': its name ends in an extra extension; rename it to 'bob.yaml' to grade it",
      "skipped 'cy.json.txt': its name ends in an extra extension; rename it to 'cy.json' to grade it",
    ]);
  });
});
