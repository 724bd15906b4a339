import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import { captureOutput } from '../support/capture-output.js';
import { runLoa } from '../support/loa-process.js';
import { tempDir } from '../support/temp-dir.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/sched-project');

async function loa(args: string[]) {
  const out = captureOutput();
  const code = await main(args, out);
  return { code, out };
}

async function counts(dataDir: string) {
  const store = await openStore({ dataDir });
  try {
    const items = await rawForTests(store).selectFrom('item_events').selectAll().execute();
    const pubs = await rawForTests(store).selectFrom('publications').selectAll().execute();
    return {
      events: items.length,
      pubs: pubs
        .map((p) => `${p.key}:${p.status}`)
        .sort()
        .join('|'),
    };
  } finally {
    await store.close();
  }
}

describe('scheduling commands', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await tempDir('cmd-data');
    process.env.LOA_DATA_DIR = dataDir;
    process.env.LOA_LANG = 'en';
  });

  it('simulate fills every posting slot of March 2024 in order, in the plan zone', async () => {
    const { code, out } = await loa([
      'simulate',
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-31',
      '--dir',
      FIXTURE,
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out.stdout.join('\n'));
    const portal = result.events.filter(
      (e: { channel: string; item: string }) => e.channel === 'cong-tinh' && e.item !== 'hoi-nghi',
    );
    // Mon and Wed 08:00, Fri 15:30 (Asia/Ho_Chi_Minh): the 13 slots of March 2024.
    expect(portal.map((e: { slot: string }) => e.slot)).toEqual([
      '2024-03-01 15:30 +07:00',
      '2024-03-04 08:00 +07:00',
      '2024-03-06 08:00 +07:00',
      '2024-03-08 15:30 +07:00',
      '2024-03-11 08:00 +07:00',
      '2024-03-13 08:00 +07:00',
      '2024-03-15 15:30 +07:00',
      '2024-03-18 08:00 +07:00',
      '2024-03-20 08:00 +07:00',
      '2024-03-22 15:30 +07:00',
      '2024-03-25 08:00 +07:00',
      '2024-03-27 08:00 +07:00',
      '2024-03-29 15:30 +07:00',
    ]);
    expect(
      portal.every(
        (e: { outcome: string; local: string; slot: string }) =>
          e.outcome === 'published' && e.local === e.slot,
      ),
    ).toBe(true);
    expect(new Set(portal.map((e: { item: string }) => e.item)).size).toBe(13);
    expect(result.summary).toMatchObject({ published: 15, missed: 0, failed: 0, waiting: 0 });
    // The simulation wrote to the data directory: status sees its result.
    const status = await loa(['status', '--dir', FIXTURE, '--json']);
    const portalStatus = JSON.parse(status.out.stdout.join('\n')).find(
      (s: { channel: string }) => s.channel === 'cong-tinh',
    );
    expect(portalStatus.counts).toMatchObject({ published: 14, scheduled: 1 });
  });

  it('approves, withdraws and reschedules with the actor recorded; refuses bad input without writing', async () => {
    expect((await loa(['sync', '--dir', FIXTURE])).code).toBe(0);
    const approve = await loa(['queue', 'approve', 'nhap', '--dir', FIXTURE, '--as', 'Trần Thị B']);
    expect(approve.out.stdout.join('')).toContain('draft → scheduled');
    const store = await openStore({ dataDir });
    const events = await rawForTests(store)
      .selectFrom('item_events')
      .selectAll()
      .where('item_id', '=', 'nhap')
      .execute();
    await store.close();
    expect(events.at(-1)?.actor).toBe('Trần Thị B');

    const before = await counts(dataDir);
    const bad: [string[], string][] = [
      [['queue', 'approve', 'khong-co'], 'ITEM_NOT_FOUND'],
      [['queue', 'reschedule', 'tin-01', '2020-01-01T08:00'], 'WHEN_IN_PAST'],
      [['queue', 'reschedule', 'tin-01', '31/12/2030 8h'], 'WHEN_INVALID'],
      [['queue', 'withdraw', 'hoi-nghi'], ''],
      [['queue', 'approve', 'hoi-nghi'], 'ITEM_TRANSITION'],
      [['simulate', '--from', '2024-02-30', '--to', '2024-03-31'], 'WHEN_INVALID'],
      [['queue', 'list', '--status', 'sent'], 'OPTION_INVALID'],
    ];
    for (const [args, code] of bad) {
      const r = await loa([...args, '--dir', FIXTURE]);
      if (code === '') continue;
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.out.stderr.join('\n')).toContain(`[${code}]`);
    }
    const after = await counts(dataDir);
    // Only the one valid withdrawal changed anything: one event, its publications cancelled.
    expect(after.events).toBe(before.events + 1);
    expect(after.pubs.split('|').filter((p) => p.includes('hoi-nghi'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/:cancelled$/)]),
    );
    const good = await loa(['queue', 'reschedule', 'tin-01', '2030-06-02T09:15', '--dir', FIXTURE]);
    expect(good.code).toBe(0);
    const list = JSON.parse(
      (await loa(['queue', 'list', '--dir', FIXTURE, '--json'])).out.stdout.join('\n'),
    );
    expect(list.find((i: { id: string }) => i.id === 'tin-01').next.local).toBe(
      '2030-06-02 09:15 +07:00',
    );
  });

  it('fails clearly on a locked SQLite database and an unreachable PostgreSQL', async () => {
    expect((await loa(['sync', '--dir', FIXTURE])).code).toBe(0);
    const holder = new BetterSqlite3(join(dataDir, 'loa.db'));
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const locked = await runLoa(['queue', 'withdraw', 'tin-02', '--dir', FIXTURE], {
        LOA_DATA_DIR: dataDir,
        LOA_BUSY_TIMEOUT_MS: '200',
      });
      expect(locked.code).not.toBe(0);
      expect(locked.stderr).toContain('[STORE_LOCKED]');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const store = await openStore({ dataDir });
    const row = await rawForTests(store)
      .selectFrom('items')
      .selectAll()
      .where('id', '=', 'tin-02')
      .executeTakeFirstOrThrow();
    await store.close();
    expect(row.status).toBe('scheduled');
    const down = await runLoa(['status', '--dir', FIXTURE], {
      LOA_DATABASE_URL: 'postgres://loa:hunter2@127.0.0.1:1/loa',
    });
    expect(down.code).not.toBe(0);
    expect(down.stderr).toContain('[STORE_UNREACHABLE]');
    expect(down.stderr).not.toContain('hunter2');
  });
});
