import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/commands/audit.js';
import { captureOutput } from '../support/capture-output.js';
import { storeEngines } from '../support/store-engines.js';
import { type StationServer, stationServer } from './station-server.js';

const engines = await storeEngines();
const ORIGIN = 'http://localhost';

describe.each(engines)('web pages on $name', (engine) => {
  let s: StationServer;
  let cookie: string;
  beforeAll(async () => {
    s = await stationServer(engine);
  });
  afterAll(async () => {
    await s?.session.store.close();
  });

  async function login(token: string): Promise<string> {
    const res = await s.app.request('/login', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, next: '/queue' }).toString(),
    });
    expect(res.status).toBe(303);
    const set = res.headers.get('set-cookie') as string;
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    return set.split(';')[0] as string;
  }

  async function page(path: string, who = cookie): Promise<string> {
    const res = await s.app.request(path, { headers: { cookie: who } });
    expect(res.status).toBe(200);
    return res.text();
  }

  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

  it('sends a visitor without a session to the login page, and refuses a wrong token', async () => {
    const res = await s.app.request('/queue');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fqueue');
    const bad = await s.app.request('/login', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=loa_wrong',
    });
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain('Mã truy cập không đúng');
  });

  it('lets an editor approve from the queue page only with the form’s CSRF token', async () => {
    cookie = await login(s.tokens.editor);
    const html = await page('/queue');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Hàng đợi bài');
    const csrf = csrfOf(html);
    expect(csrf).not.toBe('');
    const add = (token: string, origin = ORIGIN) =>
      s.app.request('/queue', {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: token,
          markdown:
            '---\ntitle: Tin từ trang web\ntopics: [mot-cua]\nchannels: [tv]\nunit: dai-ptth\nauthor: Phòng Thời sự\ndurationSec: 120\n---\n<script>alert(1)</script> Nội dung.\n',
        }).toString(),
      });
    expect((await add('')).status).toBe(403);
    expect((await add(csrf, 'http://evil.example')).status).toBe(403);
    expect((await add(csrf)).status).toBe(303);
    const queued = await page('/queue');
    expect(queued).toContain('Tin từ trang web');
    expect(queued).not.toContain('<script>alert(1)');
    const approve = await s.app.request('/queue/tin-tu-trang-web/approve', {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(approve.status).toBe(303);
    expect(await page('/queue')).toMatch(/id="approved"[\s\S]*tin-tu-trang-web/);
  });

  it('shows an auditor no approve form and refuses the approval with a Vietnamese 403', async () => {
    const auditor = await login(s.tokens.auditor);
    const html = await page('/queue', auditor);
    expect(html).not.toContain('/approve');
    const res = await s.app.request('/queue/w10-mot-cua/withdraw', {
      method: 'POST',
      headers: {
        cookie: auditor,
        origin: ORIGIN,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: csrfOf(html) }).toString(),
    });
    expect(res.status).toBe(403);
    const refusal = await res.text();
    expect(refusal).toContain(
      'Người dùng kt (vai trò kiểm tra viên) không được thêm, duyệt, rút và đặt lịch bài: việc này dành cho vai trò biên tập viên',
    );
    // Whom to ask, by name: the administrators of this loa.
    expect(refusal).toContain(
      'hãy nhờ quản trị viên (qt) cấp cho bạn một mã truy cập có vai trò biên tập viên',
    );
    expect(refusal).not.toContain('queue:write');
  });

  it('shows on the quotas page the figures of loa audit', async () => {
    const auditor = await login(s.tokens.auditor);
    const html = await page('/quotas?plan=thu&period=2024-03', auditor);
    const out = captureOutput();
    await runAudit({ dir: s.root, plan: 'thu', period: '2024-03', format: 'json' }, out, s.clock);
    const audit = JSON.parse(out.stdout.join('\n'));
    const result = Array.isArray(audit) ? audit[0] : audit;
    for (const task of result.tasks)
      for (const p of task.periods) {
        const row = new RegExp(
          `data-task="${task.id}" data-period="${p.label}">[\\s\\S]*?class="required">${p.required}</td><td data-label="Đạt" class="achieved">${p.achieved}</td>`,
        );
        expect(html).toMatch(row);
      }
    expect(html).toContain(`data-percent="${result.completion.percent ?? ''}"`);
  });

  it('lets a broadcaster mark the rundown ready from its page; an auditor sees no such form', async () => {
    const auditor = await login(s.tokens.auditor);
    expect(await page('/rundown/tv/2024-W10', auditor)).not.toContain('/ready"');
    const broadcaster = await login(s.tokens.broadcaster);
    const html = await page('/rundown/tv/2024-W10', broadcaster);
    expect(html).toContain('action="/rundown/tv/2024-W10/ready"');
    const res = await s.app.request('/rundown/tv/2024-W10/ready', {
      method: 'POST',
      headers: {
        cookie: broadcaster,
        origin: ORIGIN,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: csrfOf(html) }).toString(),
    });
    expect(res.status).toBe(303);
    const api = await s.app.request('/api/rundowns/tv/2024-W10?format=json', {
      headers: { authorization: `Bearer ${s.tokens.broadcaster}` },
    });
    expect(((await api.json()) as { rundown: { state: string } }).rundown.state).toBe('ready');
  });

  it('builds a week, moves a story by form; once locked, a move is refused in words and the order stays', async () => {
    const broadcaster = await login(s.tokens.broadcaster);
    const post = async (path: string, fields: Record<string, string>) => {
      const html = await page('/rundown/tv/2024-W12', broadcaster);
      return s.app.request(path, {
        method: 'POST',
        headers: {
          cookie: broadcaster,
          origin: ORIGIN,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ _csrf: csrfOf(html), ...fields }).toString(),
      });
    };
    const order = async () => {
      const api = await s.app.request('/api/rundowns/tv/2024-W12?format=json', {
        headers: { authorization: `Bearer ${s.tokens.broadcaster}` },
      });
      const body = (await api.json()) as {
        rundown: { segments: { items: { slug: string }[] }[] };
      };
      return body.rundown.segments.flatMap((g) => g.items.map((i) => i.slug));
    };
    expect((await post('/rundown/tv/2024-W12/build', {})).status).toBe(303);
    const before = await order();
    expect(before.length).toBeGreaterThan(1);
    const last = before.at(-1) as string;
    const moved = [last, ...before.slice(0, -1)];
    const story = { slot: '1', slug: last, action: 'to', to: '1' };
    expect((await post('/rundown/tv/2024-W12/story', story)).status).toBe(303);
    expect(await order()).toEqual(moved);
    expect((await post('/rundown/tv/2024-W12/ready', {})).status).toBe(303);
    expect((await post('/rundown/tv/2024-W12/lock', {})).status).toBe(303);
    const refused = await post('/rundown/tv/2024-W12/story', {
      ...story,
      slug: moved[1] as string,
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('không sửa được');
    expect(await order()).toEqual(moved);
  });

  it('renders the calendar, the rundown with its exports, and the evidence log', async () => {
    const cal = await page('/calendar?plan=thu&view=month&period=2024-03');
    expect(cal).toContain('thu · 2024-03');
    expect(cal).toContain('08/03 20:00');
    const rundown = await page('/rundown/tv/2024-W10');
    expect(rundown).toContain('Một cửa liên thông hiện đại (w10)');
    expect(rundown).toContain('format=mos');
    const evidence = await page('/evidence?kind=publication');
    expect(evidence).toContain('id="checkpoint"');
  });
});
