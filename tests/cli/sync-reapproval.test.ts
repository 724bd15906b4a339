import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import { captureOutput } from '../support/capture-output.js';
import { writeItem, writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';

const saved = { data: process.env.LOA_DATA_DIR, lang: process.env.LOA_LANG };

async function loa(args: string[]) {
  const out = captureOutput();
  const code = await main(args, out);
  return { code, stdout: out.stdout.join('\n'), stderr: out.stderr.join('\n') };
}

describe('an item withdrawn by a person whose file is then edited', () => {
  afterEach(() => {
    process.env.LOA_DATA_DIR = saved.data;
    process.env.LOA_LANG = saved.lang;
  });

  it('waits as a draft for a new approval, and sync says so', async () => {
    const root = await tempDir('reapprove');
    const dataDir = await tempDir('reapprove-data');
    process.env.LOA_DATA_DIR = dataDir;
    process.env.LOA_LANG = 'vi';
    const item = { id: 'tin', channels: ['tep'], publishAt: '2030-03-04T09:00' };
    await writeSchedProject(root, [{ id: 'tep' }], [item]);
    expect((await loa(['sync', '--dir', root])).code).toBe(0);
    const withdraw = await loa(['queue', 'withdraw', 'tin', '--dir', root, '--as', 'Lan']);
    expect(withdraw.code, withdraw.stderr).toBe(0);
    await writeItem(root, { ...item, title: 'Tin đã sửa sau khi rút' });
    const sync = await loa(['sync', '--dir', root]);
    expect(sync.code).toBe(0);
    expect(sync.stderr).toContain(
      'Bài tin đã bị rút; bản sửa mới chờ duyệt lại, chưa được đăng: loa queue approve tin',
    );
    const store = await openStore({ dataDir });
    try {
      const row = await rawForTests(store)
        .selectFrom('items')
        .select(['status', 'version'])
        .where('id', '=', 'tin')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'draft', version: 2 });
      const pubs = await rawForTests(store)
        .selectFrom('publications')
        .select('status')
        .where('item_id', '=', 'tin')
        .where('status', '=', 'scheduled')
        .execute();
      expect(pubs).toEqual([]);
    } finally {
      await store.close();
    }
    // A second sync of the same file asks nothing more: the draft is the item's state now.
    const again = await loa(['sync', '--dir', root]);
    expect(again.stderr).not.toContain('duyệt lại');
  });
});
