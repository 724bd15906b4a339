import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openSession } from '../../src/app/session.js';
import { createApp } from '../../src/server/app.js';
import type { ServerContext } from '../../src/server/context.js';
import type { EngineCase } from '../support/store-engines.js';
import { type StationServer, stationServer } from './station-server.js';

/** The origin every page request of these tests comes from. */
export const ORIGIN = 'http://localhost';

/**
 * A second plan of the station, whose tasks nothing publishes: a training (at least twice a
 * year) and the monthly flag-salute meeting, both with evidence entered by hand.
 */
export const EVENTS_PLAN = [
  'id: su-kien',
  'document: { number: 02/KH-UBND, date: "2024-01-10", issuer: UBND tỉnh Thử, title: Kế hoạch tập huấn và hội nghị CCHC }',
  'period: { start: "2024-01-01", end: "2024-12-31" }',
  'topics: [{ id: mot-cua, title: Một cửa, focus: true }]',
  'units: [{ id: so-noi-vu, name: Sở Nội vụ }]',
  'tasks:',
  '  - { id: tap-huan, title: Tập huấn nghiệp vụ CCHC, unit: so-noi-vu, source: II.2.c, rule: { per: year, atLeast: 2 }, manual: training }',
  '  - { id: chao-co, title: Lồng ghép CCHC trong buổi chào cờ, unit: so-noi-vu, source: II.2.d, rule: { per: month, atLeast: 1 }, manual: flag-salute }',
  '',
].join('\n');

/**
 * The station server with the events plan added (its session reopened so that the plan is
 * read); `appWith` makes another app on the same session, e.g. with a small upload limit.
 */
export async function eventStation(engine: EngineCase): Promise<
  StationServer & {
    appWith(extra: Partial<ServerContext>): StationServer['app'];
  }
> {
  const s = await stationServer(engine);
  await writeFile(join(s.root, 'schedules/su-kien.yaml'), EVENTS_PLAN);
  await s.session.store.close();
  const session = await openSession(s.root, process.env);
  const log: StationServer['log'] = [];
  const base = { session, clock: s.clock, log: (r: (typeof log)[number]) => log.push(r) };
  const { app, openApi } = createApp(base);
  return {
    ...s,
    session,
    app,
    openApi,
    log,
    appWith: (extra) => createApp({ ...base, ...extra }).app,
  };
}

/** Signs in through the login form and returns the session cookie (`loa_session=…`). */
export async function login(app: StationServer['app'], token: string): Promise<string> {
  const res = await app.request('/login', {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, next: '/queue' }).toString(),
  });
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') as string).split(';')[0] as string;
}

/** A page's text, which must be a 200. */
export async function getPage(
  app: StationServer['app'],
  path: string,
  cookie: string,
): Promise<string> {
  const res = await app.request(path, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The CSRF token of the first form of a page. */
export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Posts a URL-encoded form from the same origin. */
export function postForm(
  app: StationServer['app'],
  path: string,
  cookie: string,
  fields: Record<string, string>,
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** Posts a multipart form (fields and files) from the same origin. */
export function postMultipart(
  app: StationServer['app'],
  path: string,
  cookie: string,
  fields: Record<string, string>,
  files: { name: string; type: string; bytes: Uint8Array }[] = [],
): Promise<Response> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const f of files) body.append('file', new File([f.bytes], f.name, { type: f.type }));
  return Promise.resolve(
    app.request(path, { method: 'POST', headers: { cookie, origin: ORIGIN }, body }),
  );
}
