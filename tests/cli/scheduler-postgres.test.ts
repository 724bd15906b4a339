import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import { runLoa, spawnLoa } from '../support/loa-process.js';
import { freshSchemaUrl, postgresForTests } from '../support/postgres.js';
import { writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';

const COUNT = 2000;

// NOTE: registered only when PostgreSQL answers; with LOA_REQUIRE_SERVICES=1 a silent
// server throws here, so the file fails instead of skipping.
if (await postgresForTests()) {
  it('four loa run processes on one PostgreSQL deliver 2,000 due publications, each exactly once', async () => {
    const root = await tempDir('pg4-proj');
    const dataDir = await tempDir('pg4-data');
    const url = await freshSchemaUrl('loa_run4');
    const due = DateTime.now().setZone('Asia/Ho_Chi_Minh').minus({ minutes: 5 });
    await writeSchedProject(
      root,
      [
        { id: 'tep-a', maxLatenessMinutes: 600 },
        { id: 'tep-b', maxLatenessMinutes: 600 },
      ],
      Array.from({ length: COUNT }, (_, i) => ({
        id: `tin-${String(i).padStart(4, '0')}`,
        channels: [i % 2 === 0 ? 'tep-a' : 'tep-b'],
        publishAt: due.toFormat("yyyy-MM-dd'T'HH:mm"),
      })),
    );
    const env = { LOA_DATA_DIR: dataDir, LOA_DATABASE_URL: url, LOA_FILES_DELAY_MS: '1' };
    expect((await runLoa(['sync', '--dir', root], env)).code).toBe(0);
    const args = [
      'run',
      '--dir',
      root,
      '--interval',
      '1',
      '--max-per-pass',
      '100',
      '--lease',
      '30',
    ];
    const runners = Array.from({ length: 4 }, () => spawnLoa(args, env));
    const store = await openStore({ databaseUrl: url });
    try {
      const waiting = async () =>
        Number(
          (
            await rawForTests(store)
              .selectFrom('publications')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('status', '=', 'scheduled')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const deadline = Date.now() + 150_000;
      while ((await waiting()) > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
      }
      for (const r of runners) r.child.kill('SIGTERM');
      expect(await Promise.all(runners.map((r) => r.exited))).toEqual([0, 0, 0, 0]);

      const pubs = await rawForTests(store).selectFrom('publications').selectAll().execute();
      expect(pubs.filter((p) => p.status === 'published')).toHaveLength(COUNT);
      const outcomes = await rawForTests(store)
        .selectFrom('publication_attempts')
        .select(['publication_key', 'worker'])
        .where('outcome', 'in', ['published', 'reconciled'])
        .execute();
      expect(outcomes).toHaveLength(COUNT);
      expect(new Set(outcomes.map((o) => o.publication_key)).size).toBe(COUNT);
      // The work was shared: more than one process delivered.
      expect(new Set(outcomes.map((o) => o.worker)).size).toBeGreaterThan(1);
      const files: { key: string; deliveryId: string }[] = [];
      for (const channel of ['tep-a', 'tep-b']) {
        const folder = join(dataDir, 'out', channel);
        for (const f of await readdir(folder)) {
          files.push(JSON.parse(await readFile(join(folder, f), 'utf8')));
        }
      }
      expect(files).toHaveLength(COUNT);
      const byKey = new Map(files.map((f) => [f.key, f.deliveryId]));
      expect(byKey.size).toBe(COUNT);
      expect(pubs.every((p) => byKey.get(p.key) === p.external_id)).toBe(true);
    } finally {
      for (const r of runners) r.child.kill('SIGKILL');
      await store.close();
    }
  }, 240_000);
}
