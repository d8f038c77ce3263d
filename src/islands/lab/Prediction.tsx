/** The prediction asked for before a run: which network will end with the lowest loss. After the run it is set against the result. */
import { networkLetter } from './names.ts';

export interface PredictionProps {
  id: string;
  names: readonly string[];
  pick: number | undefined;
  /** The verdict once the run is over. */
  verdict: string | undefined;
  disabled: boolean;
  onPick(index: number): void;
}

export function Prediction({ id, names, pick, verdict, disabled, onPick }: PredictionProps) {
  return (
    <div class="vg-lab-prediction">
      <fieldset>
        <legend>Your prediction first: which network will end with the lowest loss?</legend>
        {names.map((name, i) => (
          <label for={`${id}-pick-${i}`} class={`vg-lab-check vg-runner-${i}`}>
            <input
              id={`${id}-pick-${i}`}
              type="radio"
              name={`${id}-pick`}
              value={String(i)}
              checked={pick === i}
              disabled={disabled}
              onChange={() => onPick(i)}
            />
            <span class="vg-lab-swatch" aria-hidden="true" /> {networkLetter(i)}: {name}
          </label>
        ))}
      </fieldset>
      {verdict && (
        <p class="vg-lab-verdict" data-readout="verdict">
          {verdict}
        </p>
      )}
    </div>
  );
}
