/**
 * "Did you mean 'relu-swap'?": the closest known id by Damerau–Levenshtein
 * distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), compared case-insensitively with '_' and '-' treated alike.
 */

/** Ids longer than this get no suggestion: nothing known is that long, and the cost stays bounded. */
const MAX_COMPARED_LENGTH = 64;

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

const normalise = (id: string): string => id.toLowerCase().replaceAll('_', '-');

/**
 * The known id closest to `id`, if it is close enough: at most 2 edits, and
 * at most a third of the id's length, so "abc" does not suggest "ratio".
 */
export function suggest(id: string, known: readonly string[]): string | undefined {
  if (id.length === 0 || id.length > MAX_COMPARED_LENGTH) return undefined;
  const wanted = normalise(id);
  const limit = Math.min(2, Math.max(1, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(wanted, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
