/** Dotted paths into an answers file, as reports and source maps name them. */
import { CHALLENGE_IDS } from '../../exercises/challenges/types.ts';
import { EXERCISES } from '../../exercises/index.ts';

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
 * The course's own paths, each joined once: the top-level keys, every exercise and challenge, every part.
 * The readers record every key's path and the grader looks the same paths up again, file after file; with
 * one string per path, a look-up hashes only the short key (not a freshly joined path) and then finds the
 * very string it was given. A fixed table of the course, not a cache: learner input adds nothing to it.
 */
const COURSE_PATHS: ReadonlyMap<string, ReadonlyMap<string, string>> = (() => {
  const table = new Map<string, Map<string, string>>();
  const add = (path: string, keys: readonly string[]): void => {
    table.set(path, new Map(keys.map((key) => [key, joinPath(path, key)])));
  };
  add('', ['course', 'learner', 'submitted', 'answers']);
  add('answers', [...EXERCISES.map((e) => e.id), ...CHALLENGE_IDS]);
  for (const e of EXERCISES)
    add(
      joinPath('answers', e.id),
      e.parts.map((p) => p.id),
    );
  return table;
})();

/** The same text as joinPath(path, key); for a path of the course, always the same string. */
export function childPath(path: string, key: string): string {
  return COURSE_PATHS.get(path)?.get(key) ?? joinPath(path, key);
}
