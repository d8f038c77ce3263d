/** Dotted paths into an answers file, as reports and source maps name them. */

/** "answers" + "relu-swap" → "answers.relu-swap"; a key with other characters is quoted as JSON. */
export function joinPath(path: string, key: string): string {
  const part = /^[\w-]+$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? part : `${path}.${part}`;
}
