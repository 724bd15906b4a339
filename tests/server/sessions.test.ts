import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserSession } from '../../src/auth/sessions.js';
import { rawForTests } from '../../src/store/testing.js';
import { storeEngines } from '../support/store-engines.js';
import { csrfOf, getPage, login, ORIGIN, postForm } from './pages-support.js';
import { bearer, NOW, type StationServer, stationServer } from './station-server.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field in assertions
const json = (res: Response): Promise<any> => res.json();

const engines = await storeEngines();

describe.each(engines)('browser sessions and response hygiene on $name', (engine) => {
  let s: StationServer;
  beforeAll(async () => {
    s = await stationServer(engine);
  });
  afterEach(() => {
    s.clock.set(NOW);
  });
  afterAll(async () => {
    await s?.session.store.close();
  });

  it('keeps a secret of its own in the cookie, stored only hashed, never the token', async () => {
    const cookie = await login(s.app, s.tokens.editor);
    const secret = cookie.slice('loa_session='.length);
    expect(secret).toMatch(/^loas_[\w-]{43}$/);
    expect(secret).not.toContain(s.tokens.editor);
    const rows = await rawForTests(s.session.store)
      .selectFrom('browser_sessions')
      .selectAll()
      .execute();
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(s.tokens.editor);
    expect(rows.some((r) => r.user_name === 'bt')).toBe(true);
    // The session cookie is not a bearer token: the API refuses it as one.
    const asBearer = await s.app.request('/api/items', { headers: bearer(secret) });
    expect(asBearer.status).toBe(401);
  });

  it('ends the session at logout: the same cookie is refused afterwards, saying so', async () => {
    const cookie = await login(s.app, s.tokens.editor);
    const queue = await getPage(s.app, '/queue', cookie);
    const out = await postForm(s.app, '/logout', cookie, { _csrf: csrfOf(queue) });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    expect(out.headers.get('set-cookie')).toMatch(/^loa_session=;.*Max-Age=0/);
    const replay = await s.app.request('/queue', { headers: { cookie } });
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain('Phiên đăng nhập đã kết thúc');
    // The editor's token itself still works: logging out ends the session, not the token.
    expect((await s.app.request('/api/items', { headers: bearer(s.tokens.editor) })).status).toBe(
      200,
    );
  });

  it('ends a session 12 hours after sign-in, whatever the cookie says', async () => {
    const cookie = await login(s.app, s.tokens.auditor);
    s.clock.advance({ hours: 11, minutes: 59 });
    expect((await s.app.request('/quotas', { headers: { cookie } })).status).toBe(200);
    s.clock.advance({ minutes: 1 });
    const late = await s.app.request('/quotas', { headers: { cookie } });
    expect(late.status).toBe(401);
    expect(late.headers.get('set-cookie')).toMatch(/^loa_session=;/);
  });

  it('lets a sign-in without a token (one-time link) open a session for a user', async () => {
    const opened = await openBrowserSession(s.session.store, 'kt', s.clock.now());
    const cookie = `loa_session=${opened.secret}`;
    const page = await getPage(s.app, '/evidence', cookie);
    expect(page).toContain('kt');
  });

  it('answers a write without any credential 401, before any anti-forgery check', async () => {
    const form = await s.app.request('/queue/some-item/approve', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'id=x',
    });
    expect(form.status).toBe(401);
    expect(await form.text()).toContain('Cần đăng nhập');
    const api = await s.app.request('/api/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(api.status).toBe(401);
    expect((await json(api)).error).toBe('HTTP_AUTH_MISSING');
    const logout = await s.app.request('/logout', { method: 'POST', headers: { origin: ORIGIN } });
    expect(logout.status).toBe(303);
  });

  it('follows a login only to a path of this site', async () => {
    for (const next of [
      '//2130706433',
      '//evil.example/queue',
      '/\\evil.example',
      'https://evil.example',
      '/queue/../..//x',
      '/%2F%2Fevil',
    ]) {
      const res = await s.app.request('/login', {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: s.tokens.editor, next }).toString(),
      });
      expect(res.status, next).toBe(303);
      expect(res.headers.get('location'), next).toBe('/');
    }
    const ok = await s.app.request('/login', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: s.tokens.editor, next: '/calendar' }).toString(),
    });
    expect(ok.headers.get('location')).toBe('/calendar');
  });

  it('sends the security headers on pages, API answers, refusals and public files', async () => {
    const cookie = await login(s.app, s.tokens.editor);
    const answers = [
      await s.app.request('/login'),
      await s.app.request('/queue', { headers: { cookie } }),
      await s.app.request('/api/items', { headers: bearer(s.tokens.editor) }),
      await s.app.request('/api/items'),
      await s.app.request('/nowhere'),
    ];
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      // Scripts only as files from this site: no inline script, no other origin.
      expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('marks every authenticated answer no-store, and leaves public ones cacheable', async () => {
    const cookie = await login(s.app, s.tokens.editor);
    const page = await s.app.request('/queue', { headers: { cookie } });
    expect(page.headers.get('cache-control')).toBe('no-store');
    const api = await s.app.request('/api/items', { headers: bearer(s.tokens.editor) });
    expect(api.headers.get('cache-control')).toBe('no-store');
    const form = await s.app.request('/login');
    expect(form.headers.get('cache-control')).toBe('no-store');
    const spec = await s.app.request('/api/openapi.json');
    expect(spec.headers.get('cache-control')).toBeNull();
  });
});
