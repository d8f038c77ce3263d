/**
 * `node bench/yaml.ts`: CPU time of reading each crafted 256 KiB YAML file
 * (test/grader/yaml-fixtures.ts) through readAnswersText, as the grader does,
 * median of three runs after one to warm up; printed, never asserted.
 * DESIGN.md's budget: milliseconds per file (the pre-check refuses what no
 * answers file needs before the YAML library parses it); the recap line
 * holds it to 50 ms, a generous "milliseconds" on a loaded machine.
 */
import { readAnswersText } from '../grader/read/answers-file.ts';
import { craftedYaml } from '../test/grader/yaml-fixtures.ts';

const RUNS = 3;
const cpuMs = (f: () => void): number => {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

let slowest = { name: '', ms: 0 };
console.log('reading crafted 256 KiB YAML files (BUDGET: milliseconds each)');
for (const [name, text] of Object.entries(craftedYaml())) {
  const bytes = Buffer.from(text);
  let first = '';
  cpuMs(() => void readAnswersText(bytes, 'a.yaml'));
  const runs = Array.from({ length: RUNS }, () =>
    cpuMs(() => {
      const read = readAnswersText(bytes, 'a.yaml');
      first = read.ok ? 'read' : `${read.problems[0]!.code}`;
    }),
  ).sort((a, b) => a - b);
  const ms = runs[Math.floor(RUNS / 2)]!;
  if (ms > slowest.ms) slowest = { name, ms };
  console.log(`  ${name.padEnd(26)} ${(bytes.length / 1024).toFixed(0).padStart(4)} KiB  ${ms.toFixed(1).padStart(8)} ms CPU  (${first})`);
}
console.log(
  `slowest crafted YAML file: ${slowest.name}, ${slowest.ms.toFixed(1)} ms CPU (budget < 50 ms CPU: ${slowest.ms < 50 ? 'met' : 'MISSED'})`,
);
