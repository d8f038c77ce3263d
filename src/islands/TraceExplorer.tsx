/**
 * The measuring lesson's trace, live: change the depth and the weight of the
 * anchor network and see the engine's forward and backward trace. The first
 * frame (the post's network) is rendered at build time, so without JavaScript
 * the page still shows the default trace.
 */
import { useMemo, useState } from 'preact/hooks';
import { anchorNetwork, traceChain } from '../../engine/chain.ts';
import { formatNumber, readable } from '../../engine/format.ts';
import './islands.css';

export interface TraceExplorerProps {
  id?: string;
  depth?: number;
  w?: number;
}

export const TRACE_DEPTH_RANGE = [2, 10] as const;
export const TRACE_W_RANGE = [-4, 4] as const;

/** Subscript digits, e.g. 4 → ₄. */
const sub = (k: number) => String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);

const clamp = (v: number, [lo, hi]: readonly [number, number], fallback: number) =>
  Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;

/** The rows the explorer shows, input side first: z, a, σ′(z), the post's ∂aₙ/∂aₖ and the course's δₖ = ∂L/∂zₖ. */
export function traceRows(depth: number, w: number) {
  const spec = anchorNetwork({ depth, w });
  const table = traceChain(spec, { convention: { kind: 'blog' } });
  const real = traceChain(spec, { convention: { kind: 'loss', loss: 'bce', y: 1 } });
  const rows = table.forward.layers.map((l, k) => ({
    layer: k + 1,
    z: l.z,
    a: l.a,
    df: l.df,
    g: table.backward.deltas[k]!,
    delta: real.backward.deltas[k]!,
  }));
  return {
    rows,
    gRatio: table.backward.lastOverFirst,
    deltaRatio: real.backward.lastOverFirst,
    weightGradRatio: real.backward.weightGrads[depth - 1]! / real.backward.weightGrads[0]!,
  };
}

export default function TraceExplorer({ id = 'trace', depth: d0 = 4, w: w0 = 0.1 }: TraceExplorerProps) {
  const [depth, setDepth] = useState(d0);
  const [w, setW] = useState(w0);
  const result = useMemo(() => traceRows(depth, w), [depth, w]);
  const cid = (name: string) => `${id}-${name}`;
  const n = depth;
  const summary =
    result.deltaRatio >= 1
      ? `δ${sub(n)} / δ₁ = ${readable(result.deltaRatio)}: layer 1's δ is ${readable(result.deltaRatio)} times smaller than layer ${n}'s.`
      : `δ${sub(n)} / δ₁ = ${readable(result.deltaRatio)}: layer 1's δ is ${readable(1 / result.deltaRatio)} times larger than layer ${n}'s.`;

  return (
    <figure class="vg-island vg-trace-explorer" data-island="trace-explorer" id={id}>
      <figcaption>
        The anchor network with {n} sigmoid hidden layers, input x = 1, every weight w = {readable(w)}, every bias 0, label y = 1,
        traced by the course engine. Rows run from layer 1 (next to the input) down to layer {n} (next to the output).
      </figcaption>
      <p class="vg-needs-js">
        Changing the depth or the weight needs JavaScript, which is off in this browser; the trace below is the post's network,
        computed when the site was built.
      </p>
      <div class="vg-controls not-content">
        <label for={cid('depth')}>
          Hidden layers
          <input id={cid('depth')} type="range" min={TRACE_DEPTH_RANGE[0]} max={TRACE_DEPTH_RANGE[1]} step={1} value={depth}
            onInput={(e) => setDepth(Math.round(clamp(Number(e.currentTarget.value), TRACE_DEPTH_RANGE, d0)))} />
          <output for={cid('depth')}>{depth}</output>
        </label>
        <label for={cid('w')}>
          Weight w
          <input id={cid('w')} type="number" min={TRACE_W_RANGE[0]} max={TRACE_W_RANGE[1]} step={0.05} value={w}
            onChange={(e) => setW(clamp(Number(e.currentTarget.value), TRACE_W_RANGE, w0))} />
        </label>
      </div>
      <p aria-live="polite" data-readout="summary">{summary}</p>
      <div class="vg-scroll" tabIndex={0} role="region" aria-label={`Trace of ${n} layers`}>
        <table class="vg-table" data-readout="trace">
          <caption class="sr-only">Forward and backward trace, layer 1 first</caption>
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">z</th>
              <th scope="col">a = σ(z)</th>
              <th scope="col">σ′(z)</th>
              <th scope="col">post’s table ∂a{sub(n)}/∂aₖ</th>
              <th scope="col">δₖ = ∂L/∂zₖ</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr data-layer={r.layer}>
                <th scope="row">{r.layer}</th>
                <td>{formatNumber(r.z)}</td>
                <td>{formatNumber(r.a)}</td>
                <td>{formatNumber(r.df)}</td>
                <td>{formatNumber(r.g)}</td>
                <td>{formatNumber(r.delta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="vg-caption">
        Weight gradients ∂L/∂wₖ = δₖ · aₖ₋₁: layer {n}'s is {readable(result.weightGradRatio)} times layer 1's. The post's table
        measure, ∂a{sub(n)}/∂a{sub(n)} over ∂a{sub(n)}/∂a₁, gives {readable(result.gRatio)}.
      </p>
    </figure>
  );
}
