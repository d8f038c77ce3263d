/**
 * Crafted YAML answer files of at most 256 KiB whose structure no answers
 * file needs (decisions: hostile classes; one cost up to 2 s of CPU in the YAML library).
 * Shared by test/grader/yaml-precheck.test.ts and bench/yaml.ts.
 */
import { MAX_BYTES } from '../../grader/read/answers-file.ts';

/** Repeats `unit` as often as fits in `budget` bytes (ASCII units). */
const fill = (unit: string, budget: number) => unit.repeat(Math.floor(budget / unit.length));
const B = MAX_BYTES - 64;
const half = Math.floor(B / 2);

/** Name → text, each within the size limit. */
export function craftedYaml(): Record<string, string> {
  const deepFlow = Math.floor(half);
  const blockLevels = Math.floor(Math.sqrt(2 * B)) - 2;
  return {
    'deep flow sequences': `${'['.repeat(deepFlow)}${']'.repeat(deepFlow)}`,
    'deep flow mappings': `${fill('{a: ', half * 0.8)}1${'}'.repeat(Math.floor((half * 0.8) / 4))}`,
    'deep flow under answers': `answers:\n  relu-swap: ${'['.repeat(half - 20)}${']'.repeat(half - 20)}\n`,
    'long flow sequence': `[${fill('1,', B - 4)}1]`,
    'long flow mapping': `{${Array.from({ length: Math.floor(B / 12) }, (_, i) => `k${i}: 1`).join(', ')}}`,
    'nested flow, many items': `[${fill('[1,1,1,1,1,1],', B - 4)}1]`,
    'long block sequence': fill('- 1\n', B),
    'empty block entries': fill('-\n', B),
    'inline dashes': `${fill('- ', B - 2)}x`,
    'deep block mappings': Array.from({ length: blockLevels }, (_, i) => `${' '.repeat(i)}a:`)
      .join('\n')
      .slice(0, B),
    'thousands of anchors': Array.from({ length: Math.floor(B / 20) }, (_, i) => `k${i}: &a${i} ${i}`).join('\n'),
    'anchors and aliases': `a: &x [1, 2, 3]\nb: [${fill('*x, ', B - 40)}*x]\n`,
    'many keys': Array.from({ length: Math.floor(B / 16) }, (_, i) => `key${i}: ${i}`).join('\n'),
    'explicit keys': fill('? a\n: b\n', B),
    'tags everywhere': `[${fill('!!str a, ', B - 4)}a]`,
    'quoted keys': Array.from({ length: Math.floor(B / 14) }, (_, i) => `"k${i}": "v"`).join('\n'),
  };
}
