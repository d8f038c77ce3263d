/** Recognises the grader's own JSON report, so a report written into the graded folder is never graded as a submission. */
import { isRecord } from '../read/plain-data.ts';

/** True when `bytes` hold a JSON object with the report's `files` list and `summary`, and no `answers`. */
export function isGraderReport(bytes: Uint8Array): boolean {
  let start = 0;
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x09))
    start++;
  if (bytes[start] !== 0x7b) return false; // '{': cheap refusal for every YAML file
  // Without a `"summary"` key, written plainly or with escapes, it is no report: a cheap refusal for every answers file in JSON.
  if (!hasSummaryKey(bytes)) return false;
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return false;
  }
  return isRecord(data) && Array.isArray(data.files) && isRecord(data.summary) && !Object.hasOwn(data, 'answers');
}

const SUMMARY = new TextEncoder().encode('"summary"');

/** Whether the text may hold a `summary` key: the key written plainly, or any backslash (a key spelled with escapes). */
function hasSummaryKey(bytes: Uint8Array): boolean {
  return bytes.indexOf(0x5c) !== -1 || Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(SUMMARY) !== -1;
}
