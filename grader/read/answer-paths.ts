/** Dotted paths into an answers file, as reports and source maps name them. */
import { BoundedCache } from '../grade/bounded-cache.ts';

/** "answers" + "relu-swap" → "answers.relu-swap"; a key with other characters is quoted as JSON. */
export function joinPath(path: string, key: string): string {
  const part = isWord(key) ? key : JSON.stringify(key);
  return path === '' ? part : `${path}.${part}`;
}

/** /^[\w-]+$/ without the regular expression: this runs for every key of every file. */
function isWord(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    // 0-9, A-Z, a-z, _ and -
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45)) return false;
  }
  return true;
}

/**
 * joinPath, remembered by parent path then key: the readers record every key's path and the grader looks
 * the same paths up again, file after file. One string per path means a look-up hashes only the short key
 * (not a freshly joined path) and then finds the very string it was given. Bounded: keys come from files.
 */
const joined = new BoundedCache<string, BoundedCache<string, string>>(256);

/** The same text as joinPath(path, key), usually the same string as the last time it was asked for. */
export function childPath(path: string, key: string): string {
  return joined.getOrCompute(path, () => new BoundedCache(256)).getOrCompute(key, (k) => joinPath(path, k));
}
