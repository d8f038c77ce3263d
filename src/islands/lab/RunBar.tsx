/** The lab's run buttons (Play or Pause, Fast-forward, Step, Reset) and the epoch it is at. */
import type { LabRunState } from './useLabRun.ts';

export interface RunBarProps {
  run: LabRunState;
  epoch: number;
  epochs: number;
  done: boolean;
  disabled: boolean;
  onPlay: (speed: 'paced' | 'full') => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
}

export function RunBar({ run, epoch, epochs, done, disabled, onPlay, onPause, onStep, onReset }: RunBarProps) {
  return (
    <fieldset class="vg-lab-run not-content" aria-label="Run">
      <button type="button" onClick={() => (run.playing ? onPause() : onPlay('paced'))} disabled={disabled}>
        {run.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" aria-pressed={run.playing && run.speed === 'full'} onClick={() => onPlay('full')} disabled={disabled}>
        Fast-forward
      </button>
      <button type="button" onClick={onStep} disabled={disabled || done}>
        Step one epoch
      </button>
      <button type="button" onClick={onReset} disabled={disabled}>
        Reset
      </button>
      <span class="vg-lab-status" data-readout="epoch">
        Epoch {epoch} of {epochs}
        {done ? ' (finished)' : ''}
      </span>
    </fieldset>
  );
}
