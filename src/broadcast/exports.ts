import { rundownHtml } from './export-html.js';
import { type MosExportOptions, rundownMos } from './export-mos.js';
import type { ExportOptions } from './export-rows.js';
import { rundownCsv, rundownJson, rundownText } from './export-text.js';
import type { Rundown } from './model.js';

export { rundownHtml } from './export-html.js';
export { type IcsExportOptions, rundownCalendar } from './export-ics.js';
export { type MosExportOptions, rundownMos, storySlug } from './export-mos.js';
export type { ExportOptions } from './export-rows.js';
export { rundownCsv, rundownJson, rundownText } from './export-text.js';

/** The formats one rundown exports to (`ics` covers a range of slots: `rundownCalendar`). */
export const RUNDOWN_FORMATS = ['json', 'csv', 'txt', 'html', 'mos'] as const;
export type RundownFormat = (typeof RUNDOWN_FORMATS)[number];

/** The file extension and media type of each format, for the edge that writes or serves it. */
export const RUNDOWN_FORMAT_FILES: Record<RundownFormat | 'ics', { ext: string; type: string }> = {
  json: { ext: 'json', type: 'application/json; charset=utf-8' },
  csv: { ext: 'csv', type: 'text/csv; charset=utf-8' },
  txt: { ext: 'txt', type: 'text/plain; charset=utf-8' },
  html: { ext: 'html', type: 'text/html; charset=utf-8' },
  mos: { ext: 'xml', type: 'application/xml' },
  ics: { ext: 'ics', type: 'text/calendar; charset=utf-8' },
};

/**
 * One rundown in a format: a string for the text formats, a Buffer for MOS (whose bytes
 * depend on the chosen encoding).
 */
export function exportRundown(
  format: RundownFormat,
  rundown: Rundown,
  options: ExportOptions & MosExportOptions = {},
): string | Buffer {
  switch (format) {
    case 'json':
      return rundownJson(rundown);
    case 'csv':
      return rundownCsv(rundown, options);
    case 'txt':
      return rundownText(rundown, options);
    case 'html':
      return rundownHtml(rundown, options);
    case 'mos':
      return rundownMos(rundown, options);
  }
}
