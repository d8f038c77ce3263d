/**
 * The knobs every network shares and the training lesson teaches: the data,
 * the shape, the training, the seed, and the presets (lesson 7's knobs are in
 * FixesControls). Each group ends with a line saying what its terms mean.
 */
import { DATASET_NAMES, type DatasetName } from '../../../engine/dataset-names.ts';
import { DEFAULT_LAB, LAB_PRESETS, LAB_PRESET_NAMES, type LabPresetName, type LabSettings } from '../../lesson-data/race-config.ts';
import { CheckedField } from '../CheckedField.tsx';
import { GlossaryLink } from './Glossary.tsx';
import { knobRule, sameSettings, type NumericKnob } from './state.ts';
import { lesson } from '../../../course/manifest.ts';

const DATASET_LABEL: Record<DatasetName, string> = { moons: 'two moons', circles: 'circles', xor: 'XOR', spiral: 'spiral' };
/** What each data set looks like, for a learner who has met only the two moons. */
const DATASET_HELP: Record<DatasetName, string> = {
  moons: 'two interleaved half circles, one per class',
  circles: 'two rings, one inside the other, one per class',
  xor: 'points spread over a square, split into four quarters; diagonally opposite quarters are the same class',
  spiral: 'two interleaved spiral arms, one per class (the hardest)',
};
/** The data set's size in the plot's units, so the noise figure means something for each (engine/datasets.ts). */
const DATASET_SCALE: Record<DatasetName, string> = {
  moons: 'a moon has radius 1',
  circles: 'the outer ring has radius 1 and the inner 0.5',
  xor: 'the square runs from −1 to 1',
  spiral: 'the arms end at radius 1',
};

const PRESET_GROUPS = [
  { lesson: 'training', label: 'This lesson' },
  { lesson: 'fixes', label: `Lesson ${lesson('fixes').number}, the fixes` },
] as const;

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
    <CheckedField
      id={cid(knob)}
      rule={knobRule(knob, s.points)}
      value={s[knob]}
      disabled={disabled}
      note={note}
      onCommit={(v) => onChange({ [knob]: v })}
    />
  );
  return (
    <div class="vg-lab-controls not-content">
      <div class="vg-field">
        <label for={cid('preset')}>Preset</label>
        <select
          id={cid('preset')}
          value={preset}
          disabled={disabled}
          onChange={(e) => e.currentTarget.value && onPreset(e.currentTarget.value as LabPresetName)}
        >
          <option value="">{sameSettings(s, DEFAULT_LAB) ? "the lesson's race: sigmoid against ReLU" : '(your own settings)'}</option>
          {PRESET_GROUPS.map((g) => (
            <optgroup label={g.label}>
              {LAB_PRESET_NAMES.filter((name) => LAB_PRESETS[name].lesson === g.lesson).map((name) => (
                <option value={name}>{LAB_PRESETS[name].title}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <fieldset class="vg-lab-group">
        <legend>Data</legend>
        <div class="vg-field">
          <label for={cid('dataset')}>Data set</label>
          <select
            id={cid('dataset')}
            value={s.dataset}
            disabled={disabled}
            aria-describedby={cid('dataset-help')}
            onChange={(e) => onChange({ dataset: e.currentTarget.value as DatasetName })}
          >
            {DATASET_NAMES.map((d) => (
              <option value={d}>{DATASET_LABEL[d]}</option>
            ))}
          </select>
        </div>
        {field('noise')}
        {field('seed')}
        <p class="vg-lab-help" id={cid('dataset-help')}>
          {DATASET_LABEL[s.dataset]}: {DATASET_HELP[s.dataset]}, {s.points} points in the plane. Noise is how far each point is moved off
          that shape at random (the standard deviation of the shift, in the plot's units, where {DATASET_SCALE[s.dataset]}). The seed picks
          the random numbers: the points, the starting weights and the batch order.
        </p>
      </fieldset>
      <fieldset class="vg-lab-group">
        <legend>Shape (every network)</legend>
        {field('depth')}
        {field('width', 'units per layer')}
        <p class="vg-lab-help">
          Every network has this many <GlossaryLink id="layer">hidden layers</GlossaryLink>, each of this{' '}
          <GlossaryLink id="width">width</GlossaryLink>, then one sigmoid output neuron that gives p, the probability of class 1.
        </p>
      </fieldset>
      <fieldset class="vg-lab-group">
        <legend>Training</legend>
        {field('learningRate')}
        {field('epochs')}
        {field('batchSize', `${s.points} = full batch`)}
        <p class="vg-lab-help">
          Plain <GlossaryLink id="gradient-descent">gradient descent</GlossaryLink> on the{' '}
          <GlossaryLink id="bce">binary cross-entropy</GlossaryLink> loss: each step moves every weight by η times its gradient (η is the{' '}
          <GlossaryLink id="learning-rate">learning rate</GlossaryLink>). An <GlossaryLink id="epoch">epoch</GlossaryLink> is one pass over
          all {s.points} points; the batch size is how many points each step uses, so an epoch takes {s.points} ÷ batch size steps (one,
          with the <GlossaryLink id="full-batch">full batch</GlossaryLink>).
        </p>
      </fieldset>
    </div>
  );
}
