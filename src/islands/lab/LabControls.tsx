/** The knobs every network shares: the data, the shape, the training, the seed, and the presets. */
import { DATASET_NAMES, type DatasetName } from '../../../engine/datasets.ts';
import { DEFAULT_LAB, LAB_PRESETS, LAB_PRESET_NAMES, type LabPresetName, type LabSettings } from '../../lesson-data/race-config.ts';
import { CheckedField } from '../CheckedField.tsx';
import { knobRule, sameSettings, type NumericKnob } from './state.ts';

const DATASET_LABEL: Record<DatasetName, string> = { moons: 'two moons', circles: 'circles', xor: 'XOR', spiral: 'spiral' };

export interface LabControlsProps {
  id: string;
  settings: LabSettings;
  preset: LabPresetName | '';
  disabled: boolean;
  onChange(patch: Partial<LabSettings>): void;
  onPreset(name: LabPresetName): void;
}

export function LabControls({ id, settings: s, preset, disabled, onChange, onPreset }: LabControlsProps) {
  const cid = (name: string) => `${id}-${name}`;
  const field = (knob: NumericKnob, note?: string) => (
    <CheckedField id={cid(knob)} rule={knobRule(knob, s.points)} value={s[knob]} disabled={disabled} note={note}
      onCommit={(v) => onChange({ [knob]: v })} />
  );
  return (
    <div class="vg-lab-controls not-content">
      <div class="vg-field">
        <label for={cid('preset')}>Preset</label>
        <select id={cid('preset')} value={preset} disabled={disabled}
          onChange={(e) => e.currentTarget.value && onPreset(e.currentTarget.value as LabPresetName)}>
          <option value="">{sameSettings(s, DEFAULT_LAB) ? "the lesson's race: sigmoid against ReLU" : '(your own settings)'}</option>
          {LAB_PRESET_NAMES.map((name) => <option value={name}>{LAB_PRESETS[name].title}</option>)}
        </select>
      </div>
      <fieldset class="vg-lab-group">
        <legend>Data</legend>
        <div class="vg-field">
          <label for={cid('dataset')}>Data set</label>
          <select id={cid('dataset')} value={s.dataset} disabled={disabled}
            onChange={(e) => onChange({ dataset: e.currentTarget.value as DatasetName })}>
            {DATASET_NAMES.map((d) => <option value={d}>{DATASET_LABEL[d]}</option>)}
          </select>
        </div>
        {field('noise')}
        {field('seed')}
      </fieldset>
      <fieldset class="vg-lab-group">
        <legend>Shape (every network)</legend>
        {field('depth')}
        {field('width')}
        {field('constantW', 'for constant initialisation')}
      </fieldset>
      <fieldset class="vg-lab-group">
        <legend>Training</legend>
        {field('learningRate')}
        {field('epochs')}
        {field('batchSize', `${s.points} = full batch`)}
      </fieldset>
    </div>
  );
}
