import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeEngines } from '../support/store-engines.js';
import { csrfOf, eventStation, getPage, login, postForm } from './pages-support.js';
import type { StationServer } from './station-server.js';

const engines = await storeEngines();

/** A portal item at a fixed time (the WordPress channel is never reached: nothing is due). */
const portalItem = (title: string, publishAt: string) =>
  `---\ntitle: ${title}\ntopics: [mot-cua]\nchannels: [cong-tinh]\nunit: cong-ttdt\nauthor: Văn phòng\npublishAt: ${publishAt}\n---\nNội dung.\n`;

/** The HTML of one day cell of the month grid. */
function dayCell(html: string, date: string): string {
  const match = new RegExp(`<td class="[^"]*" data-date="${date}">([\\s\\S]*?)</td>`).exec(html);
  return match?.[1] ?? '';
}

describe.each(engines)('queue reschedule and calendar grid pages on $name', (engine) => {
  let s: StationServer;
  let editor: string;
  let csrf: string;

  beforeAll(async () => {
    s = await eventStation(engine);
    editor = await login(s.app, s.tokens.editor);
    csrf = csrfOf(await getPage(s.app, '/queue', editor));
    for (const [title, at] of [
      ['Hội nghị một cửa cuối tháng', '2024-03-20T08:00'],
      ['Dịch vụ công đầu tháng tư', '2024-03-22T08:00'],
    ] as const) {
      expect(
        (await postForm(s.app, '/queue', editor, { _csrf: csrf, markdown: portalItem(title, at) }))
          .status,
      ).toBe(303);
    }
    for (const id of ['hoi-nghi-mot-cua-cuoi-thang', 'dich-vu-cong-dau-thang-tu'])
      expect((await postForm(s.app, `/queue/${id}/approve`, editor, { _csrf: csrf })).status).toBe(
        303,
      );
  });
  afterAll(async () => {
    await s?.session.store.close();
  });

  async function slotsOf(id: string): Promise<string[]> {
    const res = await s.app.request('/api/items', {
      headers: { authorization: `Bearer ${s.tokens.editor}` },
    });
    const items = (await res.json()) as {
      id: string;
      publications: { slot: string; status: string }[];
    }[];
    return (items.find((i) => i.id === id)?.publications ?? [])
      .filter((p) => p.status === 'scheduled')
      .map((p) => p.slot);
  }

  it('reschedules an item from the queue page to a time in the plan’s zone', async () => {
    const queue = await getPage(s.app, '/queue', editor);
    const row = /<tr data-item="hoi-nghi-mot-cua-cuoi-thang"[\s\S]*?<\/tr>/.exec(queue)?.[0] ?? '';
    expect(row).toContain('action="/queue/hoi-nghi-mot-cua-cuoi-thang/reschedule"');
    expect(row).toContain('Giờ đăng mới (Asia/Ho_Chi_Minh)');
    expect(row).toContain('value="2024-03-20T08:00"');
    const res = await postForm(s.app, '/queue/hoi-nghi-mot-cua-cuoi-thang/reschedule', editor, {
      _csrf: csrf,
      when: '2024-03-31T23:30',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      '/queue?rescheduled=hoi-nghi-mot-cua-cuoi-thang#item-hoi-nghi-mot-cua-cuoi-thang',
    );
    const after = await getPage(s.app, res.headers.get('location') as string, editor);
    expect(after).toContain(
      'Đã đặt lại giờ đăng của bài hoi-nghi-mot-cua-cuoi-thang: 2024-03-31 23:30 +07:00',
    );
    expect(await slotsOf('hoi-nghi-mot-cua-cuoi-thang')).toEqual(['2024-03-31T16:30:00.000Z']);
  });

  it('shows a time in the past or a malformed time next to the item, and moves nothing', async () => {
    const before = await slotsOf('dich-vu-cong-dau-thang-tu');
    const past = await postForm(s.app, '/queue/dich-vu-cong-dau-thang-tu/reschedule', editor, {
      _csrf: csrf,
      when: '2024-03-01T08:00',
    });
    expect(past.status).toBe(400);
    const html = await past.text();
    const row = /<tr data-item="dich-vu-cong-dau-thang-tu"[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(row).toContain('role="alert"');
    expect(row).toContain('Thời điểm 2024-03-01T08:00 đã qua (bây giờ là 2024-03-06T10:00)');
    expect(row).toContain('Chọn một thời điểm trong tương lai.');
    expect(row).toContain('value="2024-03-01T08:00"');
    const other = /<tr data-item="hoi-nghi-mot-cua-cuoi-thang"[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(other).not.toContain('role="alert"');
    const bad = await postForm(s.app, '/queue/dich-vu-cong-dau-thang-tu/reschedule', editor, {
      _csrf: csrf,
      when: 'thứ hai tuần sau',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Thời điểm không hợp lệ: &quot;thứ hai tuần sau&quot;');
    expect(await slotsOf('dich-vu-cong-dau-thang-tu')).toEqual(before);
  });

  it('gives an auditor no reschedule form and refuses the post with 403', async () => {
    const auditor = await login(s.app, s.tokens.auditor);
    const html = await getPage(s.app, '/queue', auditor);
    expect(html).not.toContain('/reschedule"');
    const res = await postForm(s.app, '/queue/dich-vu-cong-dau-thang-tu/reschedule', auditor, {
      _csrf: csrfOf(html),
      when: '2024-04-02T08:00',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(
      'Người dùng kt (vai trò kiểm tra viên) không được thêm, duyệt, rút và đặt lịch bài: việc này dành cho vai trò biên tập viên',
    );
  });

  it('shows the month as ISO weeks, today marked, each item on its day in the plan’s zone', async () => {
    // 05:00 on 1 April in Hà Nội is still 31 March in UTC: the grid must say 1 April.
    const res = await postForm(s.app, '/queue/dich-vu-cong-dau-thang-tu/reschedule', editor, {
      _csrf: csrf,
      when: '2024-04-01T05:00',
    });
    expect(res.status).toBe(303);
    const march = await getPage(s.app, '/calendar?plan=thu&month=2024-03', editor);
    expect(march).toContain('data-month="2024-03"');
    expect(march).toContain('Tháng 3/2024');
    const weeks = [...march.matchAll(/data-week="([^"]+)"/g)].map((m) => m[1]);
    expect(weeks).toEqual(['2024-W09', '2024-W10', '2024-W11', '2024-W12', '2024-W13']);
    expect(march).toMatch(
      /<tr class="\w+" data-week="2024-W09"><th scope="row" class="wk"[^>]*><span class="wk-word">Tuần <\/span>9<\/th><td class="day out empty" data-date="2024-02-26">/,
    );
    expect(march).toMatch(/<td class="day today( empty)?" data-date="2024-03-06">/);
    expect(march.match(/class="day[^"]*today/g)).toHaveLength(1);
    const last = dayCell(march, '2024-03-31');
    expect(last).toContain('data-item="hoi-nghi-mot-cua-cuoi-thang"');
    expect(last).toContain('<time>23:30</time>');
    expect(last).toContain('Đã xếp lịch:</span> Hội nghị một cửa cuối tháng');
    expect(last).toContain('(cong-tinh)');
    expect(march).not.toContain('data-item="dich-vu-cong-dau-thang-tu"');
    expect(dayCell(march, '2024-03-20')).not.toContain('hoi-nghi-mot-cua-cuoi-thang');
    const friday = dayCell(march, '2024-03-08');
    expect(friday).toContain('Phát sóng:</span> Chuyên mục CCHC hằng tuần (20′)');
    expect(friday).toContain('(tv)');
    // The list view stays below the grid, with every line in time order.
    expect(march).toMatch(/id="list"[\s\S]*Thứ 6 08\/03 20:00[\s\S]*31\/03 23:30/);
    const april = await getPage(s.app, '/calendar?plan=thu&month=2024-04', editor);
    const first = dayCell(april, '2024-04-01');
    expect(first).toContain('data-item="dich-vu-cong-dau-thang-tu"');
    expect(first).toContain('<time>05:00</time>');
    expect(april).not.toContain('data-item="hoi-nghi-mot-cua-cuoi-thang"');
    expect(april).not.toMatch(/class="day[^"]*today/);
  });

  it('moves between months with ?month= and refuses a malformed month with 400', async () => {
    const april = await getPage(s.app, '/calendar?plan=thu&month=2024-04', editor);
    expect(april).toContain('rel="prev" href="/calendar?plan=thu&amp;month=2024-03"');
    expect(april).toContain('rel="next" href="/calendar?plan=thu&amp;month=2024-05"');
    const december = await getPage(s.app, '/calendar?plan=thu&month=2024-12', editor);
    expect(december).toContain('rel="next" href="/calendar?plan=thu&amp;month=2025-01"');
    expect(december).toContain('data-week="2025-W01"');
    const here = await getPage(s.app, '/calendar', editor);
    expect(here).toContain('data-month="2024-03"');
    for (const value of ['2024-13', 'tháng 3', '2024-3']) {
      const res = await s.app.request(`/calendar?month=${encodeURIComponent(value)}`, {
        headers: { cookie: editor },
      });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).toContain(`Tháng không hợp lệ: &quot;${value}&quot;`);
      expect(text).toContain('Viết dạng năm-tháng, ví dụ /calendar?month=2024-03.');
    }
  });

  it('keeps the list view for other periods, such as an ISO week', async () => {
    const week = await getPage(s.app, '/calendar?plan=thu&period=2024-W10', editor);
    expect(week).toContain('thu · 2024-W10');
    expect(week).toContain('Thứ 6 08/03 20:00');
    expect(week).not.toContain('class="month"');
  });

  it('shows a week with the free posting slots highlighted, and moves an item to a day by a form without JavaScript', async () => {
    const day = (html: string, date: string) =>
      new RegExp(`<section class="[^"]*" data-date="${date}"[^>]*>([\\s\\S]*?)</section>`).exec(
        html,
      )?.[1] ?? '';
    const gapAt = (html: string, date: string) =>
      day(html, date).includes('<li class="gap" data-channel="cong-tinh"><time>08:00</time>');
    // An item of its own on Friday's posting slot.
    const markdown = portalItem('Tuần lễ một cửa', '2024-03-22T08:00');
    expect((await postForm(s.app, '/queue', editor, { _csrf: csrf, markdown })).status).toBe(303);
    const approve = await postForm(s.app, '/queue/tuan-le-mot-cua/approve', editor, {
      _csrf: csrf,
    });
    expect(approve.status).toBe(303);
    const url = '/calendar?plan=thu&week=2024-W12';
    const week = await getPage(s.app, url, editor);
    expect(week).toContain('data-week="2024-W12"');
    expect(week).toContain('Tuần 2024-W12: 18/03 – 24/03/2024');
    expect(week).toMatch(/Còn \d+ lượt đăng trống trong tuần/);
    // The item holds Friday's slot; Monday's posting slot of the portal is free.
    expect(day(week, '2024-03-22')).toContain('data-item="tuan-le-mot-cua"');
    expect(gapAt(week, '2024-03-22')).toBe(false);
    expect(gapAt(week, '2024-03-18')).toBe(true);
    // Each day has a form that moves an item there, for a browser without JavaScript.
    expect(day(week, '2024-03-18')).toContain(
      '<input type="hidden" name="date" value="2024-03-18">',
    );

    const res = await postForm(s.app, '/calendar/move', editor, {
      _csrf: csrf,
      item: 'tuan-le-mot-cua',
      date: '2024-03-18',
      back: url,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${url}&moved=tuan-le-mot-cua`);
    const after = await getPage(s.app, res.headers.get('location') as string, editor);
    expect(after).toContain('Đã chuyển bài tuan-le-mot-cua: lịch dưới đây đã cập nhật');
    expect(day(after, '2024-03-18')).toContain('data-item="tuan-le-mot-cua"');
    expect(gapAt(after, '2024-03-18')).toBe(false);
    expect(gapAt(after, '2024-03-22')).toBe(true);
    expect(await slotsOf('tuan-le-mot-cua')).toEqual(['2024-03-18T01:00:00.000Z']);

    const bad = await s.app.request('/calendar?plan=thu&week=2024-W99', {
      headers: { cookie: editor },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Tuần &quot;2024-W99&quot; không hợp lệ');
  });
});
