/**
 * Island state in the URL hash, namespaced by island id so several islands
 * share one hash: `#flow-a=depth:8,w:0.5&flow-b=…`. Segments that are not
 * ours (a heading anchor, another island) are kept as they are.
 */

/** The raw `key:value` pairs stored for `id`, or undefined when the hash has none (or is unreadable). */
export function readHashState(hash: string, id: string): Record<string, string> | undefined {
  for (const segment of hash.replace(/^#/, '').split('&')) {
    const eq = segment.indexOf('=');
    if (eq < 0 || safeDecode(segment.slice(0, eq)) !== id) continue;
    const out: Record<string, string> = Object.create(null);
    for (const pair of safeDecode(segment.slice(eq + 1)).split(',')) {
      const colon = pair.indexOf(':');
      if (colon > 0) out[pair.slice(0, colon)] = pair.slice(colon + 1);
    }
    return out;
  }
  return undefined;
}

/** The raw value of the hash segment `key=value` (such as `lab:preset=batchnorm-rescue`), or undefined. */
export function readHashValue(hash: string, key: string): string | undefined {
  for (const segment of hash.replace(/^#/, '').split('&')) {
    const eq = segment.indexOf('=');
    if (eq > 0 && safeDecode(segment.slice(0, eq)) === key) return safeDecode(segment.slice(eq + 1));
  }
  return undefined;
}

/** The hash without the segment named `key`. */
export function dropHashSegment(hash: string, key: string): string {
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((s) => s !== '' && safeDecode(s.slice(0, s.indexOf('=') < 0 ? s.length : s.indexOf('='))) !== key);
  return rest.length ? `#${rest.join('&')}` : '';
}

/** A new hash with `id`'s segment replaced by `state`, other segments untouched. */
export function writeHashState(hash: string, id: string, state: Readonly<Record<string, string | number | boolean>>): string {
  const value = Object.entries(state)
    .map(([k, v]) => `${k}:${typeof v === 'boolean' ? (v ? 1 : 0) : v}`)
    .join(',');
  const ours = `${encodeURIComponent(id)}=${encodeURIComponent(value).replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
  const others = hash
    .replace(/^#/, '')
    .split('&')
    .filter((s) => s !== '' && safeDecode(s.slice(0, s.indexOf('=') < 0 ? s.length : s.indexOf('='))) !== id);
  return `#${[...others, ours].join('&')}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '';
  }
}

/** A finite number within [lo, hi], else the fallback. */
export function numberIn(raw: string | undefined, lo: number, hi: number, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = Number(raw);
  return Number.isFinite(v) && v >= lo && v <= hi ? v : fallback;
}

/** One of the allowed words, else the fallback. */
export function oneOf<T extends string>(raw: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(raw as T) ? (raw as T) : fallback;
}

/** "1"/"true" → true, "0"/"false" → false, anything else → the fallback. */
export function flag(raw: string | undefined, fallback: boolean): boolean {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return fallback;
}
