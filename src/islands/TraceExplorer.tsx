/**
 * The measuring lesson's trace, live: change the depth and the weight of the
 * anchor network and see the engine's forward and backward trace. The first
 * frame (the post's network) is rendered at build time, so without JavaScript
 * the page still shows the default trace. The settings live in the URL hash,
 * so a shared link opens the same trace.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { anchorNetwork, traceChain } from '../../engine/chain.ts';
import { formatNumber, readable } from '../../engine/format.ts';
import { CheckedField } from './CheckedField.tsx';
import { numberIn, readHashState, writeHashState } from './hash-state.ts';
import { ratioText } from './ratio-text.ts';
import './islands.css';

export interface TraceExplorerProps {
  id?: string;
  depth?: number;
  w?: number;
}

export const TRACE_DEPTH_RANGE = [2, 10] as const;
/** Wide enough for the lesson's "raise it to four and beyond": w = 8 stays 8. */
export const TRACE_W_RANGE = [-10, 10] as const;

/** Subscript digits, e.g. 4 → ₄. */
const sub = (k: number) => String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);

/** The rows the explorer shows, input side first: z, a, σ′(z), the post's table value and the course's δₖ = ∂L/∂zₖ. */
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

type TraceResult = ReturnType<typeof traceRows>;

/** The explorer's reading in the course's δ; never prints NaN or Infinity (w = 0 stops every signal). */
export function traceSummary(result: TraceResult, depth: number, w: number): string {
  const top = `δ${sub(depth)}`;
  const d1 = result.rows[0]!.delta;
  const dTop = result.rows[depth - 1]!.delta;
  if (d1 === 0 || dTop === 0) {
    return w === 0
      ? `With w = 0 no signal passes back through the weights: δ₁ = 0, so there is no ratio ${top}/δ₁ to give.`
      : `Layer 1 receives no signal at all (δ₁ = 0), so there is no ratio ${top}/δ₁ to give.`;
  }
  const r = result.deltaRatio;
  if (!Number.isFinite(r)) return `The signals overflow the range of floating-point numbers for w = ${readable(w)}.`;
  return r >= 1
    ? `${top}/δ₁ = ${ratioText(r)}: layer 1's δ is ${ratioText(r)} times smaller than layer ${depth}'s.`
    : `${top}/δ₁ = ${ratioText(r)}: layer 1's δ is ${ratioText(1 / r)} times larger than layer ${depth}'s.`;
}

/** A finite ratio as text, or a dash when one side is zero. */
const ratioOrDash = (x: number) => (Number.isFinite(x) && x !== 0 ? ratioText(x) : '–');

export default function TraceExplorer({ id = 'trace', depth: d0 = 4, w: w0 = 0.1 }: TraceExplorerProps) {
  const [depth, setDepth] = useState(d0);
  const [w, setW] = useState(w0);
  const [touched, setTouched] = useState(false);
  // A shared link: read this explorer's settings from the hash once hydrated, and follow later changes.
  useEffect(() => {
    const sync = () => {
      const h = readHashState(location.hash, id);
      if (!h) return;
      setDepth(Math.round(numberIn(h.d, TRACE_DEPTH_RANGE[0], TRACE_DEPTH_RANGE[1], d0)));
      setW(numberIn(h.w, TRACE_W_RANGE[0], TRACE_W_RANGE[1], w0));
    };
    sync();
    addEventListener('hashchange', sync);
    return () => removeEventListener('hashchange', sync);
  }, [id]);
  useEffect(() => {
    if (!touched) return;
    const next = writeHashState(location.hash, id, { d: depth, w });
    if (next !== location.hash) history.replaceState(history.state, '', next);
  }, [depth, w, touched]);

  const result = useMemo(() => traceRows(depth, w), [depth, w]);
  const cid = (name: string) => `${id}-${name}`;
  const n = depth;
  const summary = traceSummary(result, n, w);

  return (
    <figure class="vg-island vg-trace-explorer" data-island="trace-explorer" id={id}>
      <figcaption>
        The anchor network with {n} sigmoid hidden layers, input x = 1, every weight w = {readable(w)}, every bias 0, label y = 1, traced by
        the course engine. Rows run from layer 1 (next to the input) down to layer {n} (next to the output).
      </figcaption>
      <p class="vg-needs-js">
        Changing the depth or the weight needs JavaScript, which is off in this browser; the trace below is the post's network, computed
        when the site was built.
      </p>
      <div class="vg-controls not-content">
        <label for={cid('depth')}>
          Hidden layers
          <input
            id={cid('depth')}
            type="range"
            min={TRACE_DEPTH_RANGE[0]}
            max={TRACE_DEPTH_RANGE[1]}
            step={1}
            value={depth}
            onInput={(e) => {
              setTouched(true);
              setDepth(Math.round(numberIn(e.currentTarget.value, TRACE_DEPTH_RANGE[0], TRACE_DEPTH_RANGE[1], depth)));
            }}
          />
          <output for={cid('depth')}>{depth}</output>
        </label>
        <CheckedField
          id={cid('w')}
          rule={{ label: 'Weight w', lo: TRACE_W_RANGE[0], hi: TRACE_W_RANGE[1] }}
          value={w}
          onCommit={(next) => {
            setTouched(true);
            setW(next);
          }}
        />
      </div>
      <p aria-live="polite" data-readout="summary">
        {summary}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so keyboard users can scroll it (WCAG 2.1.1; axe scrollable-region-focusable). */}
      <section class="vg-scroll" tabIndex={0} aria-label={`Trace of ${n} layers`}>
        <table class="vg-table" data-readout="trace">
          <caption class="sr-only">Forward and backward trace, layer 1 first</caption>
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">z</th>
              <th scope="col">a = σ(z)</th>
              <th scope="col">σ′(z)</th>
              <th scope="col">post’s table value</th>
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
      </section>
      <p class="vg-caption">
        Weight gradients ∂L/∂wₖ = δₖ · aₖ₋₁: layer {n}'s over layer 1's is {ratioOrDash(result.weightGradRatio)}. The post's table value,
        layer {n}'s over layer 1's, gives {ratioOrDash(result.gRatio)}.
      </p>
    </figure>
  );
}
