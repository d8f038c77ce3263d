/**
 * Markdown tables scroll sideways inside a focusable, labelled region (src/markdown/layout.ts), so a
 * keyboard can scroll one wider than the screen (axe: scrollable-region-focusable). Built-page check:
 * test/e2e/pages.test.ts runs axe on every page after scrolling it through.
 */
import { describe, expect, it } from 'vitest';
import { rehypeLayout, TABLE_SCROLL_CLASS, tableRegionLabel } from '../../src/markdown/layout.ts';

const text = (value: string) => ({ type: 'text', value });
const el = (tagName: string, children: unknown[] = []) => ({ type: 'element', tagName, properties: {}, children });
const table = (...heads: string[]) =>
  el('table', [
    el('thead', [
      el(
        'tr',
        heads.map((h) => el('th', [text(h)])),
      ),
    ]),
    el('tbody', [el('tr', [el('td', [text('1')])])]),
  ]);

interface Laid {
  tagName: string;
  properties: Record<string, unknown>;
  children: Laid[];
}

function layOut(children: unknown[]): Laid[] {
  const tree = { type: 'root', children };
  rehypeLayout()(tree as Parameters<ReturnType<typeof rehypeLayout>>[0]);
  return tree.children as Laid[];
}

describe('a Markdown table', () => {
  it('is wrapped in a focusable region named after its column heads', () => {
    const [wrap] = layOut([table('Setting', 'Default')]);
    expect(wrap?.tagName).toBe('div');
    expect(wrap?.properties).toEqual({
      className: [TABLE_SCROLL_CLASS],
      tabindex: '0',
      role: 'region',
      'aria-label': 'Table of Setting, Default: scroll sideways if it is cut off',
    });
    expect(wrap?.children.map((c) => c.tagName)).toEqual(['table']);
  });

  it('is wrapped once, wherever it sits, and two tables on a page get different names', () => {
    const [section] = layOut([el('section', [table('A', 'B'), el('p'), table('C')])]);
    const wraps = section?.children ?? [];
    expect(wraps.map((w) => w.tagName)).toEqual(['div', 'p', 'div']);
    expect(wraps[0]?.children.map((c) => c.tagName)).toEqual(['table']);
    expect(wraps[0]?.properties['aria-label']).not.toBe(wraps[2]?.properties['aria-label']);
  });

  it('without column heads still has a name', () => {
    expect(tableRegionLabel([' ', ''])).toBe('Table: scroll sideways if it is cut off');
  });
});
