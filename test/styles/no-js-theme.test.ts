/**
 * src/styles/no-js-theme.css copies Starlight's light-theme custom properties
 * so that a page without JavaScript follows a light system scheme. The copy
 * must say exactly what Starlight's own light block says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Starlight's installed stylesheet (its package exports do not expose it, so it is read from node_modules). */
const starlightProps = new URL('../../node_modules/@astrojs/starlight/dist/style/props.css', import.meta.url);

/** The declarations of the first block after `selector`, comments dropped, whitespace collapsed, one per entry. */
function declarations(css: string, selector: string): string[] {
  const start = css.indexOf(selector);
  if (start < 0) throw new Error(`no ${selector} in the stylesheet`);
  const open = css.indexOf('{', start);
  const close = css.indexOf('}', open);
  return css
    .slice(open + 1, close)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(';')
    .map((d) => d.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .sort();
}

describe('the no-JavaScript light theme', () => {
  const starlight = readFileSync(starlightProps, 'utf8');
  const ours = readFileSync(new URL('../../src/styles/no-js-theme.css', import.meta.url), 'utf8');

  it('applies only with scripting off and a light system scheme', () => {
    expect(ours).toMatch(/@media \(scripting: none\) and \(prefers-color-scheme: light\) \{\s*:root \{/);
  });

  it("declares exactly Starlight's light-theme properties, plus color-scheme: light", () => {
    const theirs = declarations(starlight, ":root[data-theme='light']");
    expect(theirs.length).toBeGreaterThan(20);
    expect(declarations(ours, ':root {')).toEqual([...theirs, 'color-scheme: light'].sort());
  });
});
