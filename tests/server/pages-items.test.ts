import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../../src/app/session.js';
import { addUser, createToken } from '../../src/auth/users.js';
import { createApp } from '../../src/server/app.js';
import { findItem, itemVersion } from '../../src/store/items.js';
import { rawForTests } from '../../src/store/testing.js';
import { storeEngines } from '../support/store-engines.js';
import { csrfOf, eventStation, getPage, login, postForm, postMultipart } from './pages-support.js';
import type { StationServer } from './station-server.js';

const [sqlite] = await storeEngines();

/** The smallest valid PNG (1×1). */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

describe.runIf(sqlite)('the editor’s item form and four-eyes approval', () => {
  let s: StationServer & { appWith: (extra: object) => StationServer['app'] };
  let app: StationServer['app'];
  let author: string;
  let other: string;

  beforeAll(async () => {
    if (!sqlite) return;
    // The portal asks for four eyes: whoever wrote a version cannot approve it.
    s = await eventStation(sqlite);
    await appendFile(join(s.root, 'channels/cong-tinh.yaml'), 'fourEyes: true\n');
    await s.session.store.close();
    s.session = await openSession(s.root, process.env);
    app = createApp({ session: s.session, clock: s.clock, log: () => undefined }).app;
    const by = { actor: 'test', at: '2024-03-06T03:00:00.000Z' };
    await addUser(s.session.store, 'bt2', 'editor', by);
    const second = (await createToken(s.session.store, 'bt2', by)).token;
    author = await login(app, s.tokens.editor);
    other = await login(app, second);
  });
  afterAll(async () => {
    await s?.session.store.close();
  });

  it('offers the plans’ topics by title and each channel with its next free slots', async () => {
    const html = await getPage(app, '/items/new', author);
    expect(html).toContain('<label for="f-title">Tiêu đề</label>');
    expect(html).toMatch(/name="topics" value="mot-cua"> Một cửa/);
    // Wednesday 6 March 10:00: the portal's next free slots are Fri 08:00, Mon 08:00, Wed 08:00.
    expect(html).toContain(
      'lượt trống tới: Thứ 6 08/03 08:00 · Thứ 2 11/03 08:00 · Thứ 4 13/03 08:00',
    );
    expect(html).toContain('Giờ đăng (Asia/Ho_Chi_Minh)');
    expect(html).toContain('<script src="/assets/editor.js" defer></script>');
    const script = await app.request('/assets/editor.js');
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain("fetch('/items/preview'");
  });

  it('previews the body as the portal renders it, without script', async () => {
    const html = await getPage(app, '/items/new', author);
    const res = await postForm(app, '/items/preview', author, {
      _csrf: csrfOf(html),
      body: '## Một cửa\n\n**Rút ngắn** thời gian <script>alert(1)</script>',
    });
    expect(res.status).toBe(200);
    const preview = await res.text();
    expect(preview).toContain('<h2>Một cửa</h2>');
    expect(preview).toContain('<strong>Rút ngắn</strong>');
    expect(preview).not.toContain('<script');
  });

  it('refuses an image without a description and writes nothing', async () => {
    const html = await getPage(app, '/items/new', author);
    const res = await postMultipart(
      app,
      '/items',
      author,
      {
        _csrf: csrfOf(html),
        title: 'Ảnh không mô tả',
        body: 'Nội dung.',
        channels: 'cong-tinh',
        unit: 'cong-ttdt',
        author: 'Văn phòng',
      },
      [{ name: 'anh.png', type: 'image/png', bytes: PNG }],
    );
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Ảnh chưa có mô tả');
    expect(page).toContain('value="Ảnh không mô tả"');
    expect(await findItem(s.session.store, 'anh-khong-mo-ta')).toBeUndefined();
  });

  it('saves a draft with its image, refuses its author’s approval, and binds another’s to the version read', async () => {
    const form = await getPage(app, '/items/new', author);
    const saved = await postMultipart(
      app,
      '/items',
      author,
      {
        _csrf: csrfOf(form),
        title: 'Tiếp nhận hồ sơ trực tuyến toàn trình',
        summary: 'Người dân nộp hồ sơ không cần đến trụ sở.',
        body: 'Từ tháng 3, **mọi** thủ tục cấp xã được nhận trực tuyến.',
        topics: 'mot-cua',
        channels: 'cong-tinh',
        unit: 'cong-ttdt',
        author: 'Văn phòng UBND',
        when: '',
        priority: '4',
        alt: 'Cán bộ một cửa hướng dẫn người dân nộp hồ sơ trên máy tính',
      },
      [{ name: 'mot-cua.png', type: 'image/png', bytes: PNG }],
    );
    expect(saved.status).toBe(303);
    const id = 'tiep-nhan-ho-so-truc-tuyen-toan-trinh';
    expect(saved.headers.get('location')).toBe(`/queue?saved=${id}#item-${id}`);
    const queue = await getPage(app, `/queue?saved=${id}`, author);
    expect(queue).toContain(
      `Đã lưu bài ${id} (phiên bản 1) ở trạng thái bản nháp: cần được duyệt trước khi đăng`,
    );
    const row = await findItem(s.session.store, id);
    expect(row?.status).toBe('draft');
    const item = await itemVersion(s.session.store, id, row?.version ?? 0);
    expect(item).toMatchObject({ topics: ['mot-cua'], channels: ['cong-tinh'], priority: 4 });
    expect(item?.media).toEqual([
      {
        file: `${id}-mot-cua.png`,
        alt: 'Cán bộ một cửa hướng dẫn người dân nộp hồ sơ trên máy tính',
      },
    ]);
    expect(
      new Uint8Array(await readFile(join(s.session.dataDir, 'api-items', `${id}-mot-cua.png`))),
    ).toEqual(PNG);

    // A draft is submitted for approval first: the page offers Submit, not Approve.
    expect(queue).toContain(`action="/queue/${id}/submit"`);
    expect(queue).not.toContain(`action="/queue/${id}/approve"`);
    const submit = await postForm(app, `/queue/${id}/submit`, author, { _csrf: csrfOf(queue) });
    expect(submit.headers.get('location')).toBe(`/queue?submitted=${id}#item-${id}`);
    expect((await findItem(s.session.store, id))?.status).toBe('submitted');
    const waiting = await getPage(app, `/queue?submitted=${id}`, author);
    expect(waiting).toContain(
      `Đã gửi duyệt bài ${id} (phiên bản 1): bài sẽ được xếp lịch khi một người có quyền duyệt`,
    );
    expect(waiting).toMatch(
      /<li data-channel="cong-tinh" data-state="none"><strong>cong-tinh<\/strong>: Chưa xếp lịch<\/li>/,
    );

    // Its author is not offered Approve, and is refused it: the portal asks for four eyes.
    expect(waiting).toContain('Chờ người khác duyệt (kênh cong-tinh cần bốn mắt)');
    expect(waiting).not.toContain(`action="/queue/${id}/approve"`);
    const hash = row?.content_hash ?? '';
    const own = await postForm(app, `/queue/${id}/approve`, author, {
      _csrf: csrfOf(waiting),
      hash,
    });
    expect(own.status).toBe(400);
    expect(await own.text()).toContain(
      `Bạn (bt) là người viết phiên bản 1 của bài &quot;${id}&quot;: kênh cong-tinh cần một người khác duyệt`,
    );
    expect((await findItem(s.session.store, id))?.status).toBe('submitted');

    // Another editor approves the version they read; it is scheduled at once.
    const seen = await getPage(app, '/queue', other);
    expect(/name="hash" value="([0-9a-f]+)"/.exec(seen)?.[1]).toBe(hash);
    const ok = await postForm(app, `/queue/${id}/approve`, other, { _csrf: csrfOf(seen), hash });
    expect(ok.status).toBe(303);
    expect((await findItem(s.session.store, id))?.status).toBe('scheduled');
    const approval = await rawForTests(s.session.store)
      .selectFrom('item_events')
      .selectAll()
      .where('item_id', '=', id)
      .where('to_status', '=', 'approved')
      .executeTakeFirstOrThrow();
    expect(approval).toMatchObject({
      actor: 'bt2',
      version: 1,
      reason: `approved version 1 (${hash})`,
    });
    const approved = await getPage(app, `/queue?approved=${id}`, other);
    expect(approved).toContain(`Đã duyệt phiên bản 1 của bài ${id}; lượt đăng: 2024-03-08 08:00`);

    // An edit after approval returns it for approval; the old approval form is refused.
    const edit = await getPage(app, `/items/${id}/edit`, author);
    expect(edit).toContain(`value="Tiếp nhận hồ sơ trực tuyến toàn trình"`);
    expect(edit).toContain('Trạng thái: Đã xếp lịch (phiên bản 1). Từng kênh:');
    expect(edit).toContain(
      '<li data-channel="cong-tinh" data-state="scheduled"><strong>cong-tinh</strong>: Đã xếp lịch 2024-03-08 08:00 +07:00</li>',
    );
    expect(edit).toContain('lưu thay đổi sẽ đưa bài về bản nháp và cần được duyệt lại');
    // Its image as the portal gets it: each rendition, described by the image's alt text.
    expect(edit).toContain(
      'Các cỡ ảnh tiep-nhan-ho-so-truc-tuyen-toan-trinh-mot-cua.png mà Cổng nhận',
    );
    for (const name of ['featured', 'thumbnail', 'social']) {
      expect(edit).toContain(
        `<img src="/items/media/${id}-mot-cua.png/${name}" alt="Cán bộ một cửa hướng dẫn người dân nộp hồ sơ trên máy tính"`,
      );
    }
    expect(edit).toContain('Ảnh chia sẻ mạng xã hội: 1200×630 px');
    const social = await app.request(`/items/media/${id}-mot-cua.png/social`, {
      headers: { cookie: author },
    });
    expect(social.status).toBe(200);
    expect(social.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await social.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
    const outside = await app.request('/items/media/..%2Fsecret.png/social', {
      headers: { cookie: author },
    });
    expect(outside.status).toBe(404);
    const again = await postMultipart(app, '/items', author, {
      _csrf: csrfOf(edit),
      id,
      title: 'Tiếp nhận hồ sơ trực tuyến toàn trình',
      summary: 'Người dân nộp hồ sơ không cần đến trụ sở.',
      body: 'Từ tháng 3, **mọi** thủ tục cấp xã và cấp huyện được nhận trực tuyến.',
      topics: 'mot-cua',
      channels: 'cong-tinh',
      unit: 'cong-ttdt',
      author: 'Văn phòng UBND',
      priority: '4',
      mediaFile: `${id}-mot-cua.png`,
      mediaAlt: 'Cán bộ một cửa hướng dẫn người dân nộp hồ sơ trên máy tính',
    });
    expect(again.status).toBe(303);
    const edited = await findItem(s.session.store, id);
    expect(edited).toMatchObject({ status: 'draft', version: 2 });
    const stale = await postForm(app, `/queue/${id}/approve`, other, {
      _csrf: csrfOf(seen),
      hash,
    });
    expect(stale.status).toBe(400);
    expect(await stale.text()).toContain(
      `Bài &quot;${id}&quot; đã được sửa (nay là phiên bản 2) sau khi bạn mở nó: chưa duyệt`,
    );
  });

  it('moves a scheduled item to another day by drag and drop, into the channel’s free slot that day', async () => {
    const form = await getPage(app, '/items/new', author);
    const saved = await postMultipart(app, '/items', author, {
      _csrf: csrfOf(form),
      title: 'Lịch tiếp công dân tháng 3',
      body: 'Lịch tiếp công dân của lãnh đạo UBND.',
      channels: 'cong-tinh',
      unit: 'cong-ttdt',
      author: 'Văn phòng UBND',
    });
    expect(saved.status).toBe(303);
    const id = 'lich-tiep-cong-dan-thang-3';
    const queue = await getPage(app, '/queue', other);
    const hash =
      new RegExp(
        `/queue/${id}/approve"><input type="hidden" name="_csrf" value="[^"]+"><input type="hidden" name="hash" value="([0-9a-f]+)"`,
      ).exec(queue)?.[1] ?? '';
    const ok = await postForm(app, `/queue/${id}/approve`, other, { _csrf: csrfOf(queue), hash });
    expect(ok.status).toBe(303);
    const month = await getPage(app, '/calendar?plan=thu&month=2024-03', author);
    expect(month).toContain('<table class="month" data-movable>');
    expect(month).toContain('<script src="/assets/calendar.js" defer></script>');
    const moved = await postForm(app, '/calendar/move', author, {
      _csrf: csrfOf(month),
      item: id,
      date: '2024-03-13',
    });
    expect(moved.status).toBe(200);
    expect(await moved.text()).toBe(`Đã chuyển bài ${id} sang 2024-03-13 08:00`);
    const day = await getPage(app, '/calendar?plan=thu&month=2024-03', author);
    expect(day).toMatch(new RegExp(`data-date="2024-03-13">(?:(?!</td>).)*data-item="${id}"`, 's'));
    // Tuesday has no posting slot on the portal: refused, nothing moves.
    const refused = await postForm(app, '/calendar/move', author, {
      _csrf: csrfOf(month),
      item: id,
      date: '2024-03-12',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toBe(
      'Kênh cong-tinh không còn lượt đăng trống nào ngày 2024-03-12 — Chọn một ngày khác, hoặc đặt giờ cụ thể trong Hàng đợi bài.',
    );
    // An auditor's calendar offers no dragging, and the move is refused in words.
    const auditor = await login(app, s.tokens.auditor);
    const read = await getPage(app, '/calendar?plan=thu&month=2024-03', auditor);
    expect(read).not.toContain('data-movable');
    const denied = await postForm(app, '/calendar/move', auditor, {
      _csrf: csrfOf(read),
      item: id,
      date: '2024-03-15',
    });
    expect(denied.status).toBe(403);
    // Filters: by unit (the portal's) and by topic (this item has none); the programme's
    // airings stay beside what is scheduled.
    const li = `li class="publication scheduled" data-item="${id}"`;
    const ofUnit = await getPage(app, '/calendar?plan=thu&month=2024-03&unit=cong-ttdt', author);
    expect(ofUnit).toContain(li);
    expect(ofUnit).toContain('<option value="cong-ttdt" selected>Cổng TTĐT tỉnh</option>');
    const otherUnit = await getPage(app, '/calendar?plan=thu&month=2024-03&unit=dai-ptth', author);
    expect(otherUnit).not.toContain(li);
    expect(otherUnit).toContain('li class="broadcast"');
    const onTopic = await getPage(app, '/calendar?plan=thu&month=2024-03&topic=mot-cua', author);
    expect(onTopic).not.toContain(li);
    expect(onTopic).toContain('li class="broadcast"');
  });
});
