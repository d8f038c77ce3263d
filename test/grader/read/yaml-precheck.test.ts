/** The YAML pre-check (decisions: hostile classes): crafted files are refused before the library parses them, and depth is counted, not found by overflow. */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, readAnswersText } from '../../../grader/read/answers-file.ts';
import { precheckYaml, YAML_BUDGETS } from '../../../grader/read/yaml-precheck.ts';
import { blankTemplate } from '../../../grader/report/answers-template.ts';
import { POST_ANSWERS_YAML } from '../fixtures.ts';
import { craftedYaml } from '../yaml-fixtures.ts';

const firstProblem = (text: string) => {
  const read = readAnswersText(Buffer.from(text), 'a.yaml');
  return read.ok ? undefined : read.problems[0];
};

describe('the YAML pre-check', () => {
  it('refuses every crafted structure no answers file needs, before the library reads it', () => {
    const refused = Object.fromEntries(
      Object.entries(craftedYaml()).map(([name, text]) => [name, precheckYaml(text, MAX_DEPTH)?.code ?? 'read']),
    );
    expect(refused).toEqual({
      'deep flow sequences': 'too-deep',
      'deep flow mappings': 'too-deep',
      'deep flow under answers': 'too-deep',
      'long flow sequence': 'too-complex',
      'long flow mapping': 'too-complex',
      'nested flow, many items': 'too-complex',
      'long block sequence': 'too-complex',
      'empty block entries': 'too-complex',
      'inline dashes': 'too-deep',
      'deep block mappings': 'too-deep',
      'thousands of anchors': 'too-complex',
      'anchors and aliases': 'too-complex',
      'many keys': 'read', // 15,000 plain keys: the library reads these in milliseconds
      'explicit keys': 'too-complex',
      'tags everywhere': 'too-complex',
      'quoted keys': 'read',
    });
    // The library used to read these whole (each took hundreds of milliseconds).
    expect(firstProblem(craftedYaml()['long flow sequence']!)).toMatchObject({
      code: 'too-complex',
      line: 1,
      column: 1 + 2 * (YAML_BUDGETS.commas + 1),
    });
    expect(firstProblem(craftedYaml()['thousands of anchors']!)).toMatchObject({
      code: 'too-complex',
      message:
        "the file holds more than 128 anchors and aliases ('&name', '*name'), far more than an answers file needs, so it was not read",
    });
  });

  it('lets through what answers files hold: the template, the post answers, quotes, comments and block scalars with brackets', () => {
    for (const text of [
      blankTemplate(),
      POST_ANSWERS_YAML,
      'a: "[[[[[[[[[[[[[[[[[[[["\nb: \'{{{{{{{{{{{{{{{{{{{{{\'\n# [[[[[[[[[[[[[[[[[[[[[[[[\nc: x[[[[[[[[[[[[[[[[[[[[[[\nd: |\n  [[[[[[[[[[[[[[[[[[[[[\n  - - - - - - - - - - - - - - - - - -\ne: 1\n',
    ]) {
      expect(precheckYaml(text, MAX_DEPTH)).toBeUndefined();
    }
  });

  it('reports a too-deep file at the place the count passes the limit, the same on a small-stack worker as here (it used to be where the stack ran out)', async () => {
    const text = `answers:\n  relu-swap: ${'['.repeat(60_000)}${']'.repeat(60_000)}\n`;
    const here = firstProblem(text);
    // Line 2 is two levels deep (answers, relu-swap), so the 15th bracket is the 17th level: column 2 + "relu-swap: " + 15.
    expect(here).toMatchObject({ code: 'too-deep', line: 2, column: 2 + 11 + 15 });
    const read = fileURLToPath(new URL('../../../grader/read/answers-file.ts', import.meta.url));
    const worker = new Worker(
      `const { readAnswersText } = await import(${JSON.stringify(read)});
       const { parentPort, workerData } = await import('node:worker_threads');
       const r = readAnswersText(Buffer.from(workerData), 'a.yaml');
       parentPort.postMessage(r.ok ? null : r.problems[0]);`,
      { eval: true, workerData: text, resourceLimits: { stackSizeMb: 1 } },
    );
    const there = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(there).toEqual(here);
  });
});
