/** Recognises the grader's own JSON report, so a report written into the graded folder is never graded as a submission. */
import { isRecord } from '../plain.ts';

/** True when `bytes` hold a JSON object with the report's `files` list and `summary`, and no `answers`. */
export function isGraderReport(bytes: Uint8Array): boolean {
  let start = 0;
  while (start < bytes.length && (bytes[start] === 0x20 || bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x09)) start++;
  if (bytes[start] !== 0x7b) return false; // '{': cheap refusal for every YAML file
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return false;
  }
  return isRecord(data) && Array.isArray(data.files) && isRecord(data.summary) && !Object.hasOwn(data, 'answers');
}
