/** How big the backpropagated gradient is at each layer, for a chosen depth, weight, activation, init, width, residual and batch norm. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { FLOW_BATCH, gradientFlow, type FlowResult } from '../../engine/flow.ts';
import { formatNumber } from '../../engine/format.ts';
import { readHashState, writeHashState } from './hash-state.ts';
import {
  ACTIVATION_CHOICES, DEFAULT_FLOW, DEPTH_RANGE, INIT_CHOICES, W_RANGE, WIDTH_RANGE,
  flowFromHash, flowToHash, normaliseFlow, type FlowSettings,
} from './flow-state.ts';
import { FlowBars } from './FlowBars.tsx';
import { readable } from '../../engine/format.ts';
import './islands.css';

export interface GradientFlowProps extends Partial<FlowSettings> {
  /** Namespaces the URL-hash state and the control ids; give each instance on a page its own. */
  id?: string;
  /** Seed for Xavier/He weights and the input batch. */
  seed?: number;
}

const ACT_LABEL: Record<string, string> = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' };
const INIT_LABEL: Record<string, string> = { constant: 'constant w', xavier: 'Xavier', he: 'He' };

/** From this ratio of layer 1's gradient to layer L's on, the figure calls the growth an explosion. */
const EXPLODING = 10;

/** The figure's one-sentence reading, e.g. "Layer 1 receives 1/64,128 of layer 4's gradient." */
export function flowSentence(result: FlowResult | undefined, depth: number, settings?: Pick<FlowSettings, 'w' | 'activation'>): string {
  if (!result) return 'The gradients could not be computed for these settings.';
  if (depth === 1) return 'With one hidden layer the gradient is not passed through any other layer, so nothing vanishes.';
  const first = result.perLayer[0]!;
  const last = result.perLayer[depth - 1]!;
  if (first === 0) {
    const cause =
      settings?.w === 0 ? 'every weight is 0, so nothing flows back through them'
      : settings?.activation === 'relu' ? `every path back from layer ${depth} is cut (dead ReLU units)`
      : `every path back from layer ${depth} is cut`;
    return `Layer 1 receives no gradient at all: ${cause}.`;
  }
  if (!Number.isFinite(result.lastOverFirst) || !Number.isFinite(first) || !Number.isFinite(last)) {
    return 'The gradient overflows the range of floating-point numbers for these settings.';
  }
  if (result.lastOverFirst >= 1) {
    // "1/64,128 of" reads well; past a million, "1/1 × 10³³ of" does not, so give the fraction itself.
    if (result.lastOverFirst >= 1e6) return `Layer 1 receives only ${readable(result.firstOverLast)} times layer ${depth}'s gradient.`;
    return `Layer 1 receives 1/${readable(result.lastOverFirst)} of layer ${depth}'s gradient.`;
  }
  const times = `Layer 1 receives ${readable(result.firstOverLast)} times layer ${depth}'s gradient`;
  // A gradient that merely keeps its size (the residual highway) is not an explosion.
  if (result.firstOverLast < EXPLODING) return `${times}: it grows a little on the way back instead of shrinking.`;
  return `${times}: it explodes instead of vanishing.`;
}

export default function GradientFlow({ id = 'flow', seed = 1, ...initial }: GradientFlowProps) {
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

  const update = (patch: Partial<Record<keyof FlowSettings, unknown>>) => {
    setTouched(true);
    setS((prev) => normaliseFlow({ ...prev, ...patch }, prev));
  };

  const result = useMemo(() => {
    try {
      return gradientFlow({ ...s, seed });
    } catch {
      return undefined;
    }
  }, [s, seed]);
  const sentence = flowSentence(result, s.depth, s);
  const cid = (name: string) => `${id}-${name}`;

  return (
    <figure class="vg-island vg-flow" data-island="gradient-flow" id={id}>
      <figcaption>
        The size of the gradient |δ| at each hidden layer (log scale), for a chain of {s.depth} layer{s.depth === 1 ? '' : 's'}.
        {s.depth === 1 ? 'The one layer sits between the input and the output.' : `Layer ${s.depth} is next to the output; layer 1 is next to the input.`}
      </figcaption>
      <div class="vg-controls not-content">
        <label for={cid('depth')}>
          Depth
          <input id={cid('depth')} type="range" min={DEPTH_RANGE[0]} max={DEPTH_RANGE[1]} step={1} value={s.depth}
            onInput={(e) => update({ depth: e.currentTarget.value })} />
          <output for={cid('depth')}>{s.depth}</output>
        </label>
        <label for={cid('w')}>
          Weight w
          <input id={cid('w')} type="number" min={W_RANGE[0]} max={W_RANGE[1]} step={0.05} value={s.w}
            disabled={s.init !== 'constant'} onChange={(e) => update({ w: e.currentTarget.value })} />
        </label>
        <label for={cid('activation')}>
          Activation
          <select id={cid('activation')} value={s.activation} onChange={(e) => update({ activation: e.currentTarget.value })}>
            {ACTIVATION_CHOICES.map((a) => <option value={a}>{ACT_LABEL[a]}</option>)}
          </select>
        </label>
        <label for={cid('init')}>
          Initialisation
          <select id={cid('init')} value={s.init} onChange={(e) => update({ init: e.currentTarget.value })}>
            {INIT_CHOICES.map((i) => <option value={i}>{INIT_LABEL[i]}</option>)}
          </select>
        </label>
        <label for={cid('width')}>
          Width
          <input id={cid('width')} type="number" min={WIDTH_RANGE[0]} max={WIDTH_RANGE[1]} step={1} value={s.width}
            onChange={(e) => update({ width: e.currentTarget.value })} />
        </label>
        <label for={cid('residual')}>
          <input id={cid('residual')} type="checkbox" checked={s.residual} onChange={(e) => update({ residual: e.currentTarget.checked })} />
          Residual connections
        </label>
        <label for={cid('bn')}>
          <input id={cid('bn')} type="checkbox" checked={s.batchNorm} onChange={(e) => update({ batchNorm: e.currentTarget.checked })} />
          Batch norm
        </label>
      </div>
      <p class="vg-flow-sentence" aria-live="polite" data-readout="sentence">{sentence}</p>
      {result && <FlowBars perLayer={result.perLayer} label={`Bar chart of |δ| per layer. ${sentence}`} />}
      {result && (
        <details>
          <summary>Values per layer</summary>
          {/* Focusable so a keyboard can scroll a long table (WCAG 2.1.1). */}
          <div class="vg-scroll" tabIndex={0} role="region" aria-label={`Values per layer, ${s.depth} layers`}>
          <table class="vg-table" data-readout="table">
            <caption class="sr-only">|δ| and the mean activation slope at each hidden layer</caption>
            <thead>
              <tr><th scope="col">Layer</th><th scope="col">|δ|</th><th scope="col">mean f′</th></tr>
            </thead>
            <tbody>
              {result.perLayer.map((d, k) => (
                <tr><th scope="row">{k + 1}</th><td>{formatNumber(d)}</td><td>{formatNumber(result.meanDerivative[k] ?? NaN)}</td></tr>
              ))}
            </tbody>
          </table>
          </div>
        </details>
      )}
      <p class="vg-caption">
        {result?.source === 'chain'
          ? `Exact chain: one neuron per layer, x = 1, every weight w = ${readable(s.w)}, blog convention (δ = 1 at layer ${s.depth}).`
          : `A ${s.width}-unit-wide network, ${INIT_LABEL[s.init]} initialisation, averaged over a seeded batch of ${FLOW_BATCH} inputs.`}
      </p>
    </figure>
  );
}

