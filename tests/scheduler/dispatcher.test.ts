import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAdapters, openSession, type Session } from '../../src/app/session.js';
import { syncContent } from '../../src/app/sync.js';
import { filesAdapter } from '../../src/channels/files/adapter.js';
import type { ChannelAdapter } from '../../src/channels/types.js';
import { LoaError } from '../../src/errors/loa-error.js';
import { ManualClock } from '../../src/model/clock.js';
import { toStored } from '../../src/model/instant.js';
import { dispatchPass } from '../../src/scheduler/dispatch/dispatcher.js';
import type { DispatcherOptions } from '../../src/scheduler/dispatch/types.js';
import { planItems } from '../../src/scheduler/plan/items.js';
import { findItem, saveItemVersion } from '../../src/store/items.js';
import { attemptsOf, listPublications } from '../../src/store/publications.js';
import { rawForTests } from '../../src/store/testing.js';
import { writeItem, writeSchedProject } from '../support/sched-project.js';
import { storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';

const engines = await storeEngines();
const START = DateTime.fromISO('2024-03-04T08:00', { zone: 'Asia/Ho_Chi_Minh' });

/** Deliveries the files adapter wrote for a channel: key → parsed file. */
async function deliveries(session: Session, channel: string) {
  const dir = join(session.dataDir, 'out', channel);
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.json'));
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8'))));
}

describe.each(engines)('dispatcher on $name', (engine) => {
  const sessions: Session[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.store.close();
  });

  async function setup(
    items: Parameters<typeof writeSchedProject>[2],
    channels = [{ id: 'tep' }] as Parameters<typeof writeSchedProject>[1],
  ) {
    const root = await tempDir('proj');
    await writeSchedProject(root, channels, items);
    const env = { ...(await engine.env()) };
    const session = await openSession(root, env);
    sessions.push(session);
    const clock = new ManualClock(START);
    await syncContent(session.store, session.project, session.config, clock.now(), 'editor');
    const options = (adapters?: Map<string, ChannelAdapter>): DispatcherOptions => ({
      store: session.store,
      channels: session.config.channels,
      adapters: adapters ?? buildAdapters(session.config.channels.values(), 'run', session, clock),
      clock,
      random: () => 0.5,
    });
    return { root, session, clock, options };
  }

  it('sends nothing of a withdrawn item and only the new form of an edited one', async () => {
    const { root, session, clock, options } = await setup([
      { id: 'rut', channels: ['tep'], publishAt: '2024-03-04T09:00' },
      { id: 'sua', channels: ['tep'], publishAt: '2024-03-04T09:00', title: 'Bản cũ' },
      { id: 'dua', channels: ['tep'], publishAt: '2024-03-04T09:00', title: 'Bản cũ' },
    ]);
    // Withdrawn in the queue, edited in content/, after planning.
    const { withdrawItem } = await import('../../src/app/queue.js');
    const ctx = { store: session.store, config: session.config, now: clock.now(), actor: 'editor' };
    await withdrawItem(ctx, 'rut');
    await writeItem(root, {
      id: 'sua',
      channels: ['tep'],
      publishAt: '2024-03-04T09:00',
      title: 'Bản mới',
    });
    const reloaded = await openSession(root, {
      LOA_DATA_DIR: session.dataDir,
      LOA_DATABASE_URL: session.env.LOA_DATABASE_URL,
    });
    sessions.push(reloaded);
    await syncContent(session.store, reloaded.project, session.config, clock.now(), 'editor');
    // An edit that lands after planning, without re-planning (as if between claim and send).
    await session.store.transaction(async (tx) => {
      const row = await findItem(tx, 'dua');
      const doc = JSON.parse(
        (
          await rawForTests(tx)
            .selectFrom('item_versions')
            .select('document')
            .where('item_id', '=', 'dua')
            .executeTakeFirstOrThrow()
        ).document,
      );
      await saveItemVersion(
        tx,
        {
          item: { ...doc, title: 'Bản sửa muộn' },
          source: row!.source,
          path: row!.path,
          status: 'approved',
        },
        { actor: 'editor', at: toStored(clock.now()) },
      );
    });
    clock.set(START.plus({ hours: 1, minutes: 1 }));
    const first = await dispatchPass(options());
    expect(first.counts).toMatchObject({ published: 1, deferred: 1 });
    await session.store.transaction((tx) =>
      planItems(tx, {
        ids: ['dua'],
        config: session.config,
        now: clock.now(),
        by: { actor: 'editor', at: toStored(clock.now()) },
      }),
    );
    clock.advance({ seconds: 30 });
    await dispatchPass(options());
    const out = await deliveries(session, 'tep');
    expect(out.map((d) => `${d.itemId}:${d.title}`).sort()).toEqual([
      'dua:Bản sửa muộn',
      'sua:Bản mới',
    ]);
    const rut = (await listPublications(session.store, { item: 'rut' }))[0]!;
    expect([rut.status, rut.reason]).toEqual(['cancelled', 'withdrawn']);
    const dua = (await listPublications(session.store, { item: 'dua' }))[0]!;
    expect((await attemptsOf(session.store, dua.key)).map((a) => a.outcome)).toEqual([
      'deferred',
      'published',
    ]);
  });

  it('sends nothing of an item withdrawn while the pass is under way, during a slow send', async () => {
    const { session, clock, options } = await setup([
      { id: 'a1', channels: ['tep'], publishAt: '2024-03-04T09:00' },
      { id: 'b2', channels: ['tep'], publishAt: '2024-03-04T09:00' },
      { id: 'c3', channels: ['tep'], publishAt: '2024-03-04T09:00' },
    ]);
    const { withdrawItem } = await import('../../src/app/queue.js');
    const real = filesAdapter({
      channel: session.config.channels.get('tep')!,
      env: {},
      dataDir: session.dataDir,
      clock,
    });
    const sent: string[] = [];
    // The first send takes a while (as a remote channel's does); meanwhile b2 is withdrawn.
    const slowFirst: ChannelAdapter = {
      kind: 'files',
      find: (key, signal) => real.find(key, signal),
      publish: async (request, signal) => {
        sent.push(request.item.id);
        if (sent.length === 1) {
          const ctx = {
            store: session.store,
            config: session.config,
            now: clock.now(),
            actor: 'editor',
          };
          await withdrawItem(ctx, 'b2');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        return real.publish(request, signal);
      },
    };
    clock.set(START.plus({ hours: 1, minutes: 1 }));
    const pass = await dispatchPass(options(new Map([['tep', slowFirst]])));
    expect(pass.counts).toMatchObject({ published: 2, cancelled: 1 });
    expect(sent).toEqual(['a1', 'c3']);
    const b2 = (await listPublications(session.store, { item: 'b2' }))[0]!;
    expect([b2.status, b2.reason]).toEqual(['cancelled', 'withdrawn']);
  });

  it('retries transient failures with growing delays, then fails with the last error', async () => {
    const { session, clock, options } = await setup(
      [{ id: 'loi', channels: ['tep'], publishAt: '2024-03-04T09:00' }],
      [{ id: 'tep', retry: { maxAttempts: 3, baseDelaySec: 60 }, maxLatenessMinutes: 600 }],
    );
    const failing: ChannelAdapter = {
      kind: 'files',
      find: async () => undefined,
      publish: async () => {
        throw new LoaError('FILES_WRITE_FAILED', {
          params: { path: 'x', reason: 'disk busy' },
          failure: 'transient',
        });
      },
    };
    const adapters = new Map([['tep', failing]]);
    const dues: string[] = [];
    clock.set(START.plus({ hours: 1 }));
    for (let i = 0; i < 3; i++) {
      await dispatchPass(options(adapters));
      const [pub] = await listPublications(session.store);
      dues.push(pub!.due_at);
      clock.set(DateTime.fromISO(pub!.due_at).plus({ seconds: 1 }));
    }
    const [pub] = await listPublications(session.store);
    expect(pub!.status).toBe('failed');
    expect(pub!.attempts).toBe(3);
    expect(pub!.last_error).toContain('disk busy');
    const gaps = [0, 1].map((i) =>
      DateTime.fromISO(dues[i]!)
        .diff(START.plus({ hours: 1, seconds: i === 0 ? 0 : 0 }))
        .as('seconds'),
    );
    expect(gaps[0]).toBe(45); // 60 s base, jitter 0.5 → 45 s
    expect(DateTime.fromISO(dues[1]!).diff(DateTime.fromISO(dues[0]!)).as('seconds')).toBeCloseTo(
      91,
      0,
    ); // 120 → 90 s, after +1 s
    expect((await findItem(session.store, 'loi'))!.status).toBe('failed');
  });

  it('looks an unknown outcome up with find before any retry, and never sends twice', async () => {
    const { session, clock, options } = await setup([
      { id: 'mo', channels: ['tep'], publishAt: '2024-03-04T09:00' },
    ]);
    const real = filesAdapter({
      channel: session.config.channels.get('tep')!,
      env: {},
      dataDir: session.dataDir,
      clock,
    });
    let publishes = 0;
    const timesOut: ChannelAdapter = {
      kind: 'files',
      find: (key, signal) => real.find(key, signal),
      publish: async (request, signal) => {
        publishes += 1;
        await real.publish(request, signal);
        throw new LoaError('FILES_WRITE_FAILED', {
          params: { path: 'x', reason: 'timeout' },
          failure: 'unknown',
        });
      },
    };
    clock.set(START.plus({ hours: 1 }));
    const adapters = new Map([['tep', timesOut]]);
    expect((await dispatchPass(options(adapters))).counts.retry).toBe(1);
    clock.advance({ minutes: 5 });
    expect((await dispatchPass(options(adapters))).counts.reconciled).toBe(1);
    expect(publishes).toBe(1);
    expect(await deliveries(session, 'tep')).toHaveLength(1);
    const [pub] = await listPublications(session.store);
    expect(pub!.status).toBe('published');
  });

  it('pauses a channel on an auth failure, skips channels that are not ready, and goes on with the others', async () => {
    const { session, clock, options } = await setup(
      [
        { id: 'a', channels: ['bi-khoa'], publishAt: '2024-03-04T09:00' },
        { id: 'b', channels: ['bi-khoa'], publishAt: '2024-03-04T09:01' },
        { id: 'c', channels: ['chua-san'], publishAt: '2024-03-04T09:00' },
        { id: 'd', channels: ['tot'], publishAt: '2024-03-04T09:00' },
      ],
      [{ id: 'bi-khoa' }, { id: 'chua-san' }, { id: 'tot' }],
    );
    let authCalls = 0;
    const adapters = buildAdapters(session.config.channels.values(), 'run', session, clock);
    adapters.set('bi-khoa', {
      kind: 'files',
      find: async () => undefined,
      publish: async () => {
        authCalls += 1;
        throw new LoaError('FILES_WRITE_FAILED', {
          params: { path: 'x', reason: '401' },
          failure: 'auth',
        });
      },
    });
    adapters.set('chua-san', {
      ...adapters.get('tot')!,
      readiness: () => ({ ready: false, missing: ['LOA_X'] }),
    });
    clock.set(START.plus({ hours: 1, minutes: 5 }));
    const first = await dispatchPass(options(adapters));
    clock.advance({ seconds: 30 });
    const second = await dispatchPass(options(adapters));
    expect(authCalls).toBe(1);
    expect(first.counts).toMatchObject({ published: 1, paused: 1, failed: 0 });
    expect(second.waiting.map((w) => w.channel).sort()).toEqual(['bi-khoa', 'chua-san']);
    const pubs = await listPublications(session.store);
    expect(
      pubs
        .filter((p) => p.status === 'scheduled')
        .map((p) => p.item_id)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
  });

  it('after three days down, reports what it missed and catches up the rest at a bounded rate', async () => {
    // One publication every 10 minutes from Monday 08:00 for three days.
    const items = Array.from({ length: 432 }, (_, i) => ({
      id: `tin-${String(i).padStart(3, '0')}`,
      channels: ['tep'],
      publishAt: START.plus({ minutes: 10 * i }).toFormat("yyyy-MM-dd'T'HH:mm"),
    }));
    const { session, clock, options } = await setup(items, [{ id: 'tep', maxLatenessMinutes: 60 }]);
    clock.set(START.plus({ days: 3 }).plus({ minutes: 5 }));
    const perPass = 3;
    const passes = [];
    for (let i = 0; i < 4; i++) {
      passes.push(await dispatchPass({ ...options(), perChannelPerPass: perPass }));
      clock.advance({ seconds: 30 });
    }
    const pubs = await listPublications(session.store);
    const published = pubs.filter((p) => p.status === 'published');
    const missed = pubs.filter((p) => p.status === 'missed');
    // Down until 3 days + 5 min: the 5 slots of the last 60 minutes go out, 3 per pass;
    // the 427 older ones are reported missed, none published late.
    expect(published.map((p) => p.item_id)).toEqual([
      'tin-427',
      'tin-428',
      'tin-429',
      'tin-430',
      'tin-431',
    ]);
    expect(missed).toHaveLength(427);
    expect(passes.map((p) => p.counts.published)).toEqual([3, 2, 0, 0]);
    expect(passes[0]!.counts.missed).toBe(427);
    expect(missed.every((p) => p.reason?.startsWith('late by'))).toBe(true);
  });
  it('tells the adapter the folder an item came from, so its media files are found', async () => {
    const { root, session, clock, options } = await setup([
      { id: 'anh', channels: ['tep'], publishAt: '2024-03-04T08:00' },
    ]);
    const seen: (string | undefined)[] = [];
    const recording: ChannelAdapter = {
      kind: 'files',
      find: async () => undefined,
      publish: async (request) => {
        seen.push(request.itemDir);
        return { externalId: request.key, publishedAt: toStored(clock.now()) };
      },
    };
    const result = await dispatchPass({
      ...options(new Map([['tep', recording]])),
      contentDir: join(session.project.root, 'content'),
    });
    expect(result.counts.published).toBe(1);
    expect(seen).toEqual([join(root, 'content')]);
  });
});
