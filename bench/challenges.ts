/**
 * The lab challenges' replay cost: per challenge, the CPU time of one replay
 * of its passing setup and of the most expensive setup its limits allow
 * (DESIGN.md: ≤ 1 s CPU each); then a class of 200 answer files with all four
 * challenges answered, every setup distinct (so nothing is served from the
 * grader's cache), graded in process and by the CLI as an instructor runs it
 * (the issue's figure: under a minute on two cores). Printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHALLENGES,
  gradeSetup,
  solutionSetup,
  writeSetup,
  type ChallengeDefinition,
  type LabSetup,
} from '../exercises/challenges/index.ts';
import { createGrader } from '../grader/grade/grader.ts';
import { gradeCommand } from './grade-command.ts';

const { gradeText } = createGrader();

const cpuMs = (f: () => void): number => {
  const t0 = process.cpuUsage();
  f();
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The most training the challenge's limits allow: the top of every range it lets change (depth, epochs). */
function heaviest(c: ChallengeDefinition): LabSetup {
  const s = c.solution(c.canonical);
  const rules = c.rules(c.canonical).shared;
  const top = (key: 'depth' | 'epochs') => (rules[key].kind === 'range' ? rules[key].hi : s[key]);
  return { ...s, depth: top('depth'), epochs: top('epochs') };
}

console.log('One replay (CPU, median of 3 after one warm-up):');
for (const c of CHALLENGES) {
  const cases: [string, string][] = [
    ['passing setup', solutionSetup(c)],
    ['heaviest allowed', writeSetup(heaviest(c))],
  ];
  for (const [what, setup] of cases) {
    gradeSetup(c, setup);
    const ms = median([0, 1, 2].map(() => cpuMs(() => gradeSetup(c, setup))));
    console.log(`  ${c.id.padEnd(20)} ${what.padEnd(16)} ${ms.toFixed(0).padStart(5)} ms (budget ≤ 1000 ms)`);
  }
}

/**
 * File i's setup for a challenge: its passing setup with a learning rate of its own (or, where the challenge fixes the
 * learning rate, a constant weight of its own), so no two files share one and every setup is replayed.
 */
function fileSetup(c: ChallengeDefinition, i: number): string {
  const s = c.solution(c.canonical);
  const key = c.rules(c.canonical).shared.learningRate.kind === 'range' ? 'learningRate' : 'constantW';
  return writeSetup({ ...s, [key]: Number((s[key] * (0.6 + (0.8 * i) / 200)).toPrecision(6)) });
}

const FILES = 200;
const docs = Array.from(
  { length: FILES },
  (_, i) => `learner: s${i}@example.edu\nanswers:\n${CHALLENGES.map((c) => `  ${c.id}: "${fileSetup(c, i)}"`).join('\n')}\n`,
);
// Count what the class holds: setups replayed (right or wrong) against those refused unread.
const check = createGrader()
  .gradeText(docs[FILES - 1]!, { path: 'last.yaml' })
  .exercises.flatMap((e) => e.parts.filter((p) => p.id === 'setup'));
console.log(`\n(each file: ${check.filter((p) => p.verdict !== 'invalid').length} of ${check.length} setups replayed)`);
const wall0 = performance.now();
const cpu = cpuMs(() => docs.forEach((text, i) => gradeText(text, { path: `s${i}.yaml` })));
console.log(
  `\nA class of ${FILES} files, four challenges each, distinct setups, in process: ${(cpu / 1000).toFixed(1)} s CPU, ${((performance.now() - wall0) / 1000).toFixed(1)} s wall (one thread; the budget is the CLI's, next line)`,
);

const dir = mkdtempSync(join(tmpdir(), 'vg-challenges-'));
try {
  mkdirSync(join(dir, 'class'));
  docs.forEach((text, i) => writeFileSync(join(dir, 'class', `s${i}.yaml`), text));
  const [node, ...args] = gradeCommand();
  const t0 = performance.now();
  const run = spawnSync(node, [...args, join(dir, 'class'), '--format', 'json', '--out', join(dir, 'report.json')], { encoding: 'utf8' });
  console.log(
    `The same class through the CLI (npm run grade's command, JSON report): ${((performance.now() - t0) / 1000).toFixed(1)} s wall, exit ${run.status} (budget < 60 s)`,
  );
  if (run.status !== 0 && run.status !== 1) console.log(run.stderr);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
