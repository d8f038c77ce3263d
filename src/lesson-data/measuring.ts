/**
 * The measuring lesson's printout of the corrected program, produced by the
 * engine's trace (not by the program), in the post's print formats. The
 * formats are passed in (examples/trace.ts owns them) so there is one copy.
 */
import { anchorNetwork, traceChain } from '../../engine/chain.ts';

export interface PrintFormats {
  /** Fixed decimals, like Python's `:.4f`. */
  fixed: (v: number, digits: number) => string;
  /** Python's `:.2e`. */
  sci: (v: number) => string;
  /** Python's `:,.0f`. */
  grouped: (v: number) => string;
}

/** What the corrected program prints, computed by the engine's trace (the post's table measure ∂aₙ/∂aₖ). */
export function enginePrintout(formats: PrintFormats, depth = 4, w = 0.1, x = 1): string {
  const { fixed, sci, grouped } = formats;
  const { forward, backward } = traceChain(anchorNetwork({ depth, w, x }), { convention: { kind: 'blog' } });
  const lines = ['Forward pass:'];
  forward.layers.forEach((l, k) => lines.push(`  Layer ${k + 1}: z=${fixed(l.z, 4)}  σ(z)=${fixed(l.a, 4)}  σ'(z)=${fixed(l.df, 4)}`));
  lines.push('', `Backward pass (∂a${depth}/∂ak at each layer):`);
  backward.deltas.forEach((g, k) => lines.push(`  Layer ${k + 1}: ${sci(g)}`));
  lines.push('', `Ratio layer ${depth} / layer 1: ${grouped(backward.lastOverFirst)}x`);
  return lines.join('\n');
}
