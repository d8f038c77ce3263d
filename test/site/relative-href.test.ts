/** relativeHref: the link from one page to another resolves, with the URL standard, to the target under any base path. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeHref } from '../../src/components/relative-href.ts';

describe('relativeHref', () => {
  it('climbs to the common folder and goes down', () => {
    expect(relativeHref('/lessons/basics/', '/lessons/fixes/')).toBe('../fixes/');
    expect(relativeHref('/', '/lessons/fixes/')).toBe('lessons/fixes/');
    expect(relativeHref('/course/guides/for-learners/', '/course/lessons/basics/')).toBe('../../lessons/basics/');
    expect(relativeHref('/lessons/fixes/', '/lessons/fixes/')).toBe('./');
  });

  it('always resolves to the target, as a browser resolves it (URL standard as the oracle)', () => {
    const segment = fc.constantFrom('a', 'b', 'lessons', 'vg', 'fixes');
    const folder = fc.array(segment, { maxLength: 4 }).map((parts) => `/${parts.map((p) => `${p}/`).join('')}`);
    fc.assert(
      fc.property(folder, folder, (from, to) => {
        expect(new URL(relativeHref(from, to), `http://x${from}`).pathname).toBe(to);
      }),
    );
  });
});
