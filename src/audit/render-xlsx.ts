import ExcelJS from 'exceljs';
import type { Lang } from '../i18n/lang.js';
import { auditRows, completionText, rowCells, rowHeaders } from './rows.js';
import type { AuditResult, TaskStatus } from './types.js';

/** Fill colour (ARGB) of each status cell: green met, red missed, amber at risk… */
export const STATUS_COLOURS: Record<TaskStatus, string | undefined> = {
  met: 'FFC6EFCE',
  missed: 'FFFFC7CE',
  'at-risk': 'FFFFEB9C',
  open: 'FFDDEBF7',
  'not-yet-due': 'FFEDEDED',
  counted: undefined,
};

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique. */
function sheetName(id: string, taken: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 28)}~${n}`;
  taken.add(name);
  return name;
}

/**
 * The audits as an Excel workbook: one sheet per plan, a bold frozen header row, one row
 * per task and sub-period with its status cell coloured, and the completion line below.
 */
export async function renderAuditXlsx(
  results: AuditResult | AuditResult[],
  lang?: Lang,
): Promise<Buffer> {
  const list = Array.isArray(results) ? results : [results];
  const book = new ExcelJS.Workbook();
  book.creator = 'loa';
  const taken = new Set<string>();
  for (const result of list) {
    const sheet = book.addWorksheet(sheetName(result.plan.id, taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const header = sheet.addRow(rowHeaders(lang));
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    const statusColumn = 12;
    for (const row of auditRows(result, lang)) {
      const added = sheet.addRow(rowCells(row, lang));
      const colour = STATUS_COLOURS[row.status];
      if (colour) {
        added.getCell(statusColumn).fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: colour },
        };
      }
    }
    sheet.addRow([]);
    sheet.addRow([completionText(result, lang)]);
    const widths = [16, 8, 24, 60, 20, 10, 12, 12, 8, 9, 12, 18, 30, 40];
    widths.forEach((w, i) => {
      sheet.getColumn(i + 1).width = w;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
