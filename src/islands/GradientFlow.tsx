/**
 * How big the backpropagated gradient is at each layer, for a chosen depth,
 * weight, bias, activation, initialisation, width, residual and batch norm,
 * drawn on a fixed log axis beside the post's anchor network at the same
 * depth. A lesson passes `controls` to show only what it has taught so far.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { FLOW_BATCH, gradientFlow, type FlowResult } from '../../engine/flow.ts';
import { exact, formatNumber, readable } from '../../engine/format.ts';
import { ratioText as ratio } from './ratio-text.ts';
import { subscript } from '../../exercises/kit.ts';
import { FlowBars, flowAxis } from './FlowBars.tsx';
import { tickLabel } from '../charts/plot.ts';
import { readHashState, writeHashState } from './hash-state.ts';
import { FLOW_CONTROLS, type FlowControl, type FlowSettings, flowFromHash, flowToHash, normaliseFlow } from './flow-state.ts';
import { FlowControls, INIT_LABEL } from './FlowControls.tsx';
import './islands.css';
import './flow.css';

export interface GradientFlowProps extends Partial<FlowSettings> {
  /** Namespaces the URL-hash state and the control ids; give each instance on a page its own. */
  id?: string;
  /** Seed for Xavier/He weights and the input batch. */
  seed?: number;
  /** The controls to show (default: all of them); the others keep the values given as props. */
  controls?: readonly FlowControl[];
}

/** Below this ratio of layer 1's gradient to layer L's, growth is "a little"; from it on, an explosion. */
const EXPLODING = 2;

/** The post's anchor network: sigmoid, every weight 0.1, bias 0, x = 1, one unit per layer. */
const ANCHOR = { w: 0.1, activation: 'sigmoid', init: 'constant', width: 1, residual: false, batchNorm: false, bias: 0, x: 1 } as const;

/** The figure's one-sentence reading in the course's δ, e.g. "Layer 1's δ is 1/64,200 of layer 4's: δ₄/δ₁ = 64,200." */
export function flowSentence(result: FlowResult | undefined, depth: number, settings?: Pick<FlowSettings, 'w' | 'activation'>): string {
  if (!result) return 'The gradients could not be computed for these settings.';
  if (depth === 1) return 'With one hidden layer the gradient is not passed through any other layer, so nothing vanishes.';
  const first = result.perLayer[0]!;
  const last = result.perLayer[depth - 1]!;
  if (first === 0) {
    const cause =
      settings?.w === 0
        ? 'every weight is 0, so nothing flows back through them'
        : settings?.activation === 'relu'
          ? `every path back from layer ${depth} is cut (dead ReLU units)`
          : `every path back from layer ${depth} is cut`;
    return `Layer 1's δ is 0, no gradient at all: ${cause}.`;
  }
  if (!Number.isFinite(result.lastOverFirst) || !Number.isFinite(first) || !Number.isFinite(last)) {
    return 'The gradient overflows the range of floating-point numbers for these settings.';
  }
  // A ratio that reads as 1.00 is "as large", not "1/1.00 of" or "1.00 times".
  if (Math.abs(result.firstOverLast - 1) < 0.005)
    return `Layer 1's δ is as large as layer ${depth}'s: it neither vanishes nor grows on the way back.`;
  if (result.lastOverFirst >= 1) {
    // "1/64,128 of" reads well; past a million, "1/1 × 10³³ of" does not, so give the fraction itself.
    if (result.lastOverFirst >= 1e6) return `Layer 1's δ is only ${ratio(result.firstOverLast)} times layer ${depth}'s.`;
    return `Layer 1's δ is 1/${ratio(result.lastOverFirst)} of layer ${depth}'s: δ${subscript(depth)}/δ₁ = ${ratio(result.lastOverFirst)}.`;
  }
  const times = `Layer 1's δ is ${ratio(result.firstOverLast)} times layer ${depth}'s`;
  // A gradient that merely keeps its size (the residual highway) is not an explosion; 8× over three layers is.
  if (result.firstOverLast < EXPLODING) return `${times}: it grows a little on the way back instead of shrinking.`;
  return `${times}: it explodes instead of vanishing.`;
}

