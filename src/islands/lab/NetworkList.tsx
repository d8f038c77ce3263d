/** One control group per network, and the button that adds another (a copy of the last). */
import { LAB_RANGES, type LabNetwork, type LabSettings } from '../../lesson-data/race-config.ts';
import { networkLetter } from './names.ts';
import { NetworkControls } from './NetworkControls.tsx';

export interface NetworkListProps {
  id: string;
  settings: LabSettings;
  allActivations: boolean;
  disabled: boolean;
  onChange: (patch: Partial<LabSettings>) => void;
  onNetwork: (i: number, patch: Partial<LabNetwork>) => void;
}

export function NetworkList({ id, settings, allActivations, disabled, onChange, onNetwork }: NetworkListProps) {
  const [minNets, maxNets] = LAB_RANGES.networks;
  const networks = settings.networks;
  return (
    <div class="vg-lab-networks not-content">
      {networks.map((n, i) => (
        <NetworkControls
          id={id}
          index={i}
          network={n}
          allActivations={allActivations}
          canRemove={networks.length > minNets}
          disabled={disabled}
          onChange={(patch) => onNetwork(i, patch)}
          onRemove={() => onChange({ networks: networks.filter((_, k) => k !== i) })}
        />
      ))}
      {networks.length < maxNets && (
        <button
          type="button"
          class="vg-lab-add"
          disabled={disabled}
          onClick={() => onChange({ networks: [...networks, { ...networks[networks.length - 1]! }] })}
        >
          Add network {networkLetter(networks.length)}
        </button>
      )}
    </div>
  );
}
