import { escapeHtml } from '../text/html.js';
import {
  type ExportOptions,
  headingLines,
  label,
  rundownRows,
  segmentLine,
} from './export-rows.js';
import type { Rundown } from './model.js';

// NOTE: everything inline: a studio printer or an offline machine must print it as it is.
const PRINT_CSS = `@page { size: A4; margin: 12mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 11pt; color: #000; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
p.meta { margin: 0 0 1mm; }
p.warn { margin: 0 0 1mm; font-weight: bold; }
table { width: 100%; border-collapse: collapse; margin-top: 4mm; table-layout: fixed; }
th, td { border: 0.3mm solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #e6e6e6; font-size: 10pt; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
tr.segment td { background: #f2f2f2; font-weight: bold; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; }
td.time { font-family: "Courier New", monospace; font-size: 10pt; white-space: nowrap; }
td.slug { font-family: "Courier New", monospace; font-size: 9pt; word-break: break-all; }
.notes { white-space: pre-wrap; font-size: 10pt; margin-top: 1mm; }
.media { font-size: 9pt; font-style: italic; margin-top: 1mm; }
tr.floated td { color: #555; text-decoration: line-through; }
tr.floated td .notes { text-decoration: none; }
/* widths fit the longest value of each column (20:00:00 in 10pt Courier, a 3-digit order) */
col.c-order { width: 10mm; } col.c-slug { width: 30mm; } col.c-presenter { width: 26mm; }
col.c-planned { width: 17mm; } col.c-time { width: 21mm; }
@media screen { body { max-width: 190mm; margin: 8mm auto; } }`;

/**
 * A printable A4 studio rundown (Vietnamese by default): heading with air time and totals,
 * then one table (order, slug, title with script/notes, presenter, planned, cume, back-time)
 * with a row per segment. Print CSS, no external resource.
 */
export function rundownHtml(rundown: Rundown, options: ExportOptions = {}): string {
  const lang = options.lang ?? 'vi';
  const { rows, timing } = rundownRows(rundown);
  const heading = `${rundown.programme} — ${rundown.station}`;
  const meta = headingLines(rundown, timing, lang);
  const th = (code: Parameters<typeof label>[0], cls = '') =>
    `<th${cls ? ` class="${cls}"` : ''}>${escapeHtml(label(code, lang))}</th>`;
  const body: string[] = [];
  let index = 0;
  for (const [position, segment] of timing.segments.entries()) {
    body.push(
      `<tr class="segment"><td colspan="7">${escapeHtml(segmentLine(segment, lang))}</td></tr>`,
    );
    const count = rundown.segments[position]?.items.length ?? 0;
    for (const row of rows.slice(index, index + count)) {
      const marks = [
        row.floated ? label('RUNDOWN_COL_FLOATED', lang) : '',
        row.evergreen ? label('RUNDOWN_EVERGREEN', lang) : '',
      ].filter((m) => m !== '');
      const title = `<strong>${escapeHtml(row.title)}</strong>${marks.length > 0 ? ` (${escapeHtml(marks.join(', '))})` : ''}`;
      const notes = row.notes === '' ? '' : `<div class="notes">${escapeHtml(row.notes)}</div>`;
      const media =
        row.media === ''
          ? ''
          : `<div class="media">${escapeHtml(label('RUNDOWN_COL_MEDIA', lang))}: ${escapeHtml(row.media)}</div>`;
      body.push(
        `<tr${row.floated ? ' class="floated"' : ''}><td class="num">${row.order}</td><td class="slug">${escapeHtml(row.slug)}</td><td>${title}${notes}${media}</td><td>${escapeHtml(row.presenter)}</td><td class="time num">${row.planned}</td><td class="time">${row.cume}</td><td class="time">${row.back}</td></tr>`,
      );
    }
    index += count;
  }
  const warn = timing.belowMinimum ? meta.slice(2) : [];
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${label('RUNDOWN_TITLE', lang)}: ${heading}`)}</title>
<style>
${PRINT_CSS}
</style>
</head>
<body>
<h1>${escapeHtml(heading)}</h1>
${meta
  .slice(0, 2)
  .map((line) => `<p class="meta">${escapeHtml(line)}</p>`)
  .join('\n')}
${warn.map((line) => `<p class="warn">${escapeHtml(line)}</p>`).join('\n')}
<table>
<colgroup><col class="c-order"><col class="c-slug"><col><col class="c-presenter"><col class="c-planned"><col class="c-time"><col class="c-time"></colgroup>
<thead><tr>${th('RUNDOWN_COL_ORDER', 'num')}${th('RUNDOWN_COL_SLUG')}${th('RUNDOWN_COL_TITLE')}${th('RUNDOWN_COL_PRESENTER')}${th('RUNDOWN_COL_PLANNED', 'num')}${th('RUNDOWN_COL_CUME')}${th('RUNDOWN_COL_BACK')}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
