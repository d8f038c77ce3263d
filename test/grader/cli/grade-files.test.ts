import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultThreads, gradeFiles, gradeFound, sharePlan } from '../../../grader/cli/grade-files.ts';
import { CHALLENGES, solutionSetup } from '../../../exercises/challenges/index.ts';
import { formatCsv } from '../../../grader/report/gradebook-csv.ts';
import { formatJson } from '../../../grader/report/json-report.ts';
import { formatJunit } from '../../../grader/report/junit.ts';
import { formatMarkdown } from '../../../grader/report/markdown.ts';
import { formatText } from '../../../grader/report/text.ts';
import { collect, type Found } from '../../../grader/cli/walk.ts';
import { generatedClass, variantClass } from '../class-fixtures.ts';
import type { FileReport } from '../../../grader/schema.ts';
import { createGrader } from '../../../grader/grade/grader.ts';

/** The grader the reports are checked against: one of its own, not the one gradeFiles makes. */
const grader = createGrader();

const LOGGING_WORKER = new URL('./logging-worker.ts', import.meta.url);
let files: Found[];
let dir: string;

beforeAll(() => {
  // The generated classes (misconceptions, copies, a file with no learner, an unreadable file) several times over,
  // plus a file too large, one that is not UTF-8 and a grader report: every kind of outcome, in every slice.
  dir = mkdtempSync(join(tmpdir(), 'grade-files-'));
  const sources = [...generatedClass(), ...variantClass()];
  for (let copy = 0; copy < 4; copy++) {
    mkdirSync(join(dir, `group-${copy}`));
    for (const f of sources) writeFileSync(join(dir, `group-${copy}`, f.path), f.text);
  }
  writeFileSync(join(dir, 'huge.yaml'), `x: "${'a'.repeat(300 * 1024)}"\n`);
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
  writeFileSync(join(dir, 'report.json'), JSON.stringify({ files: [], summary: { files: 0 } }));
  const collected = collect(['.'], { base: dir });
  if ('error' in collected) throw new Error(collected.error);
  files = collected.files;
  expect(files.length).toBeGreaterThan(40);
});

let log: string;
afterEach(() => {
  delete process.env.VG_WORKER_LOG;
});

/** Files graded by each worker thread (by thread id), from the log the logging worker writes. */
function workerShares(): Map<number, number> {
  const shares = new Map<number, number>();
  if (!existsSync(log)) return shares;
  for (const line of readFileSync(log, 'utf8').trim().split('\n')) {
    const [thread, files] = line.split(' ').map(Number) as [number, number];
    shares.set(thread, (shares.get(thread) ?? 0) + files);
  }
  return shares;
}

function useLog(): void {
  log = join(mkdtempSync(join(tmpdir(), 'grade-files-log-')), 'workers.log');
  process.env.VG_WORKER_LOG = log;
}

describe('defaultThreads', () => {
  it('keeps to one thread below four cores (a worker did not pay on two) and leaves a core for the garbage collector above', () => {
    expect([1, 2, 3, 4, 5, 8, 64].map((cores) => defaultThreads(cores))).toEqual([1, 1, 1, 3, 4, 4, 4]);
  });
});

describe('sharePlan', () => {
  it('shares cheap files as defaultThreads does, in chunks of 256', () => {
    for (const cores of [1, 2, 4, 8]) {
      for (const ms of [0, 0.05, 4.9]) expect(sharePlan(ms, cores)).toEqual({ threads: defaultThreads(cores), chunk: 256 });
    }
  });

  it('gives heavy files (a challenge replay each) every core up to four, in chunks of about 100 ms of work', () => {
    expect(sharePlan(300, 2)).toEqual({ threads: 2, chunk: 1 });
    expect(sharePlan(300, 1)).toEqual({ threads: 1, chunk: 1 });
    expect(sharePlan(20, 8)).toEqual({ threads: 4, chunk: 5 });
    expect(sharePlan(5, 2)).toEqual({ threads: 2, chunk: 20 });
  });
});

