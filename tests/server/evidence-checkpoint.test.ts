import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCheckpoint } from '../../src/evidence/checkpoint.js';
import { appendEvidence, evidenceSize } from '../../src/evidence/log.js';
import { evidenceKey, listCheckpoints } from '../../src/evidence/store-checkpoint.js';
import { storeEngines } from '../support/store-engines.js';
import { eventStation } from './pages-support.js';
import { bearer, type StationServer } from './station-server.js';

const engines = await storeEngines();

describe.each(engines)('GET /api/evidence/checkpoint on $name', (engine) => {
  let s: StationServer;
  beforeAll(async () => {
    s = await eventStation(engine);
  });
  afterAll(async () => {
    await s?.session.store.close();
  });

  it('is signed over every entry of the log, even one appended after the latest stored', async () => {
    const { store, dataDir, env } = s.session;
    const posted = await s.app.request('/api/evidence/checkpoint', {
      method: 'POST',
      headers: bearer(s.tokens.editor),
    });
    expect(posted.status).toBe(201);
    await store.transaction((tx) =>
      appendEvidence(tx, {
        kind: 'manual',
        plan: 'su-kien',
        task: 'tap-huan',
        time: '2024-03-05T03:00:00Z',
        actor: 'can-bo',
      }),
    );
    const stored = (await listCheckpoints(store)).length;
    const res = await s.app.request('/api/evidence/checkpoint', {
      headers: bearer(s.tokens.auditor),
    });
    expect(res.status).toBe(200);
    const head = (await res.json()) as { size: number; note: string; rootHashHex: string };
    const size = await evidenceSize(store);
    expect(head.size).toBe(size);
    const key = await evidenceKey(dataDir, env);
    const opened = verifyCheckpoint(head.note, key.verifier);
    expect(opened.size).toBe(size);
    expect(Buffer.from(opened.rootHash).toString('hex')).toBe(head.rootHashHex);
    // An auditor's GET writes nothing.
    expect(await listCheckpoints(store)).toHaveLength(stored);
  });
});
