/**
 * What makes a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@` at the start (also
 * after blanks), or a tab or carriage return first (OWASP "CSV injection").
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma, line break or edge blanks.
 * A text that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `@SUM`, `-2+3`)
 * is written with a leading apostrophe, so Excel and LibreOffice show it as the text it is.
 * Numbers are written as they are.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
