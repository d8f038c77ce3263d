/**
 * CSV both ways, RFC 4180: fields are quoted when they hold a comma, a
 * quote, CR or LF, quotes are doubled, records end in CRLF. Text cells are
 * also made safe for spreadsheets: one that starts with = + - @, a tab or CR
 * would run as a formula in Excel, LibreOffice or Google Sheets, so it gets a
 * leading apostrophe (OWASP's advice). Numbers are written as numbers.
 */

/** A cell: text (learner-controlled, so neutralised) or a number (written as is). Undefined is an empty cell. */
export type CsvCell = string | number | undefined;

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, neutralised and quoted as needed. */
export function csvField(cell: CsvCell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
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
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
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
      if (c === '"' && source[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === separator) endField(), i++;
    else if (c === '\n' || c === '\r') {
      endRow();
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
    } else (field += c), i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
