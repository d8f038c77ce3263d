/**
 * The lab's epoch-0 state. The build computes it and leaves it in the page as
 * JSON; the browser reads it back instead of training on the main thread (the
 * engine's training code stays out of the island's bundle: it is reachable
 * only when import.meta.env.SSR is true, and the worker has its own copy).
 */
import type { LabSettings } from '../../lesson-data/race-config.ts';
import type { StartingLine } from './protocol.ts';
import { startingLine } from './runner.ts';

export function initialLine(id: string, s: LabSettings): { line?: StartingLine; json: string } {
  if (import.meta.env.SSR) {
    const line = startingLine(s);
    return { line, json: JSON.stringify(line).replace(/</g, '\\u003c') };
  }
  const json = document.getElementById(`${id}-start`)?.textContent ?? '';
  try {
    const line = JSON.parse(json) as StartingLine;
    const ok =
      Array.isArray(line.history) &&
      line.history.every((h) => Array.isArray(h) && h.every((r) => Array.isArray(r?.gradNorms?.weight) && Array.isArray(r?.updateRatio))) &&
      Array.isArray(line.data?.X) &&
      Array.isArray(line.grids);
    return ok ? { line, json } : { json };
  } catch {
    return { json };
  }
}
