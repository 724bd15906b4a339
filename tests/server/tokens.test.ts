import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/auth/tokens.js';
import { createToken } from '../../src/auth/users.js';
import { toStored } from '../../src/model/instant.js';
import { storeEngines } from '../support/store-engines.js';
import { bearer, NOW, type StationServer, stationServer } from './station-server.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field in assertions
const json = (res: Response): Promise<any> => res.json();

const engines = await storeEngines();
const ORIGIN = 'http://localhost';

describe.each(engines)('token lifecycle over HTTP on $name', (engine) => {
  let s: StationServer;
  beforeAll(async () => {
    s = await stationServer(engine);
  });
  afterEach(() => {
    s.clock.set(NOW);
    process.env.LOA_LANG = 'vi';
  });
  afterAll(async () => {
    await s?.session.store.close();
  });

  /** A request from a client address, as @hono/node-server hands it to the app. */
  const from = (address: string, path: string, init: RequestInit = {}) =>
    s.app.request(path, init, { incoming: { socket: { remoteAddress: address } } });

  const fresh = async (user: string, expiresAt?: string | null) =>
    createToken(s.session.store, user, { actor: 'test', at: toStored(s.clock.now()) }, expiresAt);

  const tokensOf = async (address: string) => {
    const res = await from(address, '/api/tokens', { headers: bearer(s.tokens.admin) });
    expect(res.status).toBe(200);
    return res;
  };

  it('refuses an expired token with 401, saying when it expired and how to get a new one', async () => {
    const { token } = await fresh('bt', toStored(NOW.plus({ hours: 1 })));
    const items = () => from('10.0.0.1', '/api/items', { headers: bearer(token) });
    expect((await items()).status).toBe(200);
    s.clock.advance({ hours: 1 });
    const res = await items();
    expect(res.status).toBe(401);
    const body = await json(res);
    expect(body).toEqual({
      error: 'HTTP_AUTH_EXPIRED',
      message: 'Mã truy cập đã hết hạn lúc 06/03/2024 11:00',
      hint: 'Xin quản trị viên cấp mã mới (loa token create <tên>), rồi đăng nhập lại bằng mã đó',
    });
    process.env.LOA_LANG = 'en';
    const en = await json(await items());
    expect(en.message).toBe('The access token expired at 06/03/2024 11:00');
    expect(s.log.at(-1)).toMatchObject({ status: 401, refused: 'HTTP_AUTH_EXPIRED' });
  });

  it('lists tokens to an admin by short id only, never a token or its hash', async () => {
    const res = await tokensOf('10.0.0.2');
    const text = await res.text();
    const listed = JSON.parse(text) as Array<Record<string, unknown>>;
    for (const [role, token] of Object.entries(s.tokens)) {
      const hash = hashToken(token);
      expect(listed).toContainEqual(
        expect.objectContaining({ id: hash.slice(0, 12), role, state: 'active' }),
      );
      expect(text).not.toContain(token);
      expect(text).not.toContain(hash.slice(0, 13));
    }
    const admin = listed.find((t) => t.id === hashToken(s.tokens.admin).slice(0, 12));
    expect(admin).toMatchObject({ user: 'qt', expiresAt: toStored(NOW.plus({ days: 90 })) });
    const byUser = await json(
      await from('10.0.0.2', '/api/tokens?user=dai', { headers: bearer(s.tokens.admin) }),
    );
    expect(byUser.map((t: { user: string }) => t.user)).toEqual(['dai']);
    const editor = await from('10.0.0.2', '/api/tokens', { headers: bearer(s.tokens.editor) });
    expect(editor.status).toBe(403);
    expect((await json(editor)).error).toBe('HTTP_FORBIDDEN');
  });

  it('revokes a token by id: the next request with it is 401 saying it was revoked', async () => {
    const { token, id } = await fresh('bt');
    const items = () => from('10.0.0.3', '/api/items', { headers: bearer(token) });
    expect((await items()).status).toBe(200);
    s.clock.advance({ minutes: 2 });
    const del = (path: string, who = s.tokens.admin) =>
      from('10.0.0.3', path, { method: 'DELETE', headers: bearer(who) });
    expect((await del(`/api/tokens/${id.slice(0, 8)}`, s.tokens.editor)).status).toBe(403);
    const revoked = await del(`/api/tokens/${id.slice(0, 8)}`);
    expect(revoked.status).toBe(200);
    expect(await json(revoked)).toMatchObject({
      id,
      user: 'bt',
      state: 'revoked',
      revokedBy: 'qt',
      revokedAt: toStored(NOW.plus({ minutes: 2 })),
      alreadyRevoked: false,
    });
    const refused = await items();
    expect(refused.status).toBe(401);
    expect(await json(refused)).toMatchObject({
      error: 'HTTP_AUTH_REVOKED',
      message: 'Mã truy cập đã bị thu hồi lúc 06/03/2024 10:02',
    });
    const unknown = await del('/api/tokens/00000000');
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).message).toBe(
      'Không có mã truy cập nào có số hiệu bắt đầu bằng 00000000',
    );
    const short = await del('/api/tokens/abc');
    expect(short.status).toBe(400);
    expect((await json(short)).error).toBe('TOKEN_ID_INVALID');
  });

  it('describes GET /api/tokens and DELETE /api/tokens/{id} in the OpenAPI document', () => {
    const paths = s.openApi.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths['/api/tokens']?.get?.['x-loa-permission']).toBe('users:admin');
    expect(paths['/api/tokens/{id}']?.delete).toMatchObject({
      'x-loa-permission': 'users:admin',
      parameters: [expect.objectContaining({ name: 'id', in: 'path', required: true })],
    });
  });

  it('answers the 11th failure in a minute from one address with 429 and Retry-After, not a valid token', async () => {
    const wrong = bearer('loa_guessed-wrong-token');
    for (let i = 0; i < 10; i++) {
      s.clock.advance({ seconds: 1 });
      expect((await from('10.9.9.9', '/api/items', { headers: wrong })).status).toBe(401);
    }
    const throttled = await from('10.9.9.9', '/api/items', { headers: wrong });
    expect(throttled.status).toBe(429);
    // The first failure came 9 s before this one: it leaves the minute in 51 s.
    expect(throttled.headers.get('retry-after')).toBe('51');
    expect((await json(throttled)).message).toBe(
      'Quá nhiều lần dùng mã truy cập sai từ địa chỉ này; thử lại sau 51 giây',
    );
    // The login form counts too; a valid token is not affected.
    const login = await from('10.9.9.9', '/login', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: 'loa_another-guess', next: '/queue' }).toString(),
    });
    expect(login.status).toBe(429);
    expect(login.headers.get('retry-after')).not.toBeNull();
    expect(await login.text()).toContain('Quá nhiều lần dùng mã truy cập sai');
    const ok = await from('10.9.9.9', '/api/items', { headers: bearer(s.tokens.editor) });
    expect(ok.status).toBe(200);
    // Another address is counted apart.
    expect((await from('10.9.9.8', '/api/items', { headers: wrong })).status).toBe(401);
    // A minute after the client stops failing, a failure is a plain 401 again.
    s.clock.advance({ seconds: 61 });
    expect((await from('10.9.9.9', '/api/items', { headers: wrong })).status).toBe(401);
    const logged = JSON.stringify(s.log);
    expect(logged).toContain('HTTP_AUTH_THROTTLED');
    expect(logged).not.toContain('guess');
  });

  it('records the last use of a token at most once a minute', async () => {
    const { token, id } = await fresh('kt');
    const lastUsed = async () => {
      const listed = await json(await tokensOf('10.0.0.4'));
      return listed.find((t: { id: string }) => t.id === id).lastUsedAt;
    };
    const use = () => from('10.0.0.4', '/api/items', { headers: bearer(token) });
    expect(await lastUsed()).toBeNull();
    expect((await use()).status).toBe(200);
    expect(await lastUsed()).toBe(toStored(NOW));
    s.clock.advance({ seconds: 30 });
    await Promise.all([use(), use(), use()]);
    expect(await lastUsed()).toBe(toStored(NOW));
    s.clock.advance({ seconds: 30 });
    expect((await use()).status).toBe(200);
    expect(await lastUsed()).toBe(toStored(NOW.plus({ minutes: 1 })));
  });

  it('ends a page session whose token was revoked, and lets the user sign in again', async () => {
    const { token, id } = await fresh('bt');
    const signIn = (t: string) =>
      from('10.0.0.5', '/login', {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: t, next: '/queue' }).toString(),
      });
    const res = await signIn(token);
    expect(res.status).toBe(303);
    const cookie = (res.headers.get('set-cookie') as string).split(';')[0] as string;
    expect((await from('10.0.0.5', '/queue', { headers: { cookie } })).status).toBe(200);
    await from('10.0.0.5', `/api/tokens/${id}`, {
      method: 'DELETE',
      headers: bearer(s.tokens.admin),
    });
    const page = await from('10.0.0.5', '/queue', { headers: { cookie } });
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('Mã truy cập đã bị thu hồi');
    expect(page.headers.get('set-cookie')).toMatch(/^loa_session=;.*Max-Age=0/);
    const form = await from('10.0.0.5', '/login', { headers: { cookie } });
    expect(form.status).toBe(200);
    const again = await signIn((await fresh('bt')).token);
    expect(again.status).toBe(303);
  });
});
