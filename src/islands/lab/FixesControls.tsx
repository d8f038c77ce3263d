/**
 * Lesson 7's knobs, folded: the constant weight, and per network its
 * initialisation, batch norm and residual connections (the group also adds
 * tanh and leaky ReLU to the activation menus). The training lesson's lab
 * starts with it closed; it opens when the learner opens it, or by itself when
 * a preset or a shared link sets any of these (TrainingLab decides).
 */
import { LEAKY_SLOPE } from '../../../engine/activations.ts';
import { exact } from '../../../engine/format.ts';
import type { LabInit, LabNetwork, LabSettings } from '../../lesson-data/race-config.ts';
import { DEFAULT_LAB, INIT_LABEL, LAB_INITS } from '../../lesson-data/race-config.ts';
import { CheckedField } from '../CheckedField.tsx';
import { GlossaryLink } from './Glossary.tsx';
import { networkLetter } from './names.ts';
import { knobRule } from './state.ts';
import { lesson } from '../../../course/manifest.ts';

export interface FixesControlsProps {
  id: string;
  settings: LabSettings;
  open: boolean;
  disabled: boolean;
  onToggle(open: boolean): void;
  onChange(patch: Partial<LabSettings>): void;
  onNetwork(index: number, patch: Partial<LabNetwork>): void;
}

/** The summary line: what the fixes lesson adds, named so a learner of the training lesson knows it is for later. */
export const FIXES_SUMMARY = `Fixes from lesson ${lesson('fixes').number}: initialisation, batch norm, residual connections, more activations`;

export function FixesControls({ id, settings: s, open, disabled, onToggle, onChange, onNetwork }: FixesControlsProps) {
  const cid = (name: string) => `${id}-${name}`;
  return (
    <details
      class="vg-lab-fixes not-content"
      open={open}
      data-group="fixes"
      onToggle={(e) => {
        const now = (e.currentTarget as HTMLDetailsElement).open;
        if (now !== open) onToggle(now);
      }}
    >
      <summary>{FIXES_SUMMARY}</summary>
      <p class="vg-lab-help">
        These are taught in <a href="../fixes/">lesson {lesson('fixes').number}, the four fixes</a>; open this group after it, or follow its
        links here. Opening it also adds <GlossaryLink id="tanh">tanh</GlossaryLink> and leaky ReLU (a ReLU whose slope below zero is a
        small {exact(LEAKY_SLOPE)} instead of 0) to every network's activation menu.
      </p>
      <div class="vg-lab-fix-grid">
        <div class="vg-lab-group vg-lab-fix-shared">
          <CheckedField
            id={cid('constantW')}
            rule={knobRule('constantW', s.points)}
            value={s.constantW}
            disabled={disabled}
            note="every weight, under constant initialisation"
            onCommit={(v) => onChange({ constantW: v })}
          />
        </div>
        {s.networks.map((n, i) => {
          const nid = (name: string) => `${id}-net${i + 1}-${name}`;
          return (
            <fieldset class={`vg-lab-network vg-runner-${i}`} data-network-fixes={i + 1}>
              <legend>
                <span class="vg-lab-swatch" aria-hidden="true" /> Network {networkLetter(i)}
              </legend>
              <label for={nid('init')}>
                Initialisation
                <select
                  id={nid('init')}
                  value={n.init}
                  disabled={disabled}
                  onChange={(e) => onNetwork(i, { init: e.currentTarget.value as LabInit })}
                >
                  {LAB_INITS.map((k) => (
                    <option value={k}>{INIT_LABEL[k]}</option>
                  ))}
                </select>
              </label>
              <label for={nid('bn')} class="vg-lab-check">
                <input
                  id={nid('bn')}
                  type="checkbox"
                  checked={n.batchNorm}
                  disabled={disabled}
                  onChange={(e) => onNetwork(i, { batchNorm: e.currentTarget.checked })}
                />
                Batch norm
              </label>
              <label for={nid('residual')} class="vg-lab-check">
                <input
                  id={nid('residual')}
                  type="checkbox"
                  checked={n.residual}
                  disabled={disabled}
                  onChange={(e) => onNetwork(i, { residual: e.currentTarget.checked })}
                />
                Residual connections{s.depth < 2 ? ' (need two or more hidden layers)' : ''}
              </label>
            </fieldset>
          );
        })}
      </div>
      <p class="vg-lab-help">
        <GlossaryLink id="initialisation">Initialisation</GlossaryLink>: how the starting weights are drawn: constant w (every weight the
        same number; the post's anchor network uses {exact(DEFAULT_LAB.constantW)}), <GlossaryLink id="xavier">Xavier</GlossaryLink>{' '}
        (random, variance 2/(fan-in + fan-out)) or <GlossaryLink id="he">He</GlossaryLink> (random, variance 2/fan-in).{' '}
        <GlossaryLink id="batch-norm">Batch norm</GlossaryLink> rescales every hidden unit's z over the batch before its activation.{' '}
        <GlossaryLink id="residual">Residual connections</GlossaryLink> add each hidden layer's input to its output (from layer 2 on, where
        input and output have the same width).
      </p>
    </details>
  );
}