describe('gradeFiles', () => {
  it.each([false, true])(
    'gives, with workers, exactly the reports of grading each file on this thread, in order (variants %s)',
    async (variants) => {
      useLog();
      const alone = files.map((found) => gradeFound(found, variants, grader));
      expect(alone.filter((g) => g === 'own-report')).toHaveLength(1);
      const failures: string[] = [];
      const texts = new Map<FileReport, string>();
      const parallel = await gradeFiles(files, {
        variants,
        workerEntry: LOGGING_WORKER,
        threads: 3,
        chunk: 5,
        gradeHere: false,
        onWorkerFailure: (r) => failures.push(r),
        texts,
      });
      expect(parallel).toEqual(alone);
      expect(failures).toEqual([]);
      // Every report format writes the same text, JSON included, with or without the text each worker sent.
      const reports = (graded: typeof alone) => graded.filter((g) => g !== 'own-report');
      expect(texts.size).toBe(reports(parallel).length);
      expect(formatJson(reports(parallel), { minScore: 80, texts })).toBe(formatJson(reports(alone), { minScore: 80 }));
      for (const format of [formatJson, formatText, formatMarkdown, formatJunit, formatCsv]) {
        expect(format(reports(parallel), { minScore: 80 })).toBe(format(reports(alone), { minScore: 80 }));
      }
      // The workers graded every file (this thread was told not to), each of them at least a chunk.
      const shares = workerShares();
      expect(shares.size).toBeGreaterThanOrEqual(1);
      expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(files.length);
    },
    60_000,
  );

  it.each(['cli.ts', 'cli.js'])(
    "works with the CLI's own entry, grader/%s, as the worker script",
    async (entry) => {
      const workerEntry = new URL(`../../../grader/${entry}`, import.meta.url);
      const failures: string[] = [];
      expect(
        await gradeFiles(files, {
          variants: true,
          workerEntry,
          threads: 2,
          chunk: 5,
          gradeHere: false,
          onWorkerFailure: (r) => failures.push(r),
        }),
      ).toEqual(files.map((f) => gradeFound(f, true, grader)));
      expect(failures).toEqual([]);
    },
    60_000,
  );

  // Files that replay the lab challenges take a few hundred milliseconds each: the timed start finds them heavy and shares them
  // in chunks of one file. Which thread grades which file depends on timing; the reports do not.
  it('gives the same reports, in order, for files heavy enough to share one at a time', async () => {
    const heavy = join(dir, 'heavy');
    mkdirSync(heavy);
    const answers = CHALLENGES.map((c) => `  ${c.id}: "${solutionSetup(c)}"`).join('\n');
    for (let i = 0; i < 6; i++) writeFileSync(join(heavy, `h${i}.yaml`), `learner: h${i}@example.edu\nanswers:\n${answers}\n`);
    const collected = collect(['.'], { base: heavy });
    if ('error' in collected) throw new Error(collected.error);
    const failures: string[] = [];
    // Variants off: every file's setups are for the post's challenges, so each one is replayed in full.
    const shared = await gradeFiles(collected.files, {
      variants: false,
      workerEntry: LOGGING_WORKER,
      cores: 2,
      onWorkerFailure: (r) => failures.push(r),
    });
    expect(shared).toEqual(collected.files.map((f) => gradeFound(f, false, grader)));
    // Every setup was replayed (or served from the cache of a thread that replayed it) and passed.
    const setups = shared.flatMap((g) => (g === 'own-report' ? [] : g.exercises.flatMap((e) => e.parts.filter((p) => p.id === 'setup'))));
    expect(setups.map((p) => p.verdict)).toEqual(Array(6 * CHALLENGES.length).fill('correct'));
    expect(failures).toEqual([]);
  }, 60_000);

  it('grades a class of fewer than two chunks per thread on this thread, without starting a worker', async () => {
    useLog();
    const few = files.slice(0, 9);
    expect(await gradeFiles(few, { variants: false, workerEntry: LOGGING_WORKER, threads: 4, chunk: 5, probeMs: 0 })).toEqual(
      few.map((f) => gradeFound(f, false, grader)),
    );
    expect(workerShares().size).toBe(0);
  });

  it('does not wait for a worker still loading when this thread has graded every chunk', async () => {
    const loading = join(dir, 'loading-worker.mjs');
    writeFileSync(loading, 'setInterval(() => {}, 1000); // never says it is ready\n');
    const failures: string[] = [];
    const graded = await gradeFiles(files, {
      variants: false,
      workerEntry: new URL(`file://${loading}`),
      threads: 4,
      chunk: 5,
      probeMs: 0,
      onWorkerFailure: (r) => failures.push(r),
    });
    expect(graded).toEqual(files.map((f) => gradeFound(f, false, grader)));
    expect(failures).toEqual([]);
  }, 10_000);

  it('grades a slice itself when its worker cannot start or fails, with the same reports', async () => {
    const alone = files.map((found) => gradeFound(found, false, grader));
    const failures: string[] = [];
    const onWorkerFailure = (reason: string) => failures.push(reason);
    const missing = new URL('./no-such-worker.ts', import.meta.url);
    expect(
      await gradeFiles(files, { variants: false, workerEntry: missing, threads: 2, chunk: 5, gradeHere: false, onWorkerFailure }),
    ).toEqual(alone);
    const failing = join(dir, 'failing-worker.mjs');
    writeFileSync(failing, "throw new Error('a worker that fails');\n");
    expect(
      await gradeFiles(files, {
        variants: false,
        workerEntry: new URL(`file://${failing}`),
        threads: 3,
        chunk: 5,
        gradeHere: false,
        onWorkerFailure,
      }),
    ).toEqual(alone);
    const quitting = join(dir, 'quitting-worker.mjs');
    writeFileSync(quitting, 'process.exit(3);\n');
    expect(
      await gradeFiles(files, {
        variants: false,
        workerEntry: new URL(`file://${quitting}`),
        threads: 2,
        chunk: 5,
        gradeHere: false,
        onWorkerFailure,
      }),
    ).toEqual(alone);
    expect(failures).toHaveLength(4);
    expect(failures[1]).toContain('a worker that fails');
    expect(failures[3]).toContain('exit code 3');
  }, 60_000);
});
