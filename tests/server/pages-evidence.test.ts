import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvidence, evidenceSize, readEvidence } from '../../src/evidence/log.js';
import { EVIDENCE_FILES_DIR } from '../../src/evidence/manual.js';
import { storeEngines } from '../support/store-engines.js';
import { csrfOf, eventStation, getPage, login, postMultipart } from './pages-support.js';

const engines = await storeEngines();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PDF = new TextEncoder().encode('%PDF-1.4\n% biên bản hội nghị tập huấn\n%%EOF\n');
const TXT = new TextEncoder().encode('Danh sách 42 học viên dự tập huấn nghiệp vụ CCHC.\n');

describe.each(engines)('manual evidence form on the evidence page on $name', (engine) => {
  let s: Awaited<ReturnType<typeof eventStation>>;
  let editor: string;
  let csrf: string;

  beforeAll(async () => {
    s = await eventStation(engine);
    editor = await login(s.app, s.tokens.editor);
    csrf = csrfOf(await getPage(s.app, '/evidence', editor));
  });
  afterAll(async () => {
    await s?.session.store.close();
  });

  /** What the log and the file store hold: nothing may change on a refused post. */
  async function written(): Promise<{ size: number; files: string[] }> {
    const dir = join(s.session.dataDir, EVIDENCE_FILES_DIR);
    const files = await readdir(dir).catch(() => []);
    return { size: await evidenceSize(s.session.store), files: files.sort() };
  }

  it('offers an editor the tasks entered by hand, by title and clause, and no other task', async () => {
    const html = await getPage(s.app, '/evidence', editor);
    expect(html).toContain('action="/evidence/manual" enctype="multipart/form-data"');
    expect(html).toContain(
      '<option value="su-kien/tap-huan">Tập huấn nghiệp vụ CCHC — Điều khoản II.2.c</option>',
    );
    expect(html).toContain(
      '<option value="su-kien/chao-co">Lồng ghép CCHC trong buổi chào cờ — Điều khoản II.2.d</option>',
    );
    expect(html).toContain('label="02/KH-UBND — Kế hoạch tập huấn và hội nghị CCHC (su-kien)"');
    expect(html).not.toContain('value="thu/');
    expect(html).toContain('<input type="file" name="file" multiple');
  });

  it('records the entry with its files, stores them by hash, and shows it', async () => {
    const res = await postMultipart(
      s.app,
      '/evidence/manual',
      editor,
      { _csrf: csrf, task: 'su-kien/tap-huan', date: '2024-03-12', note: 'Lớp tập huấn quý I' },
      [
        { name: 'biên bản.pdf', type: 'application/pdf', bytes: PDF },
        { name: 'danh-sach.txt', type: 'text/plain', bytes: TXT },
      ],
    );
    expect(res.status).toBe(303);
    const entries = await readEvidence(s.session.store);
    const entry = entries.at(-1);
    expect(entry).toMatchObject({
      kind: 'manual',
      plan: 'su-kien',
      task: 'tap-huan',
      unit: 'so-noi-vu',
      actor: 'bt',
      note: 'Lớp tập huấn quý I',
      // Noon in Hà Nội on the day given.
      time: '2024-03-12T05:00:00.000Z',
      files: [
        { name: 'biên bản.pdf', sha256: sha256(PDF), bytes: PDF.length },
        { name: 'danh-sach.txt', sha256: sha256(TXT), bytes: TXT.length },
      ],
    });
    const stored = join(s.session.dataDir, EVIDENCE_FILES_DIR);
    expect(new Uint8Array(await readFile(join(stored, sha256(PDF))))).toEqual(PDF);
    expect(new Uint8Array(await readFile(join(stored, sha256(TXT))))).toEqual(TXT);
    expect(res.headers.get('location')).toBe(`/evidence?added=${entry?.index}#added`);
    const html = await getPage(s.app, res.headers.get('location') as string, editor);
    expect(html).toContain(`Đã ghi minh chứng số ${entry?.index} vào nhật ký`);
    const added = /<dl id="added"[\s\S]*?<\/dl>/.exec(html)?.[0] ?? '';
    expect(added).toContain(`data-index="${entry?.index}"`);
    expect(added).toContain('Tập huấn nghiệp vụ CCHC — Điều khoản II.2.c (su-kien/tap-huan)');
    expect(added).toContain('<dd>12/03/2024</dd>');
    expect(added).toContain('biên bản.pdf');
    expect(added).toContain(sha256(PDF));
    expect(added).toContain(sha256(TXT));
    // The log's listing shows the files' hashes too.
    const row = new RegExp(`<tr data-index="${entry?.index}">[\\s\\S]*?</tr>`).exec(html)?.[0];
    expect(row).toContain(sha256(TXT));
  });

  it('lists the latest entries and links to the older ones', async () => {
    for (const day of ['2024-03-20', '2024-03-21', '2024-03-22']) {
      await s.session.store.transaction((tx) =>
        appendEvidence(tx, {
          kind: 'manual',
          plan: 'su-kien',
          task: 'chao-co',
          time: `${day}T01:00:00Z`,
          actor: 'bt',
        }),
      );
    }
    const size = await evidenceSize(s.session.store);
    const shown = (html: string) =>
      [...html.matchAll(/<tr data-index="(\d+)">/g)].map((m) => Number(m[1]));
    const latest = await getPage(s.app, '/evidence?limit=2', editor);
    expect(shown(latest)).toEqual([size - 2, size - 1]);
    const link = /<a rel="prev" href="([^"]+)">([^<]+)<\/a>/.exec(latest);
    expect(link?.[2]).toContain(`Các mục cũ hơn (trước mục ${size - 2})`);
    const older = await getPage(s.app, (link?.[1] ?? '').replaceAll('&amp;', '&'), editor);
    expect(shown(older)).toEqual([size - 4, size - 3]);
  });

  it('refuses an auditor with 403, showing no form', async () => {
    const auditor = await login(s.app, s.tokens.auditor);
    const html = await getPage(s.app, '/evidence', auditor);
    expect(html).not.toContain('action="/evidence/manual"');
    expect(html).toContain(
      'Vai trò auditor chỉ xem nhật ký; minh chứng nhập tay do vai trò editor thêm.',
    );
    const before = await written();
    const res = await postMultipart(s.app, '/evidence/manual', auditor, {
      _csrf: csrfOf(html),
      task: 'su-kien/tap-huan',
      date: '2024-03-12',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(
      'Người dùng kt (vai trò kiểm tra viên) không được thêm minh chứng nhập tay: việc này dành cho vai trò biên tập viên',
    );
    expect(await written()).toEqual(before);
  });

  it('refuses a post without the form’s CSRF token, or from another origin', async () => {
    const before = await written();
    const fields = { task: 'su-kien/tap-huan', date: '2024-03-12' };
    const missing = await postMultipart(s.app, '/evidence/manual', editor, fields);
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('thiếu hoặc sai mã chống giả mạo');
    const body = new FormData();
    for (const [k, v] of Object.entries({ ...fields, _csrf: csrf })) body.append(k, v);
    const foreign = await s.app.request('/evidence/manual', {
      method: 'POST',
      headers: { cookie: editor, origin: 'http://evil.example' },
      body,
    });
    expect(foreign.status).toBe(403);
    expect(await written()).toEqual(before);
  });

  it.each([
    {
      what: 'no task',
      fields: { task: '', date: '2024-03-12', note: 'Hội nghị giao ban' },
      status: 400,
      says: ['Chưa chọn nhiệm vụ', 'Chọn nhiệm vụ trong danh sách'],
    },
    {
      what: 'a task counted from publications',
      fields: { task: 'thu/chuyen-muc', date: '2024-03-12', note: 'Hội nghị giao ban' },
      status: 400,
      says: ['Nhiệm vụ &quot;chuyen-muc&quot; của kế hoạch thu không nhận minh chứng nhập tay'],
    },
    {
      what: 'a date outside the plan period',
      fields: { task: 'su-kien/chao-co', date: '2025-01-06', note: 'Chào cờ đầu năm' },
      status: 400,
      says: [
        'Ngày 2025-01-06 nằm ngoài thời gian thực hiện kế hoạch su-kien (2024-01-01 – 2024-12-31)',
        'Chọn một ngày trong thời gian thực hiện kế hoạch.',
      ],
    },
    {
      what: 'a file whose content is not its type',
      fields: { task: 'su-kien/tap-huan', date: '2024-03-12', note: 'Ảnh lớp học' },
      files: [{ name: 'anh-lop.png', type: 'image/png', bytes: TXT }],
      status: 415,
      says: [
        'Tệp anh-lop.png (image/png) không được nhận: nội dung không khớp loại tệp',
        'Nhận các loại: .pdf, .png',
        'hãy chọn lại tệp trước khi gửi lại',
      ],
    },
    {
      what: 'a refused type',
      fields: { task: 'su-kien/tap-huan', date: '2024-03-12', note: 'Tệp chạy' },
      files: [{ name: 'cai-dat.exe', type: 'application/octet-stream', bytes: PDF }],
      status: 415,
      says: ['Tệp cai-dat.exe (application/octet-stream) không được nhận'],
    },
  ])('shows the form again for $what, with the inputs kept, and writes nothing', async (bad) => {
    const before = await written();
    const res = await postMultipart(
      s.app,
      '/evidence/manual',
      editor,
      { _csrf: csrf, ...bad.fields },
      bad.files ?? [],
    );
    expect(res.status).toBe(bad.status);
    const html = await res.text();
    const form = /<section id="manual">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(form).toContain('role="alert"');
    for (const text of bad.says) expect(form).toContain(text);
    expect(form).toContain(`value="${bad.fields.date}"`);
    expect(form).toContain(`>${bad.fields.note}</textarea>`);
    if (bad.fields.task.startsWith('su-kien/'))
      expect(form).toContain(`value="${bad.fields.task}" selected`);
    expect(await written()).toEqual(before);
  });

  it('refuses files over the upload limit, keeping the inputs, and writes nothing', async () => {
    const small = s.appWith({ maxUploadBytes: 1024 });
    const before = await written();
    const big = new Uint8Array(4096);
    big.set(PDF);
    const res = await postMultipart(
      small,
      '/evidence/manual',
      editor,
      { _csrf: csrf, task: 'su-kien/chao-co', date: '2024-04-01', note: 'Chào cờ tháng 4' },
      [{ name: 'anh-chao-co.pdf', type: 'application/pdf', bytes: big }],
    );
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain('Tệp đính kèm quá lớn: 4096 byte, tối đa 1024 byte cho một lần gửi');
    expect(html).toContain('value="su-kien/chao-co" selected');
    expect(html).toContain('>Chào cờ tháng 4</textarea>');
    expect(await written()).toEqual(before);
  });
});
