/** Dotted paths into an answers file, as reports and source maps name them. */

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
