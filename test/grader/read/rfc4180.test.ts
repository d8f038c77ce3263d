/** CSV cells against a hostile class (decisions: hostile classes): what a learner id can do to a terminal or a spreadsheet. */
import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, toCsv } from '../../../grader/read/rfc4180.ts';

/** How a spreadsheet that splits on `sep` reads a line: RFC 4180 quoting, that separator. */
function splitAs(line: string, sep: string): string[] {
  return parseCsv(`${sep}\n${line}`).slice(1)[0] ?? [];
}

describe('CSV cells', () => {
  it('shows control and bidi characters as code points, as every other format does', () => {
    // An ESC sequence that clears the screen, and a right-to-left override that shows "‮ude.inu@321s" as "s123@uni.edu".
    expect(csvField('\u001B[2J\u001B[Hfake line')).toBe('"\\u{1B}[2J\\u{1B}[Hfake line"');
    expect(csvField('\u202Eude.inu@321s')).toBe('"\\u{202E}ude.inu@321s"');
    expect(toCsv([['a\nb', 'c\u2028d']])).toBe('"a\\u{A}b","c\\u{2028}d"\r\n');
  });

  it('quotes every text cell, so no separator a spreadsheet may split on can start a formula', () => {
    for (const sep of [',', ';', '\t']) {
      const line = toCsv([[`x${sep}=HYPERLINK("http://evil")`, 'x,=1', 'x;=1', 'ok', 3]]).trimEnd();
      const cells = splitAs(line, sep);
      expect(
        cells.some((c) => /^[=+\-@]/.test(c)),
        `split on ${JSON.stringify(sep)}: ${JSON.stringify(cells)}`,
      ).toBe(false);
    }
    expect(toCsv([['x;=HYPERLINK("http://evil")', 'a, -1']])).toBe(`"x;'=HYPERLINK(""http://evil"")","a, '-1"\r\n`);
  });
});
