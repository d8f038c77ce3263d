/**
 * The relative link from one page's path to another's, both absolute and
 * ending in '/' for folders: relativeHref('/c/lessons/a/', '/c/lessons/b/')
 * is '../b/'. A relative link keeps working when the site is moved under
 * another base path or unpacked inside an LMS.
 */
export function relativeHref(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1).filter(Boolean);
  const toParts = to.split('/');
  const toDirs = toParts.slice(0, -1).filter(Boolean);
  let common = 0;
  while (common < fromDirs.length && common < toDirs.length && fromDirs[common] === toDirs[common]) common++;
  const up = '../'.repeat(fromDirs.length - common);
  const down = toDirs
    .slice(common)
    .map((d) => `${d}/`)
    .join('');
  const rest = up + down + (toParts.at(-1) ?? '');
  return rest === '' ? './' : rest;
}
