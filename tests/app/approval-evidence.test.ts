import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { approveItem, type QueueContext, submitItem } from '../../src/app/queue.js';
import { openSession, type Session } from '../../src/app/session.js';
import { syncContent } from '../../src/app/sync.js';
import { runEvidenceList } from '../../src/cli/commands/evidence.js';
import { LoaError } from '../../src/errors/loa-error.js';
import { readEvidence } from '../../src/evidence/log.js';
import { ManualClock } from '../../src/model/clock.js';
import { dispatchPass } from '../../src/scheduler/dispatch/dispatcher.js';
import { findItem } from '../../src/store/items.js';
import { captureOutput } from '../support/capture-output.js';
import { filesDispatch } from '../support/files-dispatch.js';
import { writeSchedProject } from '../support/sched-project.js';
import { storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';

const engines = await storeEngines();
const START = DateTime.fromISO('2024-03-04T08:00', { zone: 'Asia/Ho_Chi_Minh' });

describe.each(engines)(
  'draft → submitted → approved by another → published, on $name',
  (engine) => {
    const sessions: Session[] = [];
    afterAll(async () => {
      for (const s of sessions) await s.store.close();
    });

    it('keeps a submitted item off the channel, refuses its author, and logs who approved which version', async () => {
      const root = await tempDir('approval');
      await writeSchedProject(
        root,
        [{ id: 'tep', fourEyes: true }],
        [{ id: 'tin', channels: ['tep'], publishAt: '2024-03-04T09:00', status: 'draft' }],
      );
      const env = await engine.env();
      const session = await openSession(root, env);
      sessions.push(session);
      const clock = new ManualClock(START);
      await syncContent(session.store, session.project, session.config, clock.now(), 'bt');
      const as = (actor: string): QueueContext => ({
        store: session.store,
        config: session.config,
        now: clock.now(),
        actor,
      });
      const options = filesDispatch(session, clock);

      // Submitted is not approved: its slot comes and nothing goes out.
      const submitted = await submitItem(as('bt'), 'tin');
      expect([submitted.from, submitted.row.status]).toEqual(['draft', 'submitted']);
      clock.set(START.plus({ minutes: 30 }));
      expect((await dispatchPass(options)).counts.published).toBe(0);

      // Its author may not approve it on a four-eyes channel.
      const own = await approveItem(as('bt'), 'tin').catch((e: unknown) => e);
      expect(own).toBeInstanceOf(LoaError);
      expect((own as LoaError).code).toBe('ITEM_FOUR_EYES');
      expect((await findItem(session.store, 'tin'))?.status).toBe('submitted');

      const row = await findItem(session.store, 'tin');
      const hash = row?.content_hash ?? '';
      const approved = await approveItem(as('bt2'), 'tin', { contentHash: hash });
      expect(approved.row.status).toBe('scheduled');
      clock.set(START.plus({ hours: 1, minutes: 1 }));
      expect((await dispatchPass(options)).counts.published).toBe(1);

      // The entry's canonical bytes say who approved which version.
      const [entry] = await readEvidence(session.store);
      expect(entry).toMatchObject({
        kind: 'publication',
        item: 'tin',
        contentHash: hash,
        approvedBy: 'bt2',
        approvedVersion: 1,
        approvedHash: hash,
        actor: 'dispatcher',
      });

      const saved = { ...process.env };
      Object.assign(process.env, env, { LOA_LANG: 'vi' });
      try {
        const output = captureOutput();
        expect(await runEvidenceList({ dir: root }, output)).toBe(0);
        expect(output.stdout.join('\n')).toContain(
          `(duyệt: bt2, phiên bản 1, ${hash.slice(0, 12)})`,
        );
      } finally {
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
      }
    });
  },
);
