/**
 * Measuring the decay: the anchor network's forward and backward trace,
 * computed by the course engine and printed in the same number formats as
 * the post's program (4 decimals, 2-digit exponents, a grouped ratio).
 *
 *   npm run trace                      # the post's program as written (code convention)
 *   npm run trace -- --convention blog # the post's trace table instead
 */
import { anchorNetwork, traceChain } from '../engine/chain.ts';

export interface TraceReportOptions {
  /** 'code' runs the post's loop as written; 'blog' follows its trace table. */
  convention?: 'code' | 'blog';
  depth?: number;
  w?: number;
  x?: number;
  learningRate?: number;
}

/** Fixed decimals, like Python's `:.4f`. */
export const fixed = (v: number, digits: number) => v.toFixed(digits);
/** Python's `:.2e`: at least two exponent digits, e.g. 3.89e-07. */
export const sci = (v: number) => v.toExponential(2).replace(/e([+-])(\d)$/, 'e$10$2');
/** Python's `:,.0f`: rounded, thousands grouped with commas. */
export const grouped = (v: number) => String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The whole printout as text; pure, so the lesson renders it at build time and a test can check it. */
export function traceReport(options: TraceReportOptions = {}): string {
  const { convention = 'code', depth = 4, w = 0.1, x = 1, learningRate = 0.01 } = options;
  const spec = anchorNetwork({ depth, w, x });
  const { forward, backward } = traceChain(spec, { convention: { kind: convention }, learningRate });
  const { deltas } = backward;
  const first = deltas[0]!;
  const last = deltas[depth - 1]!;
  const lines = [`Forward pass (x = ${x}, w = ${w}, b = 0):`];
  forward.layers.forEach((l, k) => {
    lines.push(`  layer ${k + 1}: z = ${fixed(l.z, 4)}   σ(z) = ${fixed(l.a, 4)}   σ'(z) = ${fixed(l.df, 4)}`);
  });
  lines.push('', `Backward pass, ${convention} convention (δ at each layer):`);
  deltas.forEach((d, k) => lines.push(`  layer ${k + 1}: δ = ${sci(d)}`));
  // Like the post's program: ΔW = η·δ, without the input factor or the minus sign.
  lines.push(
    '',
    `Update at layer 1 (η = ${learningRate}): ΔW = ${sci(learningRate * first)}`,
    `Update at layer ${depth} (η = ${learningRate}): ΔW = ${sci(learningRate * last)}`,
    `δ${depth} / δ1 = ${grouped(last / first)}x`,
  );
  return lines.join('\n');
}

/** `--convention blog|code` from the command line; anything else is a usage error. */
export function parseArgs(argv: readonly string[]): TraceReportOptions | string {
  if (argv.length === 0) return {};
  const [flag, value] = argv;
  if (argv.length === 2 && flag === '--convention' && (value === 'blog' || value === 'code')) return { convention: value };
  return `usage: npm run trace [-- --convention blog|code]`;
}

if (import.meta.main) {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(parsed);
    process.exitCode = 2;
  } else {
    console.log(traceReport(parsed));
  }
}
