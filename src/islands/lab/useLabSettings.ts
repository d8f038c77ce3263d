/**
 * The lab's settings as a Preact hook: what the learner chose, whether the
 * fixes group is open, and the problems a shared link had. Every change starts
 * a fresh run (through `onFresh`) and, when the learner made it, is written to
 * the URL hash; a preset link or this lab's own hash state restores every
 * control (useLabLinks).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  LAB_PRESET_NAMES,
  type LabNetwork,
  type LabPresetName,
  type LabSettings,
  presetSettings,
  usesFixes,
} from '../../lesson-data/race-config.ts';
import { dropHashSegment, readHashState, readHashValue, writeHashState } from '../hash-state.ts';
import { newRunText } from './announcements.ts';
import { labFromHash, labToHash, presetFromName, sameSettings } from './state.ts';

const presetKey = (id: string) => `${id}:preset`;

export interface LabSettingsOptions {
  /** Namespaces the hash state. */
  id: string;
  /** The settings the lab opens with. */
  base: LabSettings;
  /** A new run at epoch 0 for these settings; `same` when they equal the ones on screen. */
  onFresh: (next: LabSettings, same: boolean) => void;
  /** Reads a sentence out in the live region. */
  announce: (text: string) => void;
}

export interface LabSettingsState {
  settings: LabSettings;
  /** The settings on screen, for callbacks that outlive a render. */
  current: { readonly current: LabSettings };
  fixesOpen: boolean;
  setFixesOpen: (open: boolean) => void;
  problems: string[];
  setProblems: (problems: string[]) => void;
  /** Starts a fresh run for new settings (the prediction is asked again); the learner's changes are written to the hash. */
  apply: (next: LabSettings, how: 'learner' | 'link') => void;
  change: (patch: Partial<LabSettings>) => void;
  changeNetwork: (i: number, patch: Partial<LabNetwork>) => void;
  choosePreset: (name: LabPresetName) => void;
}

export function useLabSettings({ id, base, onFresh, announce }: LabSettingsOptions): LabSettingsState {
  const [settings, setSettings] = useState<LabSettings>(base);
  // Lesson 7's group: folded in lesson 6 unless a preset or a link sets one of its knobs.
  const [fixesOpen, setFixesOpen] = useState(() => usesFixes(base));
  const [problems, setProblems] = useState<string[]>([]);
  // The settings on screen, for the hash listener registered once.
  const current = useRef(base);
  current.current = settings;

  /** Starts a fresh run for new settings (the prediction is asked again). */
  const apply = (next: LabSettings, how: 'learner' | 'link') => {
    setSettings(next);
    if (usesFixes(next)) setFixesOpen(true);
    // The same settings give the same epoch 0, which can stay on screen until the worker's copy arrives.
    onFresh(next, sameSettings(next, current.current));
    if (how === 'learner') {
      const withoutPreset = dropHashSegment(location.hash, presetKey(id));
      history.replaceState(history.state, '', writeHashState(withoutPreset, id, labToHash(next)) || location.pathname);
      setProblems([]);
      announce(newRunText(next.networks));
    }
  };

  const change = (patch: Partial<LabSettings>) => {
    const next = { ...settings, ...patch };
    if (next.batchSize > next.points) next.batchSize = next.points;
    apply(next, 'learner');
  };
  const changeNetwork = (i: number, patch: Partial<LabNetwork>) =>
    change({ networks: settings.networks.map((n, k) => (k === i ? { ...n, ...patch } : n)) });
  const choosePreset = (name: LabPresetName) => {
    apply(presetSettings(name), 'link');
    const others = dropHashSegment(dropHashSegment(location.hash, id), presetKey(id)).replace(/^#/, '');
    history.replaceState(history.state, '', `#${[others, `${presetKey(id)}=${name}`].filter(Boolean).join('&')}`);
    setProblems([]);
    announce('Preset loaded at epoch 0. Pick a network, then press Play.');
  };

  return { settings, current, fixesOpen, setFixesOpen, problems, setProblems, apply, change, changeNetwork, choosePreset };
}

/**
 * Shared links: a preset segment, or this lab's own state, restores every
 * control, on load and on every later hash change. Call it after useLabRun, so
 * the worker is there (its effect ran first) when the link starts a new run.
 */
export function useLabLinks(id: string, base: LabSettings, lab: LabSettingsState): void {
  useEffect(() => {
    const sync = () => {
      const named = presetFromName(readHashValue(location.hash, presetKey(id)));
      const state = readHashState(location.hash, id);
      if (named) {
        lab.setProblems([]);
        if (!sameSettings(named.settings, lab.current.current)) lab.apply(named.settings, 'link');
      } else if (state) {
        const read = labFromHash(state, base);
        lab.setProblems(read.problems);
        lab.apply(read.settings, 'link');
      } else if (readHashValue(location.hash, presetKey(id)) !== undefined) {
        lab.setProblems([`The link names a preset the lab does not have; it shows its defaults. Presets: ${LAB_PRESET_NAMES.join(', ')}.`]);
      }
    };
    sync();
    addEventListener('hashchange', sync);
    return () => removeEventListener('hashchange', sync);
  }, []);
}
