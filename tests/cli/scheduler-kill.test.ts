import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import { spawnLoa } from '../support/loa-process.js';
import { writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';

const COUNT = 200;
const KILLS = 12;

it('delivers every one of 200 due publications exactly once across 12 SIGKILLs and restarts', async () => {
  const root = await tempDir('kill-proj');
  const dataDir = await tempDir('kill-data');
  const due = DateTime.now().setZone('Asia/Ho_Chi_Minh').minus({ minutes: 10 });
  await writeSchedProject(
    root,
    [{ id: 'tep', maxLatenessMinutes: 600 }],
    Array.from({ length: COUNT }, (_, i) => ({
      id: `tin-${String(i).padStart(3, '0')}`,
      channels: ['tep'],
      publishAt: due.toFormat("yyyy-MM-dd'T'HH:mm"),
    })),
  );
  // Each publish takes 40 ms, so that the kills land while publications are in flight.
  const env = { LOA_DATA_DIR: dataDir, LOA_FILES_DELAY_MS: '40' };
  const args = [
    ...['run', '--dir', root, '--interval', '1', '--max-per-pass', '50', '--lease', '3'],
    ...['--port', '0'],
  ];
  let killedMidFlight = 0;
  for (let i = 0; i < KILLS; i++) {
    const run = spawnLoa(args, env);
    const started = await run.waitFor(
      (l) => l.event === 'published' || l.event === 'reconciled',
      20_000,
    );
    // Killed while publishing: 0–400 ms after its first delivery, each taking 40 ms.
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 400)));
    if (started) killedMidFlight += 1;
    run.child.kill('SIGKILL');
    expect(await run.exited).toBe('SIGKILL');
  }
  expect(killedMidFlight).toBeGreaterThan(KILLS / 2);
  // One daemon finishes the work and is stopped once all are published: it takes over the
  // publications the last killed process leased once their 3 s leases run out (no waiting
  // for them here), and retries a publish that a loaded machine timed out after its backoff.
  const finisher = spawnLoa([...args.slice(0, 5), '--max-per-pass', '500', '--port', '0'], {
    LOA_DATA_DIR: dataDir,
  });
  const watcher = await openStore({ dataDir });
  try {
    const published = async () =>
      (
        await rawForTests(watcher)
          .selectFrom('publications')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .where('status', '=', 'published')
          .executeTakeFirstOrThrow()
      ).n;
    const deadline = Date.now() + 90_000;
    while (Number(await published()) < COUNT && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await watcher.close();
  }
  finisher.child.kill('SIGTERM');
  expect(await finisher.exited, finisher.stderr.join('')).toBe(0);

  const folder = join(dataDir, 'out/tep');
  const files = (await readdir(folder)).filter((f) => f.endsWith('.json'));
  expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  const deliveries = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join(folder, f), 'utf8'))),
  );
  const keys = deliveries.map((d) => d.key as string);
  expect(new Set(keys).size).toBe(COUNT);
  expect(keys).toHaveLength(COUNT);

  const store = await openStore({ dataDir });
  try {
    const pubs = await rawForTests(store).selectFrom('publications').selectAll().execute();
    expect(pubs).toHaveLength(COUNT);
    expect(pubs.filter((p) => p.status === 'published')).toHaveLength(COUNT);
    const byKey = new Map(deliveries.map((d) => [d.key as string, d.deliveryId as string]));
    expect(pubs.every((p) => byKey.get(p.key) === p.external_id)).toBe(true);
    const outcomes = await rawForTests(store)
      .selectFrom('publication_attempts')
      .select(['publication_key', 'outcome'])
      .where('outcome', 'in', ['published', 'reconciled'])
      .execute();
    expect(outcomes).toHaveLength(COUNT);
    expect(new Set(outcomes.map((o) => o.publication_key)).size).toBe(COUNT);
  } finally {
    await store.close();
  }
}, 240_000);
