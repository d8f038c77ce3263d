/**
 * One network's activation, in a fieldset named after its letter. The menu
 * offers what lesson 6 teaches (sigmoid, ReLU); with lesson 7's fixes open it
 * adds tanh and leaky ReLU, and it always offers the network's current choice.
 */
import {
  ACTIVATION_LABEL,
  LAB_ACTIVATIONS,
  LESSON_ACTIVATIONS,
  type LabActivation,
  type LabNetwork,
} from '../../lesson-data/race-config.ts';
import { networkLetter } from './names.ts';

export interface NetworkControlsProps {
  id: string;
  index: number;
  network: LabNetwork;
  /** Whether the fixes lesson's group is open, so every activation is on offer. */
  allActivations: boolean;
  canRemove: boolean;
  disabled: boolean;
  onChange(patch: Partial<LabNetwork>): void;
  onRemove(): void;
}

export function NetworkControls({ id, index, network, allActivations, canRemove, disabled, onChange, onRemove }: NetworkControlsProps) {
  const cid = (name: string) => `${id}-net${index + 1}-${name}`;
  const letter = networkLetter(index);
  const offered = LAB_ACTIVATIONS.filter((a) => allActivations || LESSON_ACTIVATIONS.includes(a) || a === network.activation);
  return (
    <fieldset class={`vg-lab-network vg-runner-${index}`} data-network={index + 1}>
      <legend>
        <span class="vg-lab-swatch" aria-hidden="true" /> Network {letter}
      </legend>
      <label for={cid('activation')}>
        Activation of its hidden layers
        <select
          id={cid('activation')}
          value={network.activation}
          disabled={disabled}
          onChange={(e) => onChange({ activation: e.currentTarget.value as LabActivation })}
        >
          {offered.map((a) => (
            <option value={a}>{ACTIVATION_LABEL[a]}</option>
          ))}
        </select>
      </label>
      {canRemove && (
        <button type="button" class="vg-lab-remove" disabled={disabled} onClick={onRemove} aria-label={`Remove network ${letter}`}>
          Remove
        </button>
      )}
    </fieldset>
  );
}
