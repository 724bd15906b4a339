import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { withdrawItem } from '../../src/app/queue.js';
import { queueEntries } from '../../src/app/queue-list.js';
import { openSession, type Session } from '../../src/app/session.js';
import { syncContent } from '../../src/app/sync.js';
import { applyCorrections } from '../../src/audit/corrections.js';
import type { ChannelAdapter } from '../../src/channels/types.js';
import { runStatus } from '../../src/cli/commands/status.js';
import { LoaError } from '../../src/errors/loa-error.js';
import { readEvidence } from '../../src/evidence/log.js';
import { toAuditEntry } from '../../src/evidence/log-audit.js';
import { ManualClock } from '../../src/model/clock.js';
import { dispatchPass } from '../../src/scheduler/dispatch/dispatcher.js';
import { listFollowUps } from '../../src/store/followups.js';
import { findItem } from '../../src/store/items.js';
import { listPublications, pausedChannels } from '../../src/store/publications.js';
import { rawForTests } from '../../src/store/testing.js';
import { captureOutput } from '../support/capture-output.js';
import { filesDispatch } from '../support/files-dispatch.js';
import { type ItemSpec, writeItem, writeSchedProject } from '../support/sched-project.js';
import { storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';

const engines = await storeEngines();
const START = DateTime.fromISO('2024-03-04T08:00', { zone: 'Asia/Ho_Chi_Minh' });
const ITEM: ItemSpec = { id: 'tin', channels: ['tep'], publishAt: '2024-03-04T09:00' };

/** Titles of the deliveries in a channel's folder (or its `withdrawn/` folder), by item. */
async function titles(session: Session, ...folder: string[]): Promise<string[]> {
  const dir = join(session.dataDir, 'out', 'tep', ...folder);
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.json'));
  const files = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
  return files.map((f) => {
    const d = JSON.parse(f) as { itemId: string; title: string };
    return `${d.itemId}:${d.title}`;
  });
}

describe.each(engines)('follow-ups of published items on $name', (engine) => {
  const sessions: Session[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.store.close();
  });

  /** A project with one files channel whose item went out at 09:00. */
  async function published(retry = { maxAttempts: 5, baseDelaySec: 30 }) {
    const root = await tempDir('follow');
    await writeSchedProject(root, [{ id: 'tep', retry }], [ITEM]);
    const env = await engine.env();
    let session = await openSession(root, env);
    sessions.push(session);
    const clock = new ManualClock(START);
    await syncContent(session.store, session.project, session.config, clock.now(), 'editor');
    const options = (adapter?: ChannelAdapter) => filesDispatch(session, clock, adapter);
    clock.set(START.plus({ hours: 1, minutes: 1 }));
    expect((await dispatchPass(options())).counts.published).toBe(1);
    /** Rewrites or removes the item's file, then syncs as `loa run` does. */
    const edit = async (change: Partial<ItemSpec> | 'remove') => {
      if (change === 'remove') await rm(join(root, 'content/tin.md'));
      else await writeItem(root, { ...ITEM, ...change });
      session = await openSession(root, env);
      sessions.push(session);
      return syncContent(session.store, session.project, session.config, clock.now(), 'editor');
    };
    return { root, env, session, clock, options, edit };
  }

  it('sends an edit of a published item to its remote copy and logs a correction', async () => {
    const { session, clock, options, edit } = await published();
    expect((await edit({ title: 'Bản đã sửa' })).followUps).toBe(1);
    clock.advance({ seconds: 30 });
    const pass = await dispatchPass(options());
    expect(pass.counts).toMatchObject({ updated: 1, published: 0 });
    expect(await titles(session)).toEqual(['tin:Bản đã sửa']);
    const [publication] = await listPublications(session.store, { item: 'tin' });
    const item = await findItem(session.store, 'tin');
    expect(publication).toMatchObject({ status: 'published', content_hash: item!.content_hash });
    expect(item!.status).toBe('published');

    const log = await readEvidence(session.store);
    expect(log.map((e) => [e.index, e.kind, e.corrects])).toEqual([
      [0, 'publication', undefined],
      [1, 'correction', 0],
    ]);
    expect(log[1]).toMatchObject({ contentHash: item!.content_hash, key: publication!.key });
    expect(log[1]!.note).toContain('updated to version 2');
    // The audit counts the post once, with what now stands.
    const effective = applyCorrections(log.map(toAuditEntry)).entries;
    expect(effective.map((e) => [e.index, e.kind, e.time])).toEqual([
      [0, 'publication', log[0]!.time],
    ]);

    clock.advance({ seconds: 30 });
    expect((await dispatchPass(options())).counts.updated).toBe(0);
  });

  it('finds the entry to correct by its key for a publication logged before migration 8', async () => {
    const { session, clock, options, edit } = await published();
    // Publications settled before migration 8 have no evidence_index.
    await rawForTests(session.store)
      .updateTable('publications')
      .set({ evidence_index: null })
      .execute();
    await edit({ title: 'Bản sửa sau nâng cấp' });
    clock.advance({ seconds: 30 });
    expect((await dispatchPass(options())).counts.updated).toBe(1);
    const log = await readEvidence(session.store);
    expect(log.map((e) => [e.index, e.kind, e.corrects])).toEqual([
      [0, 'publication', undefined],
      [1, 'correction', 0],
    ]);
  });

  it('takes a withdrawn published item down, and the audit no longer counts it', async () => {
    const { session, clock, options } = await published();
    const ctx = { store: session.store, config: session.config, now: clock.now(), actor: 'editor' };
    await withdrawItem(ctx, 'tin');
    clock.advance({ seconds: 30 });
    expect((await dispatchPass(options())).counts.withdrawn).toBe(1);
    expect(await titles(session)).toEqual([]);
    expect(await titles(session, 'withdrawn')).toEqual(['tin:Tin cải cách hành chính tin']);
    const [publication] = await listPublications(session.store, { item: 'tin' });
    expect(publication!.status).toBe('withdrawn');
    const [queued] = await queueEntries(session.store, session.config);
    expect(queued).toMatchObject({
      status: 'withdrawn',
      channelStates: [{ channel: 'tep', status: 'withdrawn' }],
    });
    const log = await readEvidence(session.store);
    expect(log[1]).toMatchObject({ kind: 'correction', corrects: 0, void: true });
    expect(applyCorrections(log.map(toAuditEntry)).entries).toEqual([]);
  });

  it('withdraws only, when the file is edited and then removed before the dispatcher runs', async () => {
    const { session, clock, options, edit } = await published();
    await edit({ title: 'Bản sửa chưa gửi' });
    await edit('remove');
    clock.advance({ seconds: 30 });
    const pass = await dispatchPass(options());
    expect(pass.counts).toMatchObject({ updated: 0, withdrawn: 1 });
    const followUps = await listFollowUps(session.store);
    expect(followUps.map((f) => [f.action, f.status]).reverse()).toEqual([
      ['update', 'superseded'],
      ['withdraw', 'done'],
    ]);
    expect(await titles(session, 'withdrawn')).toEqual(['tin:Tin cải cách hành chính tin']);
  });

  it('retries a failing update with backoff, then fails it with the last error', async () => {
    const { root, env, session, clock, options, edit } = await published({
      maxAttempts: 2,
      baseDelaySec: 60,
    });
    await edit({ title: 'Bản sửa' });
    const files = options().adapters.get('tep')!;
    const failing: ChannelAdapter = {
      ...files,
      update: async () => {
        throw new LoaError('FILES_WRITE_FAILED', {
          params: { path: 'x', reason: 'disk busy' },
          failure: 'transient',
        });
      },
    };
    clock.advance({ seconds: 30 });
    expect((await dispatchPass(options(failing))).counts.retry).toBe(1);
    const [waiting] = await listFollowUps(session.store, ['pending']);
    // 60 s × 2⁰, with jitter 0.5 → 45 s after the attempt.
    expect(waiting).toMatchObject({ attempts: 1 });
    expect(DateTime.fromISO(waiting!.due_at).diff(clock.now()).as('seconds')).toBe(45);
    clock.advance({ seconds: 10 });
    expect((await dispatchPass(options(failing))).counts.retry).toBe(0);
    clock.advance({ seconds: 40 });
    expect((await dispatchPass(options(failing))).counts.failed).toBe(1);
    const [failed] = await listFollowUps(session.store, ['failed']);
    expect(failed!.last_error).toContain('disk busy');
    expect(await titles(session)).toEqual(['tin:Tin cải cách hành chính tin']);
    // Nothing was corrected: the log still says what went out.
    expect((await readEvidence(session.store)).map((e) => e.kind)).toEqual(['publication']);
    // loa status names the update that failed, with its error.
    const saved = { ...process.env };
    Object.assign(process.env, env, { LOA_LANG: 'vi' });
    try {
      const out = captureOutput();
      expect(await runStatus({ dir: root }, out, clock)).toBe(0);
      // The error is kept as it was written when the update failed.
      expect(out.stdout).toContainEqual(
        expect.stringMatching(
          /^ {2}lỗi cập nhật bài đã đăng: tin: FILES_WRITE_FAILED: .*disk busy — sửa lỗi rồi rút\/duyệt lại tin$/,
        ),
      );
    } finally {
      process.env = saved;
    }
  });

  it('pauses the channel on an authentication failure, and marks what an adapter cannot do', async () => {
    const { session, clock, options, edit } = await published();
    await edit({ title: 'Bản sửa' });
    const files = options().adapters.get('tep')!;
    const refused: ChannelAdapter = {
      ...files,
      update: async () => {
        throw new LoaError('FILES_WRITE_FAILED', {
          params: { path: 'x', reason: '401' },
          failure: 'auth',
        });
      },
    };
    clock.advance({ seconds: 30 });
    expect((await dispatchPass(options(refused))).counts.paused).toBe(1);
    expect([...(await pausedChannels(session.store)).keys()]).toEqual(['tep']);
    await rawForTests(session.store).deleteFrom('channel_states').execute();
    const { update: _none, ...cannot } = files;
    expect((await dispatchPass(options(cannot))).counts.cancelled).toBe(1);
    expect((await listFollowUps(session.store)).map((f) => f.status)).toEqual(['unsupported']);
  });
});
