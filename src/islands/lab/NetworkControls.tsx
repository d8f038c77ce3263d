/** One network's own choices (activation, initialisation, batch norm, residual), in a fieldset named after its letter. */
import {
  ACTIVATION_LABEL, INIT_LABEL, LAB_ACTIVATIONS, LAB_INITS, type LabActivation, type LabInit, type LabNetwork,
} from '../../lesson-data/race-config.ts';
import { networkLetter } from './names.ts';

export interface NetworkControlsProps {
  id: string;
  index: number;
  network: LabNetwork;
  depth: number;
  canRemove: boolean;
  disabled: boolean;
  onChange(patch: Partial<LabNetwork>): void;
  onRemove(): void;
}

export function NetworkControls({ id, index, network, depth, canRemove, disabled, onChange, onRemove }: NetworkControlsProps) {
  const cid = (name: string) => `${id}-net${index + 1}-${name}`;
  const letter = networkLetter(index);
  return (
    <fieldset class={`vg-lab-network vg-runner-${index}`} data-network={index + 1}>
      <legend><span class="vg-lab-swatch" aria-hidden="true" /> Network {letter}</legend>
      <label for={cid('activation')}>
        Activation
        <select id={cid('activation')} value={network.activation} disabled={disabled}
          onChange={(e) => onChange({ activation: e.currentTarget.value as LabActivation })}>
          {LAB_ACTIVATIONS.map((a) => <option value={a}>{ACTIVATION_LABEL[a]}</option>)}
        </select>
      </label>
      <label for={cid('init')}>
        Initialisation
        <select id={cid('init')} value={network.init} disabled={disabled}
          onChange={(e) => onChange({ init: e.currentTarget.value as LabInit })}>
          {LAB_INITS.map((i) => <option value={i}>{INIT_LABEL[i]}</option>)}
        </select>
      </label>
      <label for={cid('bn')} class="vg-lab-check">
        <input id={cid('bn')} type="checkbox" checked={network.batchNorm} disabled={disabled}
          onChange={(e) => onChange({ batchNorm: e.currentTarget.checked })} />
        Batch norm
      </label>
      <label for={cid('residual')} class="vg-lab-check" title={depth < 2 ? 'needs at least two hidden layers' : undefined}>
        <input id={cid('residual')} type="checkbox" checked={network.residual} disabled={disabled}
          onChange={(e) => onChange({ residual: e.currentTarget.checked })} />
        Residual
      </label>
      {canRemove && (
        <button type="button" class="vg-lab-remove" disabled={disabled} onClick={onRemove} aria-label={`Remove network ${letter}`}>Remove</button>
      )}
    </fieldset>
  );
}
