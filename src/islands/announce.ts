/** A throttled screen-reader announcement: the live text follows `message` at most once per `delayMs`, and settles on the last value. */
import { useEffect, useRef, useState } from 'preact/hooks';

export function useThrottledAnnouncement(message: string, delayMs = 600): string {
  const [spoken, setSpoken] = useState(message);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const wait = Math.max(0, last.current + delayMs - Date.now());
    clearTimeout(timer.current);
    timer.current = setTimeout(
      () => {
        last.current = Date.now();
        setSpoken(message);
      },
      Math.max(wait, 150),
    );
    return () => clearTimeout(timer.current);
  }, [message, delayMs]);
  return spoken;
}
