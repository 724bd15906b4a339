import { join } from 'node:path';
import { DateTime } from 'luxon';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/calendar/period.js';
import { loadProject } from '../../src/config/project.js';
import type { Channel } from '../../src/model/channel.js';
import type { Plan } from '../../src/model/plan.js';
import { buildReport, type ReportInput } from '../../src/report/model.js';
import { renderReport } from '../../src/report/render-report.js';
import { reportsDueWithin } from '../../src/report/reports-due.js';
import { periodInWords, placeAndDate, signatureBlock } from '../../src/report/wording.js';
import { syntheticYear } from '../audit/synthetic-year.js';

const ROOT_HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
let plans: Plan[];
let channels: Channel[];

beforeAll(async () => {
  const project = await loadProject({ root: join(import.meta.dirname, '../..') });
  plans = project.plans.map((p) => p.value);
  channels = project.channels.map((c) => c.value);
});

function input(id: string, period: string, now: string): ReportInput {
  const plan = plans.find((p) => p.id === id);
  if (!plan) throw new Error(id);
  return {
    plan,
    channels,
    entries: syntheticYear(plan, channels, 2024),
    period,
    now: DateTime.fromISO(now, { zone: plan.timeZone }),
    checkpoint: { size: 1234, rootHashHex: ROOT_HASH, signedAt: '2024-03-31T17:00:00Z' },
  };
}

