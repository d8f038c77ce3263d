/**
 * The learner's prediction as a Preact hook: the network they expect to win,
 * the verdict once the run is over, and whether they pressed Play before
 * picking (the run waits for a prediction).
 */
import { useRef, useState } from 'preact/hooks';

export interface PickState {
  pick: number | undefined;
  /** The pick as of now, for the worker's callback that outlives a render. */
  pickNow: { readonly current: number | undefined };
  verdict: string | undefined;
  setVerdict: (verdict: string | undefined) => void;
  /** Whether the learner tried to run without a pick (and still has none). */
  pickNeeded: boolean;
  choose: (i: number) => void;
  /** Forgets the pick and the verdict, for a new run. */
  clear: () => void;
  /** True, and asks for a pick, when there is none yet. */
  needPick: () => boolean;
}

export function usePick(): PickState {
  const [pick, setPick] = useState<number>();
  const [verdict, setVerdict] = useState<string>();
  const [pickNeeded, setPickNeeded] = useState(false);
  const pickNow = useRef<number>();
  pickNow.current = pick;
  return {
    pick,
    pickNow,
    verdict,
    setVerdict,
    pickNeeded: pickNeeded && pick === undefined,
    choose: (i) => {
      setPick(i);
      setPickNeeded(false);
    },
    clear: () => {
      setPick(undefined);
      setVerdict(undefined);
    },
    needPick: () => {
      if (pick !== undefined) return false;
      setPickNeeded(true);
      return true;
    },
  };
}
