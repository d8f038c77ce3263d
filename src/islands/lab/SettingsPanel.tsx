/** Every knob of the lab: the shared settings and presets, one group per network, and the fixes group (lesson 7). */
import type { LabPresetName } from '../../lesson-data/race-config.ts';
import { FixesControls } from './FixesControls.tsx';
import { LabControls } from './LabControls.tsx';
import { NetworkList } from './NetworkList.tsx';
import { Settled } from './Settled.tsx';
import type { LabSettingsState } from './useLabSettings.ts';

export interface SettingsPanelProps {
  id: string;
  lab: LabSettingsState;
  /** The preset the settings equal, or ''. */
  preset: LabPresetName | '';
  disabled: boolean;
}

export function SettingsPanel({ id, lab, preset, disabled }: SettingsPanelProps) {
  const { settings, fixesOpen } = lab;
  return (
    <Settled deps={[settings, preset, !disabled, fixesOpen]}>
      <LabControls id={id} settings={settings} preset={preset} disabled={disabled} onChange={lab.change} onPreset={lab.choosePreset} />
      <NetworkList
        id={id}
        settings={settings}
        allActivations={fixesOpen}
        disabled={disabled}
        onChange={lab.change}
        onNetwork={lab.changeNetwork}
      />
      <FixesControls
        id={id}
        settings={settings}
        open={fixesOpen}
        disabled={disabled}
        onToggle={lab.setFixesOpen}
        onChange={lab.change}
        onNetwork={lab.changeNetwork}
      />
    </Settled>
  );
}
