/**
 * The learner's saved progress (the course's `vg:v1:*` records in
 * localStorage, storage.ts) as SCORM suspend_data, so it follows the learner
 * from one device to the next. The records' JSON is deflated and written in
 * base64 behind a version tag. SCORM 1.2 allows 4,096 characters: when the
 * text does not fit, the feedback sentences go first (a Check writes them
 * again), then whole records, checkpoints before exercises, largest first;
 * what was dropped is said, never silently lost.
 */
import { progressKey, STORAGE_VERSION, COURSE_RECORD, CHECKPOINTS_RECORD } from '../exercise/storage.ts';

/** The tag before the base64, naming this encoding and the storage version of the records inside. */
const TAG = `vg${STORAGE_VERSION}z:`;
const RECORD_KEY = new RegExp(`^vg:v${STORAGE_VERSION}:(.+)$`);

/** Each record's parsed JSON, by record name (an exercise id, "checkpoints"). */
export type Records = Record<string, unknown>;

/** The records to carry: every course record but the course one, whose learner id the LMS gives. */
export function readRecords(storage: Storage): Records {
  const out: Records = {};
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i)?.match(RECORD_KEY)?.[1];
    if (!name || name === COURSE_RECORD) continue;
    try {
      out[name] = JSON.parse(storage.getItem(progressKey(name)) ?? 'null');
    } catch {
      // A damaged record stays behind; the page that owns it clears it with a notice.
    }
  }
  return out;
}

/** Replaces this browser's records with the LMS's (the LMS is the record of who did what), keeping the course record. */
export function writeRecords(storage: Storage, records: Records): void {
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i)?.match(RECORD_KEY)?.[1];
    if (name && name !== COURSE_RECORD) stale.push(name);
  }
  for (const name of stale) storage.removeItem(progressKey(name));
  for (const [name, value] of Object.entries(records)) {
    if (name !== COURSE_RECORD) storage.setItem(progressKey(name), JSON.stringify(value));
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

async function encode(records: Records): Promise<string> {
  const deflated = await pipe(new TextEncoder().encode(JSON.stringify(records)), new CompressionStream('deflate-raw'));
  return TAG + toBase64(deflated);
}

/** The records without their feedback sentences (the verdicts stay). */
function withoutFeedback(records: Records): Records {
  return JSON.parse(JSON.stringify(records), (key, value: unknown) =>
    key === 'feedback' && typeof value === 'string' ? '' : value,
  ) as Records;
}

export interface Encoded {
  data: string;
  /** Feedback sentences were left out to fit. */
  trimmed: boolean;
  /** Records left out to fit, by name. */
  dropped: string[];
}

/** The records as suspend_data of at most `limit` characters. */
export async function encodeSuspend(records: Records, limit: number): Promise<Encoded> {
  const full = await encode(records);
  if (full.length <= limit) return { data: full, trimmed: false, dropped: [] };
  const kept = withoutFeedback(records);
  const dropped: string[] = [];
  // Checkpoints (practice) go before exercises (the graded answers); larger before smaller.
  const order = Object.keys(kept).sort(
    (a, b) =>
      Number(b === CHECKPOINTS_RECORD) - Number(a === CHECKPOINTS_RECORD) ||
      JSON.stringify(kept[b]).length - JSON.stringify(kept[a]).length,
  );
  for (;;) {
    const data = await encode(kept);
    if (data.length <= limit) return { data, trimmed: true, dropped };
    const name = order.shift();
    if (name === undefined) return { data: TAG, trimmed: true, dropped };
    delete kept[name];
    dropped.push(name);
  }
}

/** The records in suspend_data; undefined when it is empty, not ours, or damaged. */
export async function decodeSuspend(text: string): Promise<Records | undefined> {
  if (!text.startsWith(TAG)) return undefined;
  try {
    const bytes = Uint8Array.from(atob(text.slice(TAG.length)), (c) => c.charCodeAt(0));
    const json: unknown = JSON.parse(new TextDecoder().decode(await pipe(bytes, new DecompressionStream('deflate-raw'))));
    return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Records) : undefined;
  } catch {
    return undefined;
  }
}
