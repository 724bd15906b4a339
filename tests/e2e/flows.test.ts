import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { evidenceSize } from '../../src/evidence/log.js';
import { rawForTests } from '../../src/store/testing.js';
import { storeEngines } from '../support/store-engines.js';
import { ARTIFACTS, chromiumAvailable, stationInChromium } from './browser.js';

const available = chromiumAvailable();
const [sqlite] = await storeEngines();

describe.runIf(available)('each role’s main flow in Chromium, from the login page', () => {
  const station = stationInChromium(sqlite);

  async function signIn(token: string): Promise<Page> {
    const context = await station.browser.newContext({
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(station.base);
    await page.getByLabel('Mã truy cập').fill(token);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    return page;
  }

  it('a broadcaster builds next week, reorders and floats stories, marks it ready, locks, unlocks with a reason, locks again, records it aired, and is then offered nothing', async () => {
    const page = await signIn(station.s.tokens.broadcaster);
    await page.getByRole('link', { name: 'Tuần sau (2024-W11)' }).click();
    expect(await page.locator('section.rundown').first().getAttribute('data-state')).toBe(
      'missing',
    );
    await page.getByRole('button', { name: 'Dựng kịch bản' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Đã dựng kịch bản tuần 2024-W11');
    expect(await page.locator('section.rundown').first().getAttribute('data-state')).toBe('draft');
    // Cume and back-time of each story, as the studio prints them.
    expect(await page.locator('section.rundown td.time').count()).toBeGreaterThan(0);
    const show = page.locator('#slot-1');
    const order = async () =>
      show
        .locator('tr[data-slug]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-slug')));
    const cumeOf = (slug: string) => show.locator(`tr[data-slug="${slug}"] td.cume`).textContent();
    const total = () => show.locator('p.meta').nth(1).textContent();
    const [first, second, third] = (await order()) as [string, string, string];
    expect(await cumeOf(first)).toBe('20:00:00');
    // Keyboard and no-JavaScript path: the first story moves down one place.
    await show.getByRole('button', { name: /^Chuyển xuống: Một cửa liên thông/ }).click();
    expect(await page.getByRole('status').textContent()).toBe(
      'Đã cập nhật thứ tự kịch bản tuần 2024-W11; giờ cộng dồn và giờ lùi đã tính lại',
    );
    expect(await order()).toEqual([second, first, third]);
    expect(await cumeOf(second)).toBe('20:00:00');
    expect(await cumeOf(first)).toBe('20:05:00');
    // Drag and drop: the last story dragged onto the first lands on top, timed at once.
    await show
      .locator(`tr[data-slug="${third}"]`)
      .dragTo(show.locator(`tr[data-slug="${second}"]`));
    await page.locator('#rundown-live.notice').waitFor();
    expect(await order()).toEqual([third, second, first]);
    expect(await cumeOf(third)).toBe('20:00:00');
    expect(await cumeOf(second)).toBe('20:04:00');
    expect(await show.locator('tr.segment').first().textContent()).toBe(
      'Phân đoạn Tin tức: 16:00 (dự kiến 12:00, chênh +4:00)',
    );
    // A floated story keeps its place but no longer counts: the total and over/under follow.
    expect(await total()).toBe('Tổng dự kiến 16:00 / khung 20:00, chênh -4:00; tối thiểu 15:00');
    await show.getByRole('button', { name: /^Để dự phòng \(không tính giờ\): Một cửa/ }).click();
    expect(await total()).toBe('Tổng dự kiến 9:00 / khung 20:00, chênh -11:00; tối thiểu 15:00');
    expect(await show.locator(`tr[data-slug="${first}"]`).getAttribute('class')).toBe('floated');
    await show.getByRole('button', { name: /^Đưa lại vào chương trình: Một cửa/ }).click();
    expect(await total()).toBe('Tổng dự kiến 16:00 / khung 20:00, chênh -4:00; tối thiểu 15:00');
    await page.getByRole('button', { name: 'Đánh dấu sẵn sàng' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Kịch bản tuần 2024-W11 đã sẵn sàng');
    expect(await page.getByRole('button', { name: 'Dựng kịch bản' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Khoá kịch bản' }).click();
    expect(await page.locator('section.rundown').first().getAttribute('data-state')).toBe('locked');
    expect(await page.getByRole('button', { name: 'Đánh dấu sẵn sàng' }).count()).toBe(0);
    // A locked show offers no story moves; it is unlocked only with a reason, kept in history.
    expect(await show.getByRole('button', { name: /^Chuyển/ }).count()).toBe(0);
    await show.getByLabel('Lý do mở khoá').fill('Thay tin cuối giờ theo chỉ đạo');
    await show.getByRole('button', { name: 'Mở khoá buổi 15/03 20:00' }).click();
    expect(await page.getByRole('status').textContent()).toBe(
      'Đã mở khoá kịch bản tuần 2024-W11; lý do được ghi vào lịch sử',
    );
    expect(await show.getAttribute('data-state')).toBe('ready');
    expect(await show.locator('details.history li').last().textContent()).toBe(
      '06/03/2024 10:00: dai chuyển từ đã khoá sang sẵn sàng — Thay tin cuối giờ theo chỉ đạo',
    );
    await page.getByRole('button', { name: 'Khoá kịch bản' }).click();
    expect(await show.getAttribute('data-state')).toBe('locked');
    const before = await evidenceSize(station.s.session.store);
    await page.getByLabel('Bắt đầu phát').fill('2024-03-15T20:00');
    await page.getByLabel('Số phút').fill('20');
    await page.getByRole('button', { name: 'Ghi nhận đã phát' }).click();
    expect(await page.getByRole('status').textContent()).toBe(
      'Đã ghi nhận buổi phát tuần 2024-W11',
    );
    expect(await page.locator('section.rundown').first().getAttribute('data-state')).toBe('aired');
    expect(await evidenceSize(station.s.session.store)).toBe(before + 1);
    // Aired is final: no move is offered any more.
    expect(await page.locator('main form[method=post]').count()).toBe(0);
    await page.goto(`${station.base}/rundown`);
    expect(await page.locator('tr[data-week="2024-W11"]').getAttribute('data-state')).toBe('aired');
    await page.context().close();
  }, 120_000);

  it('the A4 print of a week fits its page: no cell overflows, and Chromium prints it on A4', async () => {
    const page = await signIn(station.s.tokens.broadcaster);
    await page.getByRole('link', { name: '2024-W10' }).first().click();
    const [print] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Bản in A4' }).click(),
    ]);
    await print.waitForLoadState();
    // The printable width of A4 with 10-mm side margins: 190 mm at 96 dpi.
    await print.setViewportSize({ width: 718, height: 1000 });
    await print.emulateMedia({ media: 'print' });
    const overflowing = await print
      .locator('th, td')
      .evaluateAll((cells) =>
        cells
          .filter((c) => c.scrollWidth > c.clientWidth + 1)
          .map((c) => `${c.textContent} (${c.scrollWidth} > ${c.clientWidth})`),
      );
    expect(overflowing).toEqual([]);
    expect(
      Number(await print.evaluate('document.documentElement.scrollWidth')),
    ).toBeLessThanOrEqual(718);
    const pdf = Buffer.from(await print.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map(
      (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
    );
    expect(boxes.length).toBeGreaterThan(0);
    expect(new Set(boxes)).toEqual(new Set(['595x842']));
    await print.screenshot({ path: join(ARTIFACTS, 'rundown-a4-print.png'), fullPage: true });
    await page.context().close();
  });

  it('an auditor downloads the XLSX audit and the DOCX report from buttons; the downloads write nothing', async () => {
    const page = await signIn(station.s.tokens.auditor);
    await page.getByRole('navigation').getByRole('link', { name: 'Chỉ tiêu' }).click();
    await page.getByLabel('Kế hoạch').selectOption('thu');
    await page.getByLabel('Kỳ', { exact: true }).fill('2024-03');
    await page.getByRole('button', { name: 'Xem' }).click();
    const size = await evidenceSize(station.s.session.store);
    const checkpoints = async () =>
      (
        await rawForTests(station.s.session.store)
          .selectFrom('evidence_checkpoints')
          .select('size')
          .execute()
      ).length;
    const signed = await checkpoints();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải bảng chỉ tiêu (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('chi-tieu-thu-2024-03.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path()) as string);
    const cells = book.worksheets
      .flatMap((w) => w.getSheetValues())
      .flat()
      .map((v) => String(v ?? ''));
    expect(cells.some((v) => v.includes('Chuyên mục CCHC hằng tuần'))).toBe(true);
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải báo cáo (DOCX)' }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe('bao-cao-thu-2024-03.docx');
    const report = await mammoth.extractRawText({ path: (await docx.path()) as string });
    expect(report.value).toContain('01/KH-UBND');
    // Reads never write: no entry appended, no checkpoint signed.
    expect(await evidenceSize(station.s.session.store)).toBe(size);
    expect(await checkpoints()).toBe(signed);
    expect(
      await page.getByRole('link', { name: /Tải gói minh chứng 2024-03-01 – 2024-03-31/ }).count(),
    ).toBe(1);
    await page.context().close();
  });

  it('an admin creates a token shown once, its user signs in with it, and after revocation cannot', async () => {
    const page = await signIn(station.s.tokens.admin);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('link', { name: 'Cấp và thu hồi mã' }).click();
    await page.locator('#tokens').getByLabel('Người dùng').selectOption('dai');
    await page.getByLabel('Hiệu lực').selectOption('30');
    await page.getByRole('button', { name: 'Cấp mã truy cập' }).click();
    const secret = page.locator('#new-token code.secret');
    const token = (await secret.textContent()) ?? '';
    expect(token).toMatch(/^loa_/);
    const id = (await secret.getAttribute('data-token-id')) ?? '';
    expect(await page.locator('#new-token').textContent()).toContain(
      'Mã truy cập mới của dai (hết hạn: 05/04/2024 10:00)',
    );
    // Shown once: the page shown again holds only the id.
    await page.goto(`${station.base}/admin`);
    expect(await page.content()).not.toContain(token);
    expect(await page.locator(`tr[data-token="${id}"]`).getAttribute('data-state')).toBe('active');

    const user = await signIn(token);
    expect(await user.locator('h1').textContent()).toBe('Chào dai');
    await user.context().close();

    await page.locator(`tr[data-token="${id}"]`).getByRole('button', { name: 'Thu hồi' }).click();
    expect(await page.getByRole('status').textContent()).toBe(
      `Đã thu hồi mã ${id} của dai: mã này bị từ chối từ yêu cầu tiếp theo`,
    );
    expect(await page.locator(`tr[data-token="${id}"]`).getAttribute('data-state')).toBe('revoked');
    const refused = await signIn(token);
    expect(await refused.getByRole('alert').textContent()).toContain('thu hồi');
    await refused.context().close();
    await page.context().close();
  });

  it('an editor writes an item in the form, submits and approves it, and drags it to another day on the calendar', async () => {
    const page = await signIn(station.s.tokens.editor);
    await page.getByRole('link', { name: 'Viết bài mới' }).click();
    await page
      .getByLabel('Tiêu đề', { exact: true })
      .fill('Hướng dẫn nộp hồ sơ qua Cổng dịch vụ công');
    await page.getByLabel('Tóm tắt (sapo)').fill('Các bước nộp hồ sơ trực tuyến.');
    await page.getByLabel(/^Nội dung/).fill('**Bước 1**: đăng nhập bằng VNeID.');
    await page.locator('#preview strong').waitFor();
    await page.getByRole('checkbox', { name: 'Một cửa' }).check();
    await page.getByRole('checkbox', { name: /Chuyên trang CCHC/ }).check();
    await page.getByLabel('Đơn vị').selectOption('cong-ttdt');
    await page.getByRole('button', { name: 'Lưu và gửi duyệt' }).click();
    const id = 'huong-dan-nop-ho-so-qua-cong-dich-vu-cong';
    expect(await page.getByRole('status').textContent()).toBe(
      `Đã gửi duyệt bài ${id} (phiên bản 1): bài sẽ được xếp lịch khi một người có quyền duyệt`,
    );
    await page
      .locator(`tr[data-item="${id}"]`)
      .getByRole('button', { name: 'Duyệt', exact: true })
      .click();
    expect(await page.getByRole('status').textContent()).toBe(
      `Đã duyệt phiên bản 1 của bài ${id}; lượt đăng: 2024-03-08 08:00 +07:00 (cong-tinh)`,
    );
    await page.getByRole('navigation').getByRole('link', { name: 'Lịch' }).click();
    await page.getByLabel('Kế hoạch').selectOption('thu');
    await page.getByRole('button', { name: 'Xem' }).click();
    const item = page.locator(`td[data-date="2024-03-08"] li[data-item="${id}"]`);
    await item.dragTo(page.locator('td[data-date="2024-03-13"]'));
    await page.waitForURL(/moved=/);
    expect(await page.getByRole('status').first().textContent()).toBe(
      `Đã chuyển bài ${id}: lịch dưới đây đã cập nhật`,
    );
    expect(
      await page.locator(`td[data-date="2024-03-13"] li[data-item="${id}"]`).textContent(),
    ).toBe('08:00 Đã xếp lịch: Hướng dẫn nộp hồ sơ qua Cổng dịch vụ công (cong-tinh)');
    expect(await page.locator(`td[data-date="2024-03-08"] li[data-item="${id}"]`).count()).toBe(0);

    // The week view: the plan's airings beside the items, free posting slots highlighted.
    await page.getByRole('link', { name: 'Xem theo tuần' }).click();
    await page.getByRole('link', { name: 'Tuần sau ›' }).click();
    expect(await page.locator('#week').getAttribute('data-week')).toBe('2024-W11');
    expect(await page.locator('section[data-date="2024-03-15"] li.gap').count()).toBe(1);
    await page
      .locator(`section[data-date="2024-03-13"] li[data-item="${id}"]`)
      .dragTo(page.locator('section[data-date="2024-03-15"]'));
    await page.waitForURL(/week=2024-W11.*moved=/);
    expect(
      await page.locator(`section[data-date="2024-03-15"] li[data-item="${id}"]`).textContent(),
    ).toBe('08:00 Đã xếp lịch: Hướng dẫn nộp hồ sơ qua Cổng dịch vụ công (cong-tinh)');
    expect(await page.locator('section[data-date="2024-03-15"] li.gap').count()).toBe(0);
    expect(await page.locator('section[data-date="2024-03-13"] li.gap').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'editor-week-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(
      390,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'editor-week-phone.png'), fullPage: true });
    await page.context().close();
  });
});
