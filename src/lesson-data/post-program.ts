/**
 * The TypeScript twin of the corrected program lesson 5 shows in Python
 * (post-program.py, shown as it is): the same loops and print formats, so the
 * tests can run it. The engine computes the same printout independently
 * (measuring.ts), and tests check the twin against the engine for several
 * depths and weights, and the Python against the twin line by line.
 */

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const slope = (z: number) => sigmoid(z) * (1 - sigmoid(z));
/** Python's `:.2e`: two exponent digits, e.g. 1.56e-05. */
const sci = (v: number) => v.toExponential(2).replace(/e([+-])(\d)$/, 'e$10$2');
/** Python's `:,.0f`: rounded, thousands grouped. */
const grouped = (v: number) => String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function measureDecay(depth = 4, w = 0.1, x = 1): string {
  // Forward: z_k = w · a_(k-1), a_k = σ(z_k), from layer 1 up.
  const a = [x];
  const z: number[] = [];
  for (let k = 1; k <= depth; k++) {
    z[k] = w * a[k - 1]!;
    a[k] = sigmoid(z[k]!);
  }
  // Backward, as the post's table counts: g_k = ∂a_top/∂a_k, 1 at the top hidden layer.
  // The fix: each step down multiplies by w · σ′ of the layer ABOVE (the post's loop used
  // the layer's own slope, which counts one factor too many).
  const g: number[] = [];
  g[depth] = 1;
  for (let k = depth - 1; k >= 1; k--) g[k] = g[k + 1]! * w * slope(z[k + 1]!);

  const lines = ['Forward pass:'];
  for (let k = 1; k <= depth; k++) {
    lines.push(`  Layer ${k}: z=${z[k]!.toFixed(4)}  σ(z)=${a[k]!.toFixed(4)}  σ'(z)=${slope(z[k]!).toFixed(4)}`);
  }
  lines.push('', `Backward pass (∂a${depth}/∂ak at each layer):`);
  for (let k = 1; k <= depth; k++) lines.push(`  Layer ${k}: ${sci(g[k]!)}`);
  lines.push('', `Ratio layer ${depth} / layer 1: ${grouped(g[depth]! / g[1]!)}x`);
  return lines.join('\n');
}
