import { LoaError } from '../errors/loa-error.js';
import type { Lang } from '../i18n/lang.js';
import {
  type AuditTableOptions,
  renderAuditCsv,
  renderAuditJson,
  renderAuditTable,
} from './render-text.js';
import type { AuditResult } from './types.js';

/** The formats `loa audit --format` writes. */
export const AUDIT_FORMATS = ['table', 'json', 'csv', 'xlsx'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/**
 * Renders audits in a format: `table` (text), `json`, `csv` (UTF-8 with BOM) as strings,
 * `xlsx` as bytes. Throws AUDIT_BAD_FORMAT for any other format.
 */
export async function renderAudit(
  results: AuditResult | AuditResult[],
  format: string,
  lang?: Lang,
  options: AuditTableOptions = {},
): Promise<string | Buffer> {
  const list = Array.isArray(results) ? results : [results];
  switch (format) {
    case 'table':
      return list.map((r) => renderAuditTable(r, lang, options)).join('\n');
    case 'json':
      return renderAuditJson(results);
    case 'csv':
      return renderAuditCsv(list, lang);
    case 'xlsx': {
      // NOTE: exceljs is loaded only when a workbook is asked for; it costs the CLI and the
      // server a start's worth of CPU otherwise.
      const { renderAuditXlsx } = await import('./render-xlsx.js');
      return renderAuditXlsx(list, lang);
    }
    default:
      throw new LoaError('AUDIT_BAD_FORMAT', {
        params: { format, known: AUDIT_FORMATS.join(', ') },
      });
  }
}
