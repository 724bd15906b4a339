import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditPlan } from '../../src/audit/audit-plan.js';
import { renderAudit } from '../../src/audit/render.js';
import { renderAuditCsv, renderAuditTable } from '../../src/audit/render-text.js';
import { STATUS_COLOURS } from '../../src/audit/render-xlsx.js';
import type { AuditResult } from '../../src/audit/types.js';
import { parsePeriod } from '../../src/calendar/period.js';
import { loadProject } from '../../src/config/project.js';
import { syntheticYear } from './synthetic-year.js';

let results: AuditResult[];

beforeAll(async () => {
  const project = await loadProject({ root: join(import.meta.dirname, '../..') });
  const channels = project.channels.map((c) => c.value);
  results = ['bnv-2024', 'thai-binh-2024'].map((id) => {
    const plan = project.plans.find((p) => p.value.id === id)?.value;
    if (!plan) throw new Error(id);
    return auditPlan({
      plan,
      channels,
      entries: syntheticYear(plan, channels, 2024),
      period: parsePeriod('2024-03', plan.timeZone),
      now: DateTime.fromISO('2024-03-20T12:00', { zone: plan.timeZone }),
    });
  });
});

describe('audit renderers', () => {
  it('table: Vietnamese, one line per week, the reason an airing did not count', () => {
    const text = renderAuditTable(results[0] as AuditResult, 'vi');
    expect(text).toContain('[IV.1.d] Chuyên mục cải cách hành chính');
    expect(text).toMatch(/2024-W09\*\s+1\s+1\s+đạt/);
    expect(text).toMatch(/2024-W10\s+1\s+0\s+không đạt/);
    expect(text).toContain('ngắn hơn thời lượng tối thiểu');
    expect(text).toContain('ngoài khung giờ quy định');
    expect(text).toContain('nguy cơ không đạt');
    expect(text).toContain('* kỳ vượt ra ngoài kỳ kiểm tra');
    expect(text).toMatch(/Tỷ lệ hoàn thành: [\d.]+%/);
    expect(text).toContain('CHƯA CÓ tin, bài');
    expect(text.normalize('NFC')).toBe(text);
  });

  it('csv: BOM, header, CRLF, quoted fields, one row per task-period', () => {
    const csv = renderAuditCsv(results, 'vi');
    expect(csv.startsWith('\uFEFFKế hoạch,Mục,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const rows = results.flatMap((r) => r.tasks.flatMap((t) => t.periods));
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.find((l) => l.includes(',2024-W10,'))).toMatch(
      /"Chuyên mục cải cách hành chính phát sóng định kỳ, mỗi tuần/,
    );
  });

  it('json: the result itself', async () => {
    const json = (await renderAudit(results[0] as AuditResult, 'json')) as string;
    expect(JSON.parse(json)).toEqual(results[0]);
  });

  it('xlsx: one sheet per plan, header row, coloured status cells', async () => {
    const bytes = (await renderAudit(results, 'xlsx', 'vi')) as Buffer;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['bnv-2024', 'thai-binh-2024']);
    const sheet = book.getWorksheet('bnv-2024');
    expect(sheet?.getRow(1).getCell(12).value).toBe('Trạng thái');
    let missed = 0;
    sheet?.eachRow((row, n) => {
      if (n > 1 && row.getCell(12).value === 'không đạt') {
        missed += 1;
        const fill = row.getCell(12).fill as { fgColor?: { argb?: string } };
        expect(fill.fgColor?.argb).toBe(STATUS_COLOURS.missed);
      }
    });
    expect(missed).toBe(2);
  });

  it('refuses an unknown format', async () => {
    await expect(renderAudit(results, 'pdf')).rejects.toThrow(/pdf/);
  });
});
