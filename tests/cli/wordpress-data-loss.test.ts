import { afterAll, describe, expect, it } from 'vitest';
import { runQueueTransition } from '../../src/cli/commands/queue.js';
import { runRun } from '../../src/cli/commands/run.js';
import { main } from '../../src/cli/main.js';
import { ManualClock } from '../../src/model/clock.js';
import { openStore } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import { loaPosts, PASSWORD_ENV, USER_ENV, wpEnv } from '../channels/wordpress/wp-fixtures.js';
import { captureOutput } from '../support/capture-output.js';
import { type ItemSpec, writeItem, writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';
import { wordpressForTests } from '../support/wordpress.js';

const wp = await wordpressForTests();
const saved = { ...process.env };
afterAll(async () => {
  for (const name of ['LOA_DATA_DIR', 'LOA_LANG', USER_ENV, PASSWORD_ENV]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await wp?.stop();
});

type Line = Record<string, unknown>;

/** One `loa run --once` at a given instant (Hà Nội is UTC+7); its JSON log lines. */
async function runOnce(root: string, at: string): Promise<Line[]> {
  const output = captureOutput();
  const code = await runRun({ dir: root, once: true }, output, new ManualClock(at));
  expect(code, output.all()).toBe(0);
  return output.stdout.map((l) => JSON.parse(l) as Line);
}

const events = (lines: Line[], event: string) =>
  lines.filter((l) => l.event === event).map((l) => l.item);

async function itemStatus(dataDir: string, id: string) {
  const store = await openStore({ dataDir });
  try {
    const row = await rawForTests(store)
      .selectFrom('items')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.status;
  } finally {
    await store.close();
  }
}

describe.runIf(wp)('a lost data directory against the same WordPress', () => {
  it('adopts what the portal has, keeps withdrawn items withdrawn and posts nothing twice', async () => {
    if (!wp) return;
    const root = await tempDir('wp-loss');
    const first = await tempDir('wp-loss-data');
    Object.assign(process.env, wpEnv(wp), { LOA_DATA_DIR: first, LOA_LANG: 'vi' });
    const portal = {
      id: 'cong-ttdt',
      wordpress: { url: wp.url, userEnv: USER_ENV, passwordEnv: PASSWORD_ENV },
      // Two hours (the default): a run days later, on a new data directory, still asks the
      // portal before it reports a miss, because this store planned the post after its window.
      maxLatenessMinutes: 120,
      schedule: ['mon: ["09:00"]', 'tue: ["09:00"]', 'wed: ["09:00"]', 'thu: ["09:00"]'],
    };
    const items: ItemSpec[] = [
      { id: 'mot-cua', channels: ['cong-ttdt'], publishAt: '2024-03-04T09:00' },
      { id: 'rut', channels: ['cong-ttdt'], publishAt: '2024-03-04T09:00' },
      // The next free posting slot: Tuesday 09:00 in the first life, Thursday in the second.
      { id: 'ke-tiep', channels: ['cong-ttdt'], title: 'Dịch vụ công trực tuyến toàn trình' },
    ];
    await writeSchedProject(root, [portal], items);

    // First life: two posts on Monday, the next-slot item on Tuesday; `rut` is withdrawn.
    expect(events(await runOnce(root, '2024-03-04T02:05:00Z'), 'published').sort()).toEqual([
      'mot-cua',
      'rut',
    ]);
    const withdraw = runQueueTransition(
      'withdraw',
      'rut',
      { dir: root, as: 'Lan' },
      captureOutput(),
      new ManualClock('2024-03-04T10:00:00Z'),
    );
    expect(await withdraw).toBe(0);
    const tuesday = await runOnce(root, '2024-03-05T02:05:00Z');
    expect(events(tuesday, 'published')).toEqual(['ke-tiep']);
    expect(events(tuesday, 'withdrawn'), JSON.stringify(tuesday)).toEqual(['rut']);
    const before = await loaPosts(wp);
    expect(before).toHaveLength(3);
    expect(before.filter((p) => p.status === 'trash')).toHaveLength(1);

    // Second life: an empty data directory, the same content/ and the same portal.
    const second = await tempDir('wp-loss-data-2');
    process.env.LOA_DATA_DIR = second;
    const wednesday = await runOnce(root, '2024-03-06T02:05:00Z');
    expect(events(wednesday, 'published')).toEqual([]);
    expect(events(wednesday, 'reconciled')).toEqual(['mot-cua']);
    expect(events(wednesday, 'missed')).toEqual([]);
    expect(events(wednesday, 'withdrawn')).toEqual(['rut']);
    const thursday = await runOnce(root, '2024-03-07T02:05:00Z');
    expect(events(thursday, 'published')).toEqual([]);
    expect(events(thursday, 'reconciled')).toEqual(['ke-tiep']);
    // Nothing new on the portal, nothing taken out of the trash.
    expect(await loaPosts(wp)).toEqual(before);
    expect(await itemStatus(second, 'rut')).toBe('withdrawn');
    expect(await itemStatus(second, 'mot-cua')).toBe('published');

    // A later run and sync leave the withdrawn item withdrawn; editing it asks for approval.
    await runOnce(root, '2024-03-07T03:05:00Z');
    expect(await itemStatus(second, 'rut')).toBe('withdrawn');
    await writeItem(root, { ...items[1]!, title: 'Tin đã rút, nay sửa lại' } as ItemSpec);
    const sync = captureOutput();
    expect(await main(['sync', '--dir', root], sync)).toBe(0);
    expect(sync.stderr.join('\n')).toContain('Bài rut đã bị rút; bản sửa mới chờ duyệt lại');
    expect(await itemStatus(second, 'rut')).toBe('draft');
    expect(await loaPosts(wp)).toEqual(before);
  });
});
