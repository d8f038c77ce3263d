/**
 * Is this page inside an LMS? The search ADL's SCORM run-time books (1.2
 * RTE, 2004 4th edition RTE) give for the API: this window and its parents,
 * then the same walk from the opener. `API_1484_11` is SCORM 2004,
 * `API` is SCORM 1.2. Tiny on purpose: it ships with the exercise and
 * checkpoint islands, and only when it finds an API is the adapter loaded.
 */
export type LmsVersion = '1.2' | '2004';

/** The calls both versions share, by their 2004 names; 1.2's carry an `LMS` prefix (lms.ts maps them). */
export type ScormApi = Record<string, (...args: string[]) => string>;

export interface FoundLms {
  version: LmsVersion;
  api: ScormApi;
}

/** ADL's sample code gives up after this many parents; LMS frame sets are far shallower. */
const MAX_PARENTS = 10;

function onWindow(win: Window): FoundLms | undefined {
  try {
    const w = win as unknown as { API_1484_11?: ScormApi; API?: ScormApi };
    // An element with id="API" is also a window property: ask for the calls, not just the name.
    if (typeof w.API_1484_11?.GetValue === 'function') return { version: '2004', api: w.API_1484_11 };
    if (typeof w.API?.LMSGetValue === 'function') return { version: '1.2', api: w.API };
  } catch {
    // A frame of another origin: not the LMS's API frame.
  }
  return undefined;
}

function upFrom(start: Window | null | undefined): FoundLms | undefined {
  let win = start;
  for (let hops = 0; win && hops <= MAX_PARENTS; hops++) {
    const found = onWindow(win);
    if (found) return found;
    if (win.parent === win) break;
    win = win.parent;
  }
  return undefined;
}

/** The LMS's API for this page, or undefined outside an LMS. */
export function findLms(self: Window = window): FoundLms | undefined {
  return upFrom(self) ?? upFrom(self.opener as Window | null);
}