describe('periodic report', () => {
  it('docx: read back, it has the Decree 30 parts, the figures and the checkpoint', async () => {
    const report = input('thai-binh-2024', '2024-Q1', '2024-04-10T09:00');
    const docx = (await renderReport(report, 'docx')) as Buffer;
    const { percent } = buildReport(report).audit.completion;
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH');
    expect(text).toContain('Số: …/BC-UBND');
    expect(text).toContain('Thái Bình, ngày 10 tháng 4 năm 2024');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(
      'Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính quý I năm 2024',
    );
    // Data 15/12/2023 – 14/03/2024 (cut-off on the 14th): weeks W01…W11, ten aired, and W11
    // still open at the cut-off (its Friday slot is on 15 March).
    expect(text).toMatch(
      /Chuyên mục Cải cách hành chính hằng tuần[^\n]*\(IV\.1\.e\)\n+[^\n]+\n+1 lần mỗi tuần\n+10\n+10\/11 kỳ đạt, 1 kỳ đang thực hiện/,
    );
    expect(percent).not.toBeNull();
    expect(text).toContain(`Tỷ lệ hoàn thành kế hoạch trong kỳ: ${percent}%`);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Ủy ban nhân dân tỉnh (qua Sở Nội vụ);');
    expect(text).toContain('- Lưu: VT.');
    expect(text).toContain(ROOT_HASH);
    expect(text).toContain('1234 mục');
    expect(text).toContain('KT. CHỦ TỊCH');
    expect(text).toContain('Lại Văn Hoàn');
  });

  it('html: A4 page, Times New Roman, underlined motto, italic date', async () => {
    const html = (await renderReport(
      input('bnv-2024', '2024-Q1', '2024-03-20T09:00'),
      'html',
    )) as string;
    expect(html).toMatch(/@page\s*{\s*size:\s*A4;/);
    expect(html).toContain('font-family: "Times New Roman"');
    expect(html).toMatch(/\.motto {[^}]*text-decoration: underline/);
    expect(html).toContain('<div class="date">…, ngày 20 tháng 3 năm 2024</div>');
    expect(html).toContain('<p class="kind">BÁO CÁO</p>');
    expect(html).toContain('- Lưu: VT.');
  });

  it("uses the plan's data window: bnv Q1 covers 15/12/2023 – 14/03/2024, as of the cut-off", () => {
    const model = buildReport(input('bnv-2024', '2024-Q1', '2024-03-20T09:00'));
    expect(model.dataWindow).toBe(
      'Số liệu tính từ ngày 15/12/2023 đến hết ngày 14/03/2024; tình hình thực hiện tính đến 00:00 15/03/2024.',
    );
    const weekly = model.audit.tasks.find((t) => t.id === 'chuyen-muc-phat-thanh-truyen-hinh');
    expect(weekly?.periods.map((p) => p.label).at(-1)).toBe('2024-W11');
    expect(weekly?.periods[0]?.label).toBe('2024-W01');
  });

  it('md: the same content as Markdown', async () => {
    const md = (await renderReport(
      input('btttt-2024', '2024-H1', '2024-07-01T09:00'),
      'md',
    )) as string;
    expect(md).toContain('# BÁO CÁO');
    expect(md).toContain('6 tháng đầu năm 2024');
    expect(md).toContain('| TT | Nhiệm vụ |');
    expect(md).toContain(ROOT_HASH);
  });

  it('refuses a week and an unknown format', async () => {
    await expect(
      renderReport(input('bnv-2024', '2024-W10', '2024-03-20T09:00'), 'md'),
    ).rejects.toThrow(/2024-W10/);
    await expect(
      renderReport(input('bnv-2024', '2024-Q1', '2024-03-20T09:00'), 'pdf'),
    ).rejects.toThrow(/pdf/);
  });

  it('refuses a period the plan defines no report for, and says so when forced', async () => {
    const monthly = input('thai-binh-2024', '2024-03', '2024-04-10T09:00');
    expect(() => buildReport(monthly)).toThrow(
      expect.objectContaining({ code: 'REPORT_PERIOD_UNDEFINED' }),
    );
    const md = String(await renderReport({ ...monthly, force: true }, 'md'));
    expect(md).toContain(
      'Lưu ý: kế hoạch không quy định báo cáo theo kỳ này (kỳ báo cáo quy định: quarter, half-year, year); báo cáo được lập theo yêu cầu (--force).',
    );
    // A plan that reports on request reports on any period it is asked for, without a note.
    const asked = String(
      await renderReport(input('khanh-hoa-2021-2030', '2024-03', '2024-04-10T09:00'), 'md'),
    );
    expect(asked).not.toContain('--force');
  });
});

describe('report wording', () => {
  it('writes periods, dates and signers as Vietnamese documents do', () => {
    expect(periodInWords(parsePeriod('2024-Q3'))).toBe('quý III năm 2024');
    expect(periodInWords(parsePeriod('2024-H2'))).toBe('6 tháng cuối năm 2024');
    expect(periodInWords(parsePeriod('2024'))).toBe('năm 2024');
    const date = (iso: string) => DateTime.fromISO(iso);
    expect(placeAndDate('Hà Nội', date('2024-02-05'))).toBe('Hà Nội, ngày 05 tháng 02 năm 2024');
    expect(placeAndDate('Hà Nội', date('2024-11-20'))).toBe('Hà Nội, ngày 20 tháng 11 năm 2024');
    expect(signatureBlock('Phạm Duy Lộc (Giám đốc)')).toEqual({
      authority: ['GIÁM ĐỐC'],
      name: 'Phạm Duy Lộc',
    });
  });
});

describe('reportsDueWithin', () => {
  it('lists the reports due within 15 days, soonest first', () => {
    const due = reportsDueWithin(
      plans,
      DateTime.fromISO('2024-03-10T09:00', { zone: 'Asia/Ho_Chi_Minh' }),
      15,
    );
    expect(due.map((d) => `${d.plan} ${d.period} ${d.due.toISODate()} ${d.daysLeft}`)).toEqual([
      'thai-binh-2024 2024-Q1 2024-03-15 5',
      'bnv-2024 2024-Q1 2024-03-20 10',
    ]);
  });

  it('lists nothing when no report is due in the window', () => {
    expect(
      reportsDueWithin(
        plans,
        DateTime.fromISO('2024-04-01T09:00', { zone: 'Asia/Ho_Chi_Minh' }),
        15,
      ),
    ).toEqual([]);
  });
});
