import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulletinDir } from '../../src/channels/bulletin/files.js';
import { runBulletinBuild, runBulletinList } from '../../src/cli/commands/bulletin.js';
import { runStatus } from '../../src/cli/commands/status.js';
import { runSync } from '../../src/cli/commands/sync.js';
import { ManualClock } from '../../src/model/clock.js';
import { openStore } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';
import { PORTAL_ENV, writeBulletinProject } from './bulletin-project.js';

const at = (iso: string) => new ManualClock(iso);

describe('loa bulletin and the bulletin in loa status', () => {
  let root: string;
  let dataDir: string;
  const saved = { ...process.env };
  beforeEach(async () => {
    root = await tempDir('btcli-proj');
    dataDir = await tempDir('btcli-data');
    process.env.LOA_DATA_DIR = dataDir;
    process.env.LOA_LANG = 'en';
    delete process.env.LOA_DATABASE_URL;
    delete process.env[PORTAL_ENV.user];
    delete process.env[PORTAL_ENV.password];
    // Items for Số 9 only: Số 10 (14 March) has nothing approved for it.
    await writeBulletinProject(root, [
      { id: 'mot', publishAt: '2024-03-03T09:00' },
      { id: 'hai', publishAt: '2024-03-05T09:00' },
      { id: 'sau', publishAt: '2024-03-16T09:00' },
    ]);
    expect(await runSync({ dir: root }, captureOutput(), at('2024-03-01T00:00:00+07:00'))).toBe(0);
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('lists no issue days for a bulletin whose only plan has ended', async () => {
    const during = captureOutput();
    expect(await runStatus({ dir: root }, during, at('2030-12-20T09:00:00+07:00'))).toBe(0);
    expect(during.stdout.some((l) => l.includes('Số 48/2030'))).toBe(true);
    const after = captureOutput();
    expect(await runStatus({ dir: root }, after, at('2031-01-05T09:00:00+07:00'))).toBe(0);
    expect(after.stdout.filter((l) => /Số \d+\/20(30|31)/.test(l))).toEqual([]);
  });

  it('warns about an empty issue before its day and reports it missed after', async () => {
    const before = captureOutput();
    expect(await runStatus({ dir: root }, before, at('2024-03-13T09:00:00+07:00'))).toBe(0);
    expect(before.stdout).toContain(
      '  Số 10/2024  14/03/2024 08:00  0 items  warning: no item yet',
    );
    expect(before.stdout).toContain('  Số 11/2024  21/03/2024 08:00  1 item  upcoming');

    const after = captureOutput();
    expect(await runStatus({ dir: root }, after, at('2024-03-14T10:00:00+07:00'))).toBe(0);
    expect(after.stdout).toContain('  Số 10/2024  14/03/2024 08:00  0 items  missed: no item');

    const list = captureOutput();
    expect(
      await runBulletinList(
        'ban-tin',
        { dir: root, json: true },
        list,
        at('2024-03-14T10:00:00+07:00'),
      ),
    ).toBe(0);
    const rows = JSON.parse(list.stdout.join('\n')).issues as { number: number; state: string }[];
    expect(rows.find((r) => r.number === 10)?.state).toBe('missed-empty');
    expect(rows.find((r) => r.number === 9)?.state).toBe('missed');
  });

  it('says the WordPress portal is not configured, naming the variables and never their values', async () => {
    process.env[PORTAL_ENV.user] = 'bien-tap';
    const out = captureOutput();
    expect(await runStatus({ dir: root }, out, at('2024-03-13T09:00:00+07:00'))).toBe(0);
    const line = out.stdout.find((l) => l.startsWith('Channel cong '));
    expect(line).toContain(
      `not configured: environment variable(s) ${PORTAL_ENV.password} not set`,
    );
    expect(out.all()).not.toContain('bien-tap');
  });

  it('builds an issue now, once: a second build writes nothing and the issue is recorded published', async () => {
    const clock = at('2024-03-07T09:00:00+07:00');
    const first = captureOutput();
    expect(
      await runBulletinBuild('ban-tin', { dir: root, issue: '9', year: '2024' }, first, clock),
    ).toBe(0);
    expect(first.stdout).toEqual([
      'Issued Số 9/2024 of bulletin ban-tin: http://127.0.0.1:8082/ban-tin/9-2024.html',
    ]);
    const page = join(bulletinDir(dataDir, 'ban-tin'), '9-2024.html');
    const written = await stat(page);
    const html = await readFile(page, 'utf8');
    expect(html).toContain('bài mot');
    expect(html).toContain('bài hai');

    clock.advance({ hours: 2 });
    expect(
      await runBulletinBuild(
        'ban-tin',
        { dir: root, issue: '9', year: '2024' },
        captureOutput(),
        clock,
      ),
    ).toBe(0);
    expect((await stat(page)).mtimeMs).toBe(written.mtimeMs);

    const store = await openStore({ dataDir });
    try {
      const pubs = await rawForTests(store)
        .selectFrom('publications')
        .selectAll()
        .where('channel_id', 'in', ['ban-tin', 'cong'])
        .execute();
      const issue = pubs.find((p) => p.key === 'bulletin:ban-tin:2024-9');
      expect(issue?.status).toBe('published');
      // The portal copy is queued once, due when the issue went out.
      expect(pubs.filter((p) => p.channel_id === 'cong').map((p) => [p.item_id, p.status])).toEqual(
        [['bulletin:ban-tin:2024-9:portal', 'scheduled']],
      );
      const attempts = await rawForTests(store)
        .selectFrom('publication_attempts')
        .selectAll()
        .where('publication_key', '=', 'bulletin:ban-tin:2024-9')
        .execute();
      expect(attempts).toHaveLength(1);
    } finally {
      await store.close();
    }

    const list = captureOutput();
    await runBulletinList('ban-tin', { dir: root }, list, clock);
    expect(list.stdout).toContain('  Số 9/2024  07/03/2024 08:00  2 items  issued');

    // An issue with nothing for it is refused, not written empty.
    const empty = captureOutput();
    const code = await runBulletinBuild(
      'ban-tin',
      { dir: root, issue: '10', year: '2024' },
      empty,
      clock,
    ).catch((error: { code?: string }) => error.code);
    expect(code).toBe('BULLETIN_ISSUE_EMPTY');
    await expect(stat(join(bulletinDir(dataDir, 'ban-tin'), '10-2024.html'))).rejects.toThrow();
  });

  it('refuses a channel that is not a bulletin, naming the bulletins', async () => {
    const error = await runBulletinList('cong', { dir: root }, captureOutput()).catch((e) => e);
    expect(error.code).toBe('CHANNEL_KIND_EXPECTED');
    expect(error.localized()).toContain('wordpress');
  });
});
