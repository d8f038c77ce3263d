/**
 * The gradient-flow explorer's controls: depth, weight, bias and input,
 * activation, initialisation, width, residual and batch norm. A lesson shows
 * only the ones it has taught (`controls`); the input x appears only for the
 * one-unit chain, where it changes the result.
 */
import { CheckedField } from './CheckedField.tsx';
import {
  ACTIVATION_CHOICES,
  BIAS_RANGE,
  DEPTH_RANGE,
  type FlowControl,
  type FlowSettings,
  INIT_CHOICES,
  W_RANGE,
  WIDTH_RANGE,
  X_RANGE,
} from './flow-state.ts';

const ACT_LABEL: Record<string, string> = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' };
export const INIT_LABEL: Record<string, string> = { constant: 'constant w', xavier: 'Xavier', he: 'He' };

export interface FlowControlsProps {
  /** The explorer's id, which namespaces the control ids. */
  id: string;
  settings: FlowSettings;
  controls: readonly FlowControl[];
  /** Whether the result is the one-unit chain's (the input x matters only there). */
  chain: boolean;
  onChange: (patch: Partial<FlowSettings>) => void;
}

export function FlowControls({ id, settings: s, controls, chain, onChange: update }: FlowControlsProps) {
  const shows = (c: FlowControl) => controls.includes(c);
  const cid = (name: string) => `${id}-${name}`;
  return (
    <div class="vg-controls not-content">
      {shows('depth') && (
        <label for={cid('depth')}>
          Depth ({DEPTH_RANGE[0]} to {DEPTH_RANGE[1]})
          <input
            id={cid('depth')}
            type="range"
            min={DEPTH_RANGE[0]}
            max={DEPTH_RANGE[1]}
            step={1}
            value={s.depth}
            onInput={(e) => update({ depth: Number(e.currentTarget.value) })}
          />
          <output for={cid('depth')}>{s.depth}</output>
        </label>
      )}
      {shows('weight') && (
        <CheckedField
          id={cid('w')}
          rule={{ label: 'Weight w', lo: W_RANGE[0], hi: W_RANGE[1] }}
          value={s.w}
          disabled={s.init !== 'constant'}
          note={s.init !== 'constant' ? `${INIT_LABEL[s.init]} draws its own` : undefined}
          onCommit={(w) => update({ w })}
        />
      )}
      {shows('bias') && (
        <CheckedField
          id={cid('bias')}
          rule={{ label: 'Bias b', lo: BIAS_RANGE[0], hi: BIAS_RANGE[1] }}
          value={s.bias}
          onCommit={(bias) => update({ bias })}
        />
      )}
      {shows('bias') && chain && (
        <CheckedField
          id={cid('x')}
          rule={{ label: 'Input x', lo: X_RANGE[0], hi: X_RANGE[1] }}
          value={s.x}
          onCommit={(x) => update({ x })}
        />
      )}
      {shows('activation') && (
        <label for={cid('activation')}>
          Activation
          <select
            id={cid('activation')}
            value={s.activation}
            onChange={(e) => update({ activation: e.currentTarget.value as FlowSettings['activation'] })}
          >
            {ACTIVATION_CHOICES.map((a) => (
              <option value={a}>{ACT_LABEL[a]}</option>
            ))}
          </select>
        </label>
      )}
      {shows('init') && (
        <label for={cid('init')}>
          Initialisation
          <select id={cid('init')} value={s.init} onChange={(e) => update({ init: e.currentTarget.value as FlowSettings['init'] })}>
            {INIT_CHOICES.map((i) => (
              <option value={i}>{INIT_LABEL[i]}</option>
            ))}
          </select>
        </label>
      )}
      {shows('width') && (
        <CheckedField
          id={cid('width')}
          rule={{ label: 'Width', lo: WIDTH_RANGE[0], hi: WIDTH_RANGE[1], whole: true }}
          value={s.width}
          onCommit={(width) => update({ width })}
        />
      )}
      {shows('residual') && (
        <label for={cid('residual')}>
          <input
            id={cid('residual')}
            type="checkbox"
            checked={s.residual}
            onChange={(e) => update({ residual: e.currentTarget.checked })}
          />
          Residual connections
        </label>
      )}
      {shows('batchnorm') && (
        <label for={cid('bn')}>
          <input id={cid('bn')} type="checkbox" checked={s.batchNorm} onChange={(e) => update({ batchNorm: e.currentTarget.checked })} />
          Batch norm
        </label>
      )}
    </div>
  );
}