export default function GradientFlow({ id = 'flow', seed = 1, controls = FLOW_CONTROLS, ...initial }: GradientFlowProps) {
  const start = useMemo(() => normaliseFlow(initial), []);
  const [s, setS] = useState<FlowSettings>(start);
  const [touched, setTouched] = useState(false);

  // Shared links: read this instance's state from the hash after hydration, and follow later hash changes.
  useEffect(() => {
    const sync = () => {
      const h = readHashState(location.hash, id);
      if (h) setS(flowFromHash(h, start));
    };
    sync();
    addEventListener('hashchange', sync);
    return () => removeEventListener('hashchange', sync);
  }, [id]);
  useEffect(() => {
    if (!touched) return;
    const next = writeHashState(location.hash, id, flowToHash(s));
    if (next !== location.hash) history.replaceState(history.state, '', next);
  }, [s, touched]);

  const update = (patch: Partial<FlowSettings>) => {
    setTouched(true);
    setS((prev) => normaliseFlow({ ...prev, ...patch }, prev));
  };

  const compute = (settings: FlowSettings) => {
    try {
      return gradientFlow({ ...settings, seed, measure: 'delta' });
    } catch {
      return undefined;
    }
  };
  const result = useMemo(() => compute(s), [s, seed]);
  const isAnchor =
    s.init === 'constant' &&
    s.width === 1 &&
    !s.batchNorm &&
    !s.residual &&
    s.activation === 'sigmoid' &&
    s.w === ANCHOR.w &&
    s.bias === 0 &&
    s.x === 1;
  const anchor = useMemo(() => (isAnchor ? undefined : compute({ ...ANCHOR, depth: s.depth })), [s.depth, isAnchor]);
  const sentence = flowSentence(result, s.depth, s);
  const axis = flowAxis([...(result?.perLayer ?? []), ...(anchor?.perLayer ?? [])]);
  const chain = result?.source === 'chain';
  /** The measure shown, in the course's notation δₖ = ∂L/∂zₖ, relative to the top hidden layer's, e.g. δₖ/δ₄. */
  const measure = `δₖ/δ${subscript(s.depth)}`;

  return (
    <figure class="vg-island vg-flow" data-island="gradient-flow" id={id}>
      <figcaption>
        The error signal δₖ = ∂L/∂zₖ at each hidden layer k, as a fraction of the top layer's, |{measure}| (log scale), for {s.depth} layer
        {s.depth === 1 ? '' : 's'}.{' '}
        {s.depth === 1
          ? 'The one layer sits between the input and the output.'
          : `Layer ${s.depth} is next to the output; layer 1 is next to the input.`}
      </figcaption>
      {/* Shown only when scripting is off (islands.css), so hydration never moves the page. */}
      <p class="vg-flow-nojs vg-needs-js">
        Changing the settings needs JavaScript; without it this shows the settings below, computed when the site was built.
      </p>
      <FlowControls id={id} settings={s} controls={controls} chain={chain} onChange={update} />
      <p class="vg-flow-sentence" aria-live="polite" data-readout="sentence">
        {sentence}
      </p>
      {result && (
        <FlowBars
          perLayer={result.perLayer}
          ghost={anchor?.perLayer}
          label={`Bar chart of |${measure}| per layer on a log axis from ${tickLabel(axis[0], true)} to ${tickLabel(axis[1], true)}. ${sentence}${anchor ? ` Outlines: the post's anchor network with as many layers, where ${flowSentence(anchor, s.depth).replace(/^Layer/, 'layer')}` : ''}`}
        />
      )}
      <ul class="vg-flow-key" aria-hidden="true">
        <li>
          <svg viewBox="0 0 10 10" aria-hidden="true">
            <rect class="vg-bar" x="2" y="0" width="6" height="10" />
          </svg>
          these settings
        </li>
        {anchor && (
          <li>
            <svg viewBox="0 0 10 10" aria-hidden="true">
              <rect class="vg-flow-ghost" x="1" y="1" width="8" height="8" />
            </svg>
            the post's anchor network (sigmoid, w = {exact(ANCHOR.w)}), same depth
          </li>
        )}
        {result?.perLayer.some((v) => v === 0) && <li>no bar: that layer's δ is exactly 0</li>}
        <li>log scale: each grid line is ten times the one below</li>
      </ul>
      {result && (
        <details>
          <summary>Values per layer</summary>
          {/* Focusable so a keyboard can scroll a long table (WCAG 2.1.1). */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus so keyboard users can scroll it (WCAG 2.1.1; axe scrollable-region-focusable). */}
          <section class="vg-scroll" tabIndex={0} aria-label={`Values per layer, ${s.depth} layers`}>
            <table class="vg-table" data-readout="table">
              <caption class="sr-only">|{measure}| and the mean activation slope at each hidden layer k</caption>
              <thead>
                <tr>
                  <th scope="col">Layer</th>
                  <th scope="col">|{measure}|</th>
                  <th scope="col">mean f′</th>
                </tr>
              </thead>
              <tbody>
                {result.perLayer.map((d, k) => (
                  <tr>
                    <th scope="row">{k + 1}</th>
                    <td>{formatNumber(d)}</td>
                    <td>{formatNumber(result.meanDerivative[k] ?? NaN)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </details>
      )}
      <p class="vg-caption">
        {chain
          ? `Exact chain: one neuron per layer, x = ${readable(s.x)}, every weight w = ${readable(s.w)}, every bias b = ${readable(s.bias)}, measured in the course's δₖ = ∂L/∂zₖ, as ${measure}, which is 1 at layer ${s.depth}.`
          : `A ${s.width}-unit-wide network, ${INIT_LABEL[s.init]} initialisation, every bias ${readable(s.bias)}, averaged over a seeded batch of ${FLOW_BATCH} inputs: the mean size of δₖ over layer k's units relative to layer ${s.depth}'s, with layer ${s.depth}'s outputs summed.`}
      </p>
    </figure>
  );
}
