/**
 * One SCORM session's calls, the same for 1.2 and 2004: the element names
 * of each version's data model (the 1.2 RTE's "cmi.core.*", the 2004 4th
 * edition RTE's "cmi.*"), its time format, and every refused call as data (the code from
 * GetLastError and the LMS's own words for it), never thrown.
 */
import type { FoundLms, LmsVersion, ScormApi } from './detect.ts';

/** The data-model elements the course reads or writes, by version. */
const ELEMENTS = {
  '1.2': {
    learner: 'cmi.core.student_id',
    suspend: 'cmi.suspend_data',
    raw: 'cmi.core.score.raw',
    min: 'cmi.core.score.min',
    max: 'cmi.core.score.max',
    sessionTime: 'cmi.core.session_time',
    exit: 'cmi.core.exit',
    passing: 'cmi.student_data.mastery_score',
  },
  '2004': {
    learner: 'cmi.learner_id',
    suspend: 'cmi.suspend_data',
    raw: 'cmi.score.raw',
    min: 'cmi.score.min',
    max: 'cmi.score.max',
    sessionTime: 'cmi.session_time',
    exit: 'cmi.exit',
    passing: 'cmi.scaled_passing_score',
  },
} as const;
export type Element = keyof (typeof ELEMENTS)['1.2'];

/** The API's function names: 2004's, and 1.2's with their LMS prefix and LMSFinish for Terminate. */
const CALLS = {
  '1.2': {
    Initialize: 'LMSInitialize',
    Terminate: 'LMSFinish',
    GetValue: 'LMSGetValue',
    SetValue: 'LMSSetValue',
    Commit: 'LMSCommit',
    GetLastError: 'LMSGetLastError',
    GetErrorString: 'LMSGetErrorString',
  },
  '2004': {
    Initialize: 'Initialize',
    Terminate: 'Terminate',
    GetValue: 'GetValue',
    SetValue: 'SetValue',
    Commit: 'Commit',
    GetLastError: 'GetLastError',
    GetErrorString: 'GetErrorString',
  },
} as const;
type Call = keyof (typeof CALLS)['1.2'];

/** suspend_data's size: CMIString4096 in 1.2, characterstring SPM 64000 in 2004 4th edition. */
export const SUSPEND_LIMIT: Record<LmsVersion, number> = { '1.2': 4096, '2004': 64000 };

/** A call the LMS refused: which one, its error code and the LMS's text for it. */
export interface LmsError {
  call: string;
  code: string;
  message: string;
}

/** "0042:07:05.30" (1.2 CMITimespan, HHHH:MM:SS.SS) or "PT42H7M5.3S" (2004 ISO 8601 duration). */
export function sessionTime(version: LmsVersion, ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  if (version === '2004') return `PT${hours}H${minutes}M${seconds}S`;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(hours).padStart(4, '0')}:${two(minutes)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

export class Lms {
  readonly version: LmsVersion;
  readonly #api: ScormApi;

  constructor(found: FoundLms) {
    this.version = found.version;
    this.#api = found.api;
  }

  #call(call: Call, ...args: string[]): string {
    const fn = this.#api[CALLS[this.version][call]];
    return String(fn?.apply(this.#api, args) ?? '');
  }

  /** The last call's error, or undefined when GetLastError says "0". */
  #lastError(call: string): LmsError | undefined {
    const code = this.#call('GetLastError');
    if (code === '' || code === '0') return undefined;
    return { call, code, message: this.#call('GetErrorString', code) || 'no description' };
  }

  #checked(call: Call, label: string, ...args: string[]): LmsError | undefined {
    const result = this.#call(call, ...args);
    return (
      this.#lastError(label) ?? (result === 'true' ? undefined : { call: label, code: '?', message: `returned ${result || 'nothing'}` })
    );
  }

  initialize(): LmsError | undefined {
    return this.#checked('Initialize', 'Initialize', '');
  }

  terminate(): LmsError | undefined {
    return this.#checked('Terminate', 'Terminate', '');
  }

  commit(): LmsError | undefined {
    return this.#checked('Commit', 'Commit', '');
  }

  /** An element's value; '' when the LMS has none (2004 answers 403 "not initialized" for an unset element). */
  get(element: Element): string {
    const value = this.#call('GetValue', ELEMENTS[this.version][element]);
    this.#lastError('GetValue');
    return value;
  }

  set(element: Element, value: string): LmsError | undefined {
    const name = ELEMENTS[this.version][element];
    return this.#checked('SetValue', `SetValue ${name}`, name, value);
  }

  /** Sets the status elements: 1.2 has one (lesson_status), 2004 two (completion and success). */
  setStatus(status: { completed: boolean; success: 'passed' | 'failed' | 'unknown' }): LmsError | undefined {
    if (this.version === '2004') {
      return (
        this.#checked(
          'SetValue',
          'SetValue cmi.completion_status',
          'cmi.completion_status',
          status.completed ? 'completed' : 'incomplete',
        ) ?? this.#checked('SetValue', 'SetValue cmi.success_status', 'cmi.success_status', status.success)
      );
    }
    const lesson =
      status.success === 'passed' ? 'passed' : status.success === 'failed' ? 'failed' : status.completed ? 'completed' : 'incomplete';
    return this.#checked('SetValue', 'SetValue cmi.core.lesson_status', 'cmi.core.lesson_status', lesson);
  }

  /** 2004 only: cmi.score.scaled, the score in [0, 1]. 1.2 has no such element. */
  setScaled(scaled: number): LmsError | undefined {
    if (this.version !== '2004') return undefined;
    return this.#checked('SetValue', 'SetValue cmi.score.scaled', 'cmi.score.scaled', String(scaled));
  }
}

/** What the launch page (launch.ts) tells the course pages framed inside it. */
export interface LaunchInfo {
  /** When the session started (ms since the epoch), for cmi session time. */
  started: number;
  /** The course's passing percent, from the build the package was made from. */
  passingPercent?: number;
}
export const LAUNCH_GLOBAL = 'vgScormLaunch';

/** The launch page's info from the nearest same-origin ancestor that has it. */
export function findLaunch(self: Window = window): LaunchInfo | undefined {
  let win: Window = self;
  for (let hops = 0; hops <= 10; hops++) {
    try {
      const info = (win as unknown as Record<string, LaunchInfo | undefined>)[LAUNCH_GLOBAL];
      if (info) return info;
    } catch {
      return undefined;
    }
    if (win.parent === win) return undefined;
    win = win.parent;
  }
  return undefined;
}
