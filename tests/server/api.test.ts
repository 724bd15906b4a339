import { getMosTypes, MosModel, xml2js } from '@mos-connection/helper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/i18n/catalogue.js';
import { storeEngines } from '../support/store-engines.js';
import { bearer, type StationServer, stationServer } from './station-server.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field in assertions
const json = (res: Response): Promise<any> => res.json();

const engines = await storeEngines();
const mosTypes = getMosTypes(true);

const ITEM = `---
title: Tin gửi qua API về một cửa
topics: [mot-cua]
channels: [tv]
unit: dai-ptth
author: Phòng Thời sự
durationSec: 300
---
Nội dung tin.
`;

describe.each(engines)('HTTP API on $name', (engine) => {
  let s: StationServer;
  beforeAll(async () => {
    s = await stationServer(engine);
  });
  afterAll(async () => {
    await s?.session.store.close();
  });

  it('refuses a request without a token with 401 and a Vietnamese message, and logs it', async () => {
    const res = await s.app.request('/api/rundowns/tv/current?format=json');
    expect(res.status).toBe(401);
    const body = await json(res);
    expect(body).toMatchObject({
      error: 'HTTP_AUTH_MISSING',
      message: message('HTTP_AUTH_MISSING', {}, 'vi'),
    });
    expect(body.message).toContain('Cần đăng nhập');
    expect(s.log.at(-1)).toMatchObject({ status: 401, refused: 'HTTP_AUTH_MISSING' });
    const wrong = await s.app.request('/api/items', { headers: bearer('loa_not-a-token') });
    expect(wrong.status).toBe(401);
  });

  it("gives a broadcaster this week's rundown as JSON, CSV and MOS with their content types", async () => {
    const res = await s.app.request('/api/rundowns/tv/current?format=json', {
      headers: bearer(s.tokens.broadcaster),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const doc = await json(res);
    expect(doc.rundown.slot.start).toBe('2024-03-08T20:00:00.000+07:00');

    const csv = await s.app.request('/api/rundowns/tv/2024-W10?format=csv', {
      headers: bearer(s.tokens.broadcaster),
    });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('Một cửa liên thông hiện đại (w10)');

    const mos = await s.app.request('/api/rundowns/tv/2024-W10?format=mos', {
      headers: bearer(s.tokens.broadcaster),
    });
    expect(mos.headers.get('content-type')).toBe('application/xml');
    const parsed = xml2js(await mos.text()) as unknown as { mos: { roCreate: unknown } };
    const ro = MosModel.XMLRunningOrder.fromXML('roCreate', parsed.mos.roCreate as never, true);
    expect(mosTypes.mosString128.stringify(ro.ID)).toBe(doc.rundown.id);
    expect(ro.Stories.length).toBe(doc.timing.items.length);

    const ics = await s.app.request('/api/rundowns/tv/2024-W10?format=ics', {
      headers: bearer(s.tokens.broadcaster),
    });
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await ics.text()).toContain('BEGIN:VEVENT');
  });

  it('marks the rundown ready, and the next export says so (ETag changes, 304 while unchanged)', async () => {
    const get = (etag?: string) =>
      s.app.request('/api/rundowns/tv/2024-W10?format=json', {
        headers: bearer(s.tokens.broadcaster, etag ? { 'if-none-match': etag } : {}),
      });
    const first = await get();
    const etag = first.headers.get('etag') as string;
    expect((await json(first)).rundown.state).toBe('draft');
    expect((await get(etag)).status).toBe(304);
    const moved = await s.app.request('/api/rundowns/tv/2024-W10/ready', {
      method: 'POST',
      headers: bearer(s.tokens.broadcaster, { 'content-type': 'application/json' }),
      body: '{}',
    });
    expect(moved.status).toBe(200);
    expect((await json(moved))[0].state).toBe('ready');
    const after = await get(etag);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await json(after)).rundown.state).toBe('ready');
  });

  it('refuses a broadcaster the queue and an auditor any write, with 403 naming the role', async () => {
    const queue = await s.app.request('/api/items', { headers: bearer(s.tokens.broadcaster) });
    expect(queue.status).toBe(403);
    const post = await s.app.request('/api/items', {
      method: 'POST',
      headers: bearer(s.tokens.auditor, { 'content-type': 'text/markdown' }),
      body: ITEM,
    });
    expect(post.status).toBe(403);
    const body = await json(post);
    expect(body.error).toBe('HTTP_FORBIDDEN');
    expect(body.message).toContain('kt');
    expect(body.message).toContain('auditor');
    expect(s.log.at(-1)).toMatchObject({ status: 403, user: 'kt', refused: 'HTTP_FORBIDDEN' });
  });

  it('lets an editor add an item from Markdown, approve it, and see it queued', async () => {
    const added = await s.app.request('/api/items?id=tin-api', {
      method: 'POST',
      headers: bearer(s.tokens.editor, { 'content-type': 'text/markdown' }),
      body: ITEM.normalize('NFD'),
    });
    expect(added.status).toBe(201);
    expect(await json(added)).toMatchObject({ id: 'tin-api', status: 'draft', changed: true });
    const refused = await s.app.request('/api/items/tin-api/approve', {
      method: 'POST',
      headers: bearer(s.tokens.auditor),
    });
    expect(refused.status).toBe(403);
    const approved = await s.app.request('/api/items/tin-api/approve', {
      method: 'POST',
      headers: bearer(s.tokens.editor),
    });
    expect(await json(approved)).toMatchObject({ from: 'draft', status: 'approved' });
    const list = await s.app.request('/api/items?status=approved', {
      headers: bearer(s.tokens.auditor),
    });
    const items = (await json(list)) as { id: string; title: string }[];
    const item = items.find((i) => i.id === 'tin-api');
    expect(item?.title).toBe('Tin gửi qua API về một cửa'.normalize('NFC'));
    const again = await s.app.request('/api/items/tin-api/approve', {
      method: 'POST',
      headers: bearer(s.tokens.editor),
    });
    expect(again.status).toBe(409);
    expect((await json(again)).error).toBe('ITEM_TRANSITION');
  });

  it('gives the status of every channel as loa status does, to a broadcaster', async () => {
    const res = await s.app.request('/api/status', { headers: bearer(s.tokens.broadcaster) });
    expect(res.status).toBe(200);
    const status = await json(res);
    const tv = status.channels.find((ch: { channel: string }) => ch.channel === 'tv');
    expect(tv.kind).toBe('broadcast');
    expect(tv.rundowns.length).toBeGreaterThan(0);
    expect(Array.isArray(status.reportsDue)).toBe(true);
  });

  it('answers 400 for an invalid query and 413 for a body over the limit', async () => {
    const bad = await s.app.request('/api/rundowns/tv/2024-W10?format=docx', {
      headers: bearer(s.tokens.broadcaster),
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error).toBe('HTTP_INVALID_REQUEST');
    const big = await s.app.request('/api/items', {
      method: 'POST',
      headers: bearer(s.tokens.editor, { 'content-type': 'text/markdown' }),
      body: `${ITEM}${'x'.repeat(2 * 1024 * 1024)}`,
    });
    expect(big.status).toBe(413);
  });

  it('offers no way to alter or delete evidence, for any role', async () => {
    for (const token of Object.values(s.tokens)) {
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        const res = await s.app.request('/api/evidence/0', { method, headers: bearer(token) });
        expect(res.status).toBe(404);
      }
    }
    const read = await s.app.request('/api/evidence', { headers: bearer(s.tokens.auditor) });
    expect(read.status).toBe(200);
    expect(Array.isArray(await json(read))).toBe(true);
  });

  it('serves an OpenAPI document generated from the request schemas', async () => {
    const res = await s.app.request('/api/openapi.json');
    const doc = await json(res);
    const op = doc.paths['/api/rundowns/{channel}/{week}'].get;
    expect(op['x-loa-permission']).toBe('rundown:read');
    const format = op.parameters.find((p: { name: string }) => p.name === 'format');
    expect(format.schema.enum).toEqual(['json', 'csv', 'txt', 'html', 'mos', 'ics']);
    expect(doc.paths['/api/items'].post.requestBody.content['text/markdown']).toBeDefined();
  });

  it('never writes a token into the access log', () => {
    const text = JSON.stringify(s.log);
    for (const token of Object.values(s.tokens)) expect(text).not.toContain(token);
    expect(s.log.every((r) => typeof r.ms === 'number' && r.method && r.path)).toBe(true);
  });
});
