import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/commands/audit.js';
import { readEvidence } from '../../src/evidence/log.js';
import { EVIDENCE_FILES_DIR } from '../../src/evidence/manual.js';
import { captureOutput } from '../support/capture-output.js';
import { storeEngines } from '../support/store-engines.js';
import { ARTIFACTS, chromiumAvailable, stationInChromium } from './browser.js';

const available = chromiumAvailable();
const [sqlite] = await storeEngines();

const ITEM = `---
title: Hội nghị trực tuyến về một cửa
topics: [mot-cua]
channels: [cong-tinh]
unit: cong-ttdt
author: Văn phòng
publishAt: 2024-03-11T08:00
---
Nội dung tin đăng trên chuyên trang.
`;

describe.runIf(available)('pages in headless Chromium', () => {
  // The station with a second plan whose tasks take evidence by hand (trainings…).
  const station = stationInChromium(sqlite);

  async function signIn(token: string, width = 1280): Promise<Page> {
    const context = await station.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${station.base}/queue`);
    expect(page.url()).toContain('/login');
    await page.fill('input[name=token]', token);
    await page.click('button[type=submit]');
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('an editor signs in, adds an item, submits it, approves it and sees it on the calendar', async () => {
    const page = await signIn(station.s.tokens.editor);
    expect(new URL(page.url()).pathname).toBe('/queue');
    await page.fill('textarea[name=markdown]', ITEM);
    await page.click('form[action="/queue"] button[type=submit]');
    const row = page.locator('tr[data-item="hoi-nghi-truc-tuyen-ve-mot-cua"]');
    await expect(row.textContent()).resolves.toContain('Hội nghị trực tuyến về một cửa');
    await shot(page, 'queue-editor');
    // A draft is offered Submit, not Approve; once submitted it waits for approval.
    expect(await row.locator('button[value=approve]').count()).toBe(0);
    await row.locator('button[value=submit]').click();
    const id = 'tr[data-item="hoi-nghi-truc-tuyen-ve-mot-cua"]';
    expect(await page.locator(`#submitted + table ${id}`).count()).toBe(1);
    await page.locator(`${id} button[value=approve]`).click();
    // Approved, then planned at once: the item is listed as scheduled, no longer as a draft.
    expect(await page.locator(`#draft + table ${id}`).count()).toBe(0);
    expect(await page.locator(`#scheduled + table ${id}`).count()).toBe(1);
    await page.goto(`${station.base}/calendar?plan=thu&view=month&period=2024-03`);
    const calendar = await page.locator('main').textContent();
    expect(calendar).toContain('hoi-nghi-truc-tuyen-ve-mot-cua');
    await shot(page, 'calendar');
    await page.goto(`${station.base}/rundown/tv/2024-W10`);
    await shot(page, 'rundown');
    await page.goto(`${station.base}/evidence`);
    await shot(page, 'evidence');
    await page.context().close();
  });

  it('an auditor sees on the quotas page the figures of loa audit', async () => {
    const page = await signIn(station.s.tokens.auditor);
    await page.goto(`${station.base}/quotas?plan=thu&period=2024-03`);
    const out = captureOutput();
    await runAudit(
      { dir: station.s.root, plan: 'thu', period: '2024-03', format: 'json' },
      out,
      station.s.clock,
    );
    const parsed = JSON.parse(out.stdout.join('\n'));
    const audit = Array.isArray(parsed) ? parsed[0] : parsed;
    for (const task of audit.tasks)
      for (const p of task.periods) {
        const row = page.locator(`tr[data-task="${task.id}"][data-period="${p.label}"]`);
        expect(await row.locator('td.required').textContent()).toBe(String(p.required));
        expect(await row.locator('td.achieved').textContent()).toBe(String(p.achieved));
      }
    expect(await page.locator('#completion').getAttribute('data-percent')).toBe(
      audit.completion.percent === null ? '' : String(audit.completion.percent),
    );
    await shot(page, 'quotas');
    await page.context().close();
  });

  it("refuses an auditor's attempt to approve an item", async () => {
    const page = await signIn(station.s.tokens.auditor);
    expect(await page.locator('button[value=approve]').count()).toBe(0);
    const csrf = await page.locator('input[name=_csrf]').first().getAttribute('value');
    // The auditor sends the approve form by hand: same origin, own session and CSRF token.
    const answer = await page.request.post(`${station.base}/queue/w10-mot-cua/approve`, {
      form: { _csrf: csrf ?? '' },
      headers: { origin: station.base },
    });
    expect(answer.status()).toBe(403);
    expect(await answer.text()).toContain(
      'Người dùng kt (vai trò kiểm tra viên) không được thêm, duyệt, rút và đặt lịch bài: việc này dành cho vai trò biên tập viên',
    );
    await page.setContent(await answer.text());
    await shot(page, 'refused');
    await page.context().close();
  });
  it('an editor reschedules an item and sees it on its new day of the month grid', async () => {
    const page = await signIn(station.s.tokens.editor);
    const id = 'hoi-nghi-truc-tuyen-ve-mot-cua';
    const row = page.locator(`tr[data-item="${id}"]`);
    expect(await row.locator('input[name=when]').inputValue()).toBe('2024-03-11T08:00');
    await row.locator('input[name=when]').fill('2024-03-28T09:30');
    await row.locator('button[value=reschedule]').click();
    expect(await page.locator('.notice').textContent()).toContain(
      `Đã đặt lại giờ đăng của bài ${id}: 2024-03-28 09:30 +07:00`,
    );
    await page.goto(`${station.base}/calendar?plan=thu&month=2024-03`);
    const day = page.locator('td[data-date="2024-03-28"]');
    expect(await day.locator(`li[data-item="${id}"]`).textContent()).toBe(
      '09:30 Đã xếp lịch: Hội nghị trực tuyến về một cửa (cong-tinh)',
    );
    expect(await page.locator(`td[data-date="2024-03-11"] li[data-item="${id}"]`).count()).toBe(0);
    expect(await page.locator('td.today').getAttribute('data-date')).toBe('2024-03-06');
    expect(await page.locator('tr[data-week="2024-W13"] th.wk').textContent()).toBe('Tuần 13');
    await shot(page, 'calendar-grid');
    await page.click('a[rel=next]');
    expect(await page.locator('#month').getAttribute('data-month')).toBe('2024-04');
    // Printed on A4 (landscape, as the page's @page asks): the grid's weeks on the first page.
    await page.goto(`${station.base}/calendar?plan=thu&month=2024-03`);
    const pdf = await page.pdf({
      path: join(ARTIFACTS, 'calendar-a4.pdf'),
      preferCSSPageSize: true,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    await shot(page, 'calendar-print');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect([Math.round(Number(box?.[1]) / 2.835), Math.round(Number(box?.[2]) / 2.835)]).toEqual([
      297, 210,
    ]);
    await page.context().close();
  });

  it('on a 360-px phone the month grid becomes a list of the days that have something', async () => {
    const page = await signIn(station.s.tokens.editor, 360);
    await page.goto(`${station.base}/calendar?plan=thu&month=2024-03`);
    expect(await page.locator('table.month thead').isVisible()).toBe(false);
    const day = page.locator('td[data-date="2024-03-28"]');
    expect(await day.isVisible()).toBe(true);
    expect(await day.locator('.date').textContent()).toBe('T5, 28/3');
    expect(await page.locator('td[data-date="2024-03-27"]').isVisible()).toBe(false);
    expect(await page.locator('td[data-date="2024-03-06"]').isVisible()).toBe(true);
    const grid = await page.locator('table.month').boundingBox();
    expect(grid?.width).toBeLessThanOrEqual(360);
    const cell = await day.boundingBox();
    expect(cell?.width).toBeGreaterThan(300);
    await shot(page, 'calendar-phone');
    await page.context().close();
  });

  it('an editor adds evidence of a training with a file and sees it listed with its hash', async () => {
    const page = await signIn(station.s.tokens.editor);
    await page.goto(`${station.base}/evidence`);
    const form = page.locator('form[action="/evidence/manual"]');
    await form.locator('select[name=task]').selectOption('su-kien/tap-huan');
    await form.locator('input[name=date]').fill('2024-03-05');
    await form
      .locator('textarea[name=note]')
      .fill('Lớp tập huấn nghiệp vụ CCHC cho công chức một cửa');
    const bytes = Buffer.from('%PDF-1.4\n% danh sách học viên\n%%EOF\n');
    await form.locator('input[name=file]').setInputFiles({
      name: 'danh-sach-hoc-vien.pdf',
      mimeType: 'application/pdf',
      buffer: bytes,
    });
    await shot(page, 'evidence-form');
    await form.locator('button[type=submit]').click();
    const hash = createHash('sha256').update(bytes).digest('hex');
    const entry = (await readEvidence(station.s.session.store)).at(-1);
    expect(entry).toMatchObject({ kind: 'manual', plan: 'su-kien', task: 'tap-huan' });
    expect(entry?.files).toEqual([
      { name: 'danh-sach-hoc-vien.pdf', sha256: hash, bytes: bytes.length },
    ]);
    expect(await readFile(join(station.s.session.dataDir, EVIDENCE_FILES_DIR, hash))).toEqual(
      bytes,
    );
    expect(await page.locator('.notice').textContent()).toBe(
      `Đã ghi minh chứng số ${entry?.index} vào nhật ký`,
    );
    const added = await page.locator('#added').textContent();
    expect(added).toContain('Tập huấn nghiệp vụ CCHC — Điều khoản II.2.c');
    expect(added).toContain('05/03/2024');
    expect(added).toContain(hash);
    expect(await page.locator(`tr[data-index="${entry?.index}"]`).textContent()).toContain(hash);
    await shot(page, 'evidence-added');
    await page.context().close();
  });
});
