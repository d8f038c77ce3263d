/**
 * CSV both ways, RFC 4180: quotes are doubled, records end in CRLF. Text
 * cells are learner-controlled, so each is written the way every other format
 * writes learner text (format/visible.ts: control and bidi characters as code
 * points, so an ESC sequence cannot drive the terminal the CSV is printed to
 * and a right-to-left override cannot disguise an id), and each is quoted,
 * always. A cell that starts with = + - @ would run as a formula in Excel,
 * LibreOffice or Google Sheets, so it gets a leading apostrophe (OWASP's
 * advice); so does such a character after a `,` or `;` inside a cell, since a
 * spreadsheet that splits on the other separator (Excel in much of Europe
 * splits on `;`) may start a cell there (tab is a code point by then).
 * Numbers are written as numbers.
 */
import { visible } from '../report/visible.ts';

/** A cell: text (learner-controlled, so neutralised) or a number (written as is). Undefined is an empty cell. */
export type CsvCell = string | number | undefined;

/** Characters that make a spreadsheet read a cell as a formula (tab and CR are already code points by then). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A separator some spreadsheet may split on, then (past quotes and spaces) a formula character. */
const FORMULA_AFTER_SEPARATOR = /([,;]["\s]*)(?=[=+\-@])/g;

/** One field: a number as is, text shown visibly, neutralised and quoted. */
export function csvField(cell: CsvCell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const shown = visible(cell);
  const inside = shown.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  const safe = FORMULA_START.test(inside) ? `'${inside}` : inside;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Records as CSV text, each line ending in CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * Reads CSV text into records of strings. Accepts what spreadsheets write:
 * a UTF-8 byte-order mark, LF or CRLF line ends, quoted fields across lines,
 * and, when the header line has none of `,` but some `;` or tabs (Excel in
 * many locales), that separator instead. Blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  return readCsv(text).rows;
}

/** parseCsv's records, and the line of a quote left open at the end (which swallowed the rest of the text), if any. */
export function readCsv(text: string): { rows: string[][]; openQuoteLine?: number } {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '\n') line++;
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === separator) endField();
    else if (c === '\n' || c === '\r') {
      endRow();
      line++;
      if (c === '\r' && source[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return quoted ? { rows, openQuoteLine: quoteLine } : { rows };
}
