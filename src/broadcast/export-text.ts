import { csvCell } from '../text/csv.js';
import {
  COLUMNS,
  type ExportOptions,
  headingLines,
  label,
  type RundownRow,
  rundownRows,
  segmentLine,
} from './export-rows.js';
import type { Rundown } from './model.js';
import { computeTiming } from './timing.js';

/**
 * The rundown as JSON: the stored rundown and, beside it, its computed timing (cume and
 * back-time as seconds and ISO instants, over/under per segment and for the show).
 */
export function rundownJson(rundown: Rundown): string {
  const timing = computeTiming(rundown);
  const out = {
    rundown,
    timing: {
      plannedSec: timing.plannedSec,
      slotSec: timing.slotSec,
      overUnderSec: timing.overUnderSec,
      minimumSec: timing.minimumSec,
      belowMinimum: timing.belowMinimum,
      segments: timing.segments,
      items: timing.items.map((t) => ({
        slug: t.item.slug,
        order: t.order,
        countedSec: t.countedSec,
        cumeSec: t.cumeSec,
        cumeAt: t.cumeAt.toISO(),
        backSec: t.backSec,
        backAt: t.backAt.toISO(),
      })),
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function cell(row: RundownRow, key: keyof RundownRow, yes: string): string {
  const value = row[key];
  return typeof value === 'boolean' ? (value ? yes : '') : value;
}

/**
 * One CSV row per item (RFC 4180: CRLF, fields quoted when they hold a quote, comma or line
 * break; a text a spreadsheet would run as a formula gets a leading apostrophe, see
 * csvCell), headed by the column labels. Starts with a BOM (U+FEFF) so that spreadsheets read
 * the Vietnamese as UTF-8: write the string as UTF-8.
 */
export function rundownCsv(rundown: Rundown, options: ExportOptions = {}): string {
  const lang = options.lang ?? 'vi';
  const yes = label('RUNDOWN_YES', lang);
  const { rows } = rundownRows(rundown);
  const lines = [
    COLUMNS.map(([, code]) => csvCell(label(code, lang))).join(','),
    ...rows.map((row) => COLUMNS.map(([key]) => csvCell(cell(row, key, yes))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Pads or cuts text to a width in characters (code points of NFC text). */
function fitWidth(text: string, width: number, right = false): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  const cut = chars.length > width ? [...chars.slice(0, width - 1), '…'] : chars;
  const pad = ' '.repeat(width - cut.length);
  return right ? pad + cut.join('') : cut.join('') + pad;
}

const TXT_COLUMNS: [keyof RundownRow, number, boolean][] = [
  ['order', 3, true],
  ['cume', 8, false],
  ['back', 8, false],
  ['planned', 10, true],
  ['slug', 24, false],
  ['presenter', 18, false],
  ['title', 40, false],
];

/**
 * A fixed-width plain-text rundown for a studio printer or a terminal: heading, then per
 * segment its line and its items (order, cume, back-time, planned, slug, presenter, title),
 * the presenter notes indented beneath. Floated items are marked `~` before the order.
 */
export function rundownText(rundown: Rundown, options: ExportOptions = {}): string {
  const lang = options.lang ?? 'vi';
  const { rows, timing } = rundownRows(rundown);
  const codes = Object.fromEntries(COLUMNS) as Record<
    keyof RundownRow,
    Parameters<typeof label>[0]
  >;
  const header = TXT_COLUMNS.map(([key, width, right]) =>
    fitWidth(label(codes[key], lang), width, right),
  );
  const rule = '-'.repeat(header.join(' ').length + 1);
  const out = [
    `${rundown.programme} — ${rundown.station}`,
    ...headingLines(rundown, timing, lang),
    '',
    ` ${header.join(' ').trimEnd()}`,
    rule,
  ];
  let index = 0;
  for (const [position, segment] of timing.segments.entries()) {
    out.push(`== ${segmentLine(segment, lang)}`);
    const count = rundown.segments[position]?.items.length ?? 0;
    for (const row of rows.slice(index, index + count)) {
      const mark = row.floated ? '~' : ' ';
      const cells = TXT_COLUMNS.map(([key, width, right]) =>
        fitWidth(cell(row, key, ''), width, right),
      );
      const tail = row.evergreen ? ` (${label('RUNDOWN_EVERGREEN', lang)})` : '';
      out.push(`${mark}${cells.join(' ').trimEnd()}${tail}`);
      for (const note of row.notes.split(/\r?\n/).filter((l) => l.trim() !== '')) {
        out.push(`      ${note.trim()}`);
      }
      if (row.media !== '') out.push(`      [${label('RUNDOWN_COL_MEDIA', lang)}: ${row.media}]`);
    }
    index += count;
  }
  out.push(rule, `~ ${label('RUNDOWN_COL_FLOATED', lang)}`);
  return `${out.join('\n')}\n`;
}
