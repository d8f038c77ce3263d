/**
 * The built pages are prepared for the search index (src/integrations/search-index.ts): a space after
 * the elements Pagefind does not separate, islands left out, nothing else changed. The index itself is
 * checked in the browser by test/e2e/search.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { preparedForSearch } from '../../src/integrations/search-index.ts';

describe('preparing a page for search', () => {
  it('separates a caption, header cells and rows, a figure caption and the summary after it', () => {
    expect(preparedForSearch('<caption>Data</caption><thead><tr><th>Layer</th><th>z</th></tr></thead>')).toBe(
      '<caption>Data</caption> <thead><tr><th>Layer</th> <th>z</th> </tr> </thead>',
    );
    expect(preparedForSearch('<figcaption>A plot.</figcaption><details><summary>Numbers</summary><div>')).toBe(
      '<figcaption>A plot.</figcaption> <details><summary>Numbers</summary> <div>',
    );
  });

  it('separates links and buttons side by side, and a link card title from its description', () => {
    expect(preparedForSearch('<a href="a">Start</a><a href="b">Go</a><button>CSV</button><button>Canvas</button>')).toBe(
      '<a href="a">Start</a> <a href="b">Go</a> <button>CSV</button> <button>Canvas</button>',
    );
    expect(preparedForSearch('<a href="x"><span class="title">The pieces</span></a><span class="description">Neuron')).toBe(
      '<a href="x"><span class="title">The pieces</span></a> <span class="description">Neuron',
    );
  });

  it('leaves islands out of the index', () => {
    expect(preparedForSearch('<astro-island uid="1"><button>Play</button></astro-island>')).toBe(
      '<astro-island data-pagefind-ignore uid="1"><button>Play</button></astro-island>',
    );
  });

  it('leaves inline elements, text after a tag, scripts and styles exactly as they were', () => {
    const page =
      '<p><b>bold</b><i>x</i><a>link</a>, text</p><th>a</th>text<script>s="</th><th>"</script><style>i::after{content:"</a><a>"}</style>';
    expect(preparedForSearch(page)).toBe(page);
  });
});
