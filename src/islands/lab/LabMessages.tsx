/** The lab's words around its controls: its caption, what was wrong with a shared link, why a run failed, a missing prediction, a worker error, the cost. */
import { formatNumber } from '../../../engine/format.ts';
import type { LabSettings } from '../../lesson-data/race-config.ts';

interface LabMessagesProps {
  problems: readonly string[];
  /** Shown once the run is over and a network failed. */
  diagnosis: string | undefined;
  pickNeeded: boolean;
  error: string | undefined;
}

export function LinkProblems({ problems }: { problems: readonly string[] }) {
  return problems.length > 0 ? (
    <ul class="vg-lab-problems" role="alert">
      {problems.map((p) => (
        <li>{p}</li>
      ))}
    </ul>
  ) : null;
}

export function RunMessages({ diagnosis, pickNeeded, error }: Omit<LabMessagesProps, 'problems'>) {
  return (
    <>
      {diagnosis && (
        <p class="vg-lab-message" data-readout="diagnosis">
          {diagnosis}
        </p>
      )}
      {pickNeeded && (
        <p class="vg-lab-message" role="alert">
          Pick the network you expect to win first; the run starts after your prediction.
        </p>
      )}
      {error && (
        <p class="vg-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** What the lab is, and what it shows when scripting is off. */
export function LabIntro({ settings }: { settings: LabSettings }) {
  return (
    <>
      <figcaption>
        The training lab: {settings.networks.length} networks with {settings.depth} hidden layer{settings.depth === 1 ? '' : 's'} of{' '}
        {settings.width} units learn the same {settings.points} points by gradient descent, from the same seed. Change any knob, predict the
        winner, then press Play.
      </figcaption>
      {/* Shown only when scripting is off (islands.css), so hydration never moves the page. */}
      <p class="vg-lab-nojs vg-needs-js">
        The lab trains the networks in your browser, which needs JavaScript. Without it, this is epoch 0 of the default race, computed when
        the site was built; the controls, Play and the presets need JavaScript.
      </p>
    </>
  );
}

/** What a run costs in this browser, once the worker has measured it. */
export function RunCost({ msPerEpoch }: { msPerEpoch: number | undefined }) {
  return msPerEpoch === undefined ? null : (
    <p class="vg-caption" data-readout="cost">
      Training cost in this browser: {formatNumber(msPerEpoch, { sig: 2 })} ms per epoch for all networks together.
    </p>
  );
}
