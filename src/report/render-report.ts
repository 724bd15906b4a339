import { LoaError } from '../errors/loa-error.js';
import { buildReport, type ReportInput } from './model.js';
import { renderReportHtml } from './render-html.js';
import { renderReportMd } from './render-md.js';

/** The formats `loa report --format` writes. */
export const REPORT_FORMATS = ['docx', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The periodic report of a plan in a format: `docx` as bytes, `html` and `md` as text.
 * Async because the docx packer is. Throws AUDIT_BAD_FORMAT for any other format and
 * REPORT_BAD_PERIOD for a period that is not a month, quarter, half-year or year.
 */
export async function renderReport(input: ReportInput, format: string): Promise<Buffer | string> {
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new LoaError('AUDIT_BAD_FORMAT', {
      params: { format, known: REPORT_FORMATS.join(', ') },
    });
  }
  const model = buildReport(input);
  if (format === 'docx') {
    // NOTE: docx is loaded only when a document is asked for, not by every start of the server.
    const { renderReportDocx } = await import('./render-docx.js');
    return renderReportDocx(model);
  }
  if (format === 'html') return renderReportHtml(model);
  return renderReportMd(model);
}
