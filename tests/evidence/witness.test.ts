import { createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { listCosignatures } from '../../src/evidence/cosignatures.js';
import { appendEvidence, evidenceBytes } from '../../src/evidence/log.js';
import { verifyLog } from '../../src/evidence/log-verify.js';
import { CompactRange } from '../../src/evidence/merkle.js';
import { SIGNING_KEY_FILE } from '../../src/evidence/signing-key.js';
import { evidenceKey } from '../../src/evidence/store-checkpoint.js';
import { rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { witnessKey } from '../../src/witness/key.js';
import { type StationServer, stationServer } from '../server/station-server.js';
import { captureOutput } from '../support/capture-output.js';
import { storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A witness (the Sở Nội vụ, its own data folder) watches two units, each a real loa server on
 * loopback. Between two polls one unit rewrites its log consistently (bytes, leaf hashes and
 * head): the witness names that unit as forked and not the other; the other unit then shrinks
 * and is named; a re-keyed unit is named. The units keep the cosignatures handed back, and
 * `evidence verify` says which witness saw which size, and names the rewrite against it.
 */
const [sqlite] = await storeEngines();
const ORIGIN = 'sonoivu.example.gov.vn/chung-kien';

interface Unit {
  s: StationServer;
  url: string;
  close(): void;
}

/** The witness's verifier key, which the units accept cosignatures from. */
let witnessKeys = '';

async function unit(): Promise<Unit> {
  const s = await stationServer(sqlite!);
  // Each unit reads its own settings (its origin, the witness keys it accepts), not the
  // witness's, though both run in this process.
  (s.session as { env: NodeJS.ProcessEnv }).env = {
    ...process.env,
    LOA_WITNESS_KEYS: witnessKeys,
  };
  const server = serve({ fetch: s.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { s, url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

async function append(store: Store, count: number) {
  await store.transaction(async (tx) => {
    for (let i = 0; i < count; i += 1) {
      await appendEvidence(tx, {
        kind: 'publication',
        channel: 'cong',
        time: `2024-03-${String(10 + i).padStart(2, '0')}T02:00:00Z`,
        actor: 'dispatcher',
      });
    }
  });
}

/** Rewrites entry 1 and everything after it, consistently: bytes, leaf hashes and head. */
async function rewrite(store: Store) {
  await sql`drop trigger evidence_entries_no_update`.execute(rawForTests(store));
  const rows = await rawForTests(store)
    .selectFrom('evidence_entries')
    .select(['idx', 'entry'])
    .orderBy('idx')
    .execute();
  const range = new CompactRange();
  for (const row of rows) {
    const entry = JSON.parse(row.entry);
    if (entry.index === 1) entry.url = 'https://example.gov.vn/da-sua';
    const text = evidenceBytes(entry, Number(row.idx));
    const leaf = Buffer.from(range.appendEntry(Buffer.from(text, 'utf8'))).toString('hex');
    await rawForTests(store)
      .updateTable('evidence_entries')
      .set({ entry: text, leaf_hash: leaf })
      .where('idx', '=', row.idx)
      .execute();
  }
  const hashes = range.hashes.map((h) => Buffer.from(h).toString('hex')).join('');
  await rawForTests(store).updateTable('evidence_head').set({ size: range.size, hashes }).execute();
}

describe('witnessing two units across a rewrite of one', () => {
  const saved = { ...process.env };
  let a: Unit;
  let b: Unit;
  let witnessDir: string;
  beforeAll(async () => {
    witnessDir = await tempDir('witness');
    witnessKeys = (await witnessKey(witnessDir, { LOA_EVIDENCE_ORIGIN: ORIGIN })).verifierKey;
    a = await unit();
    b = await unit();
  });
  afterAll(async () => {
    a?.close();
    b?.close();
    await a?.s.session.store.close();
    await b?.s.session.store.close();
    process.env = saved;
  });

  /** Runs the witness's CLI in its own data folder (the units keep theirs). */
  async function witness(args: string[]) {
    const env = { ...process.env };
    process.env.LOA_DATA_DIR = witnessDir;
    process.env.LOA_LANG = 'en';
    process.env.LOA_EVIDENCE_ORIGIN = ORIGIN;
    delete process.env.LOA_DATABASE_URL;
    try {
      const out = captureOutput();
      const code = await main(['witness', ...args], out);
      return { code, out: out.stdout.join('\n'), err: out.stderr.join('\n') };
    } finally {
      process.env = env;
    }
  }

  const keyOf = async (u: Unit) => (await evidenceKey(u.s.session.dataDir, {})).verifierKey;

  it('cosigns both, names the rewritten one only, and the units keep what the witness saw', async () => {
    await append(a.s.session.store, 3);
    await append(b.s.session.store, 4);
    const bad = await witness(['add', 'Dai Tinh', a.url, await keyOf(a)]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Watched unit: invalid name "Dai Tinh"');
    expect((await witness(['add', 'so-a', a.url, await keyOf(a)])).code).toBe(0);
    expect((await witness(['add', 'so-b', b.url, await keyOf(b)])).code).toBe(0);

    const first = await witness(['poll']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(
      'so-a: ok, 3 entries (before: -); cosigned and handed back to the unit',
    );
    expect(first.out).toContain(
      'so-b: ok, 4 entries (before: -); cosigned and handed back to the unit',
    );
    const cosigned = await listCosignatures(b.s.session.store);
    expect(cosigned.map((c) => [c.witness, c.size])).toEqual([[ORIGIN, 4]]);
    // The C2SP form, checked with nothing but node:crypto: key ID SHA-256(name ‖ LF ‖ 0x04 ‖
    // key)[:4], then a big-endian u64 timestamp, then Ed25519 over "cosignature/v1", "time T"
    // and the checkpoint body; by the witness's cosigning key, not its own log's key.
    const own = await witnessKey(witnessDir, { LOA_EVIDENCE_ORIGIN: ORIGIN });
    const logKey = await evidenceKey(witnessDir, { LOA_EVIDENCE_ORIGIN: ORIGIN });
    expect(Buffer.from(own.publicKey).equals(Buffer.from(logKey.publicKey))).toBe(false);
    expect(Buffer.from(witnessKeys.split('+')[2] ?? '', 'base64')[0]).toBe(0x04);
    const note = cosigned[0]!.note;
    const body = note.slice(0, note.indexOf('\n\n') + 1);
    const line = note.split('\n').find((l) => l.startsWith(`\u2014 ${ORIGIN} `))!;
    const payload = Buffer.from(line.split(' ')[2]!, 'base64');
    expect(payload).toHaveLength(4 + 8 + 64);
    const keyId = createHash('sha256')
      .update(`${ORIGIN}\n`)
      .update(Uint8Array.of(0x04))
      .update(own.publicKey)
      .digest()
      .subarray(0, 4);
    expect(payload.subarray(0, 4).equals(keyId)).toBe(true);
    const time = payload.readBigUInt64BE(4);
    expect(Math.abs(Number(time) - Date.now() / 1000)).toBeLessThan(600);
    const signed = Buffer.from(`cosignature/v1\ntime ${time}\n${body}`);
    expect(
      cryptoVerify(null, signed, createPublicKey(own.publicKeyPem), payload.subarray(12)),
    ).toBe(true);
    expect(cosigned[0]?.cosignedAt).toBe(new Date(Number(time) * 1000).toISOString());

    await append(a.s.session.store, 2);
    await append(b.s.session.store, 1);
    await rewrite(b.s.session.store);
    const second = await witness(['poll']);
    expect(second.code).toBe(1);
    expect(second.out).toContain('so-a: ok, 5 entries (before: 3)');
    expect(second.err).toContain(
      'so-b: LOG REWRITTEN (forked) against the cosigned checkpoint of 4',
    );
    expect(second.err).not.toContain('so-a');

    // The rewritten unit's own verify names the rewrite against what the witness saw.
    const keyB = await evidenceKey(b.s.session.dataDir, {});
    const report = await verifyLog(b.s.session.store, {
      verifier: keyB.verifier,
    });
    expect(report.witnessed).toEqual([{ witness: ORIGIN, size: 4, time: expect.any(String) }]);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        code: 'root',
        checkpoint: `witness ${ORIGIN}`,
      }),
    );
    const keyA = await evidenceKey(a.s.session.dataDir, {});
    const fine = await verifyLog(a.s.session.store, {
      verifier: keyA.verifier,
    });
    expect(fine.problems).toEqual([]);
    expect(fine.witnessed).toEqual([{ witness: ORIGIN, size: 5, time: expect.any(String) }]);
  });

  it('names a unit whose log shrank, and one that was re-keyed', async () => {
    const store = a.s.session.store;
    await sql`drop trigger evidence_entries_no_delete`.execute(rawForTests(store));
    await sql`delete from evidence_entries where idx >= 4`.execute(rawForTests(store));
    const rows = await rawForTests(store)
      .selectFrom('evidence_entries')
      .select('entry')
      .orderBy('idx')
      .execute();
    const range = new CompactRange();
    for (const r of rows) range.appendEntry(Buffer.from(r.entry, 'utf8'));
    const hashes = range.hashes.map((h) => Buffer.from(h).toString('hex')).join('');
    await rawForTests(store)
      .updateTable('evidence_head')
      .set({ size: range.size, hashes })
      .execute();
    await unlink(join(b.s.session.dataDir, SIGNING_KEY_FILE));
    const third = await witness(['poll']);
    expect(third.code).toBe(1);
    expect(third.err).toContain('so-a: LOG SHRANK from 5 to 4 entries');
    expect(third.err).toContain('so-b: CHECKPOINT NOT SIGNED BY THE KNOWN KEY');
    const list = await witness(['list']);
    expect(list.out).toContain('so-a');
    expect(list.out).toContain('shrank');
  });
});

describe('a unit that only sends bundles', () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  async function witness(dir: string, args: string[]) {
    process.env = { ...saved, LOA_DATA_DIR: dir, LOA_LANG: 'en', LOA_EVIDENCE_ORIGIN: ORIGIN };
    delete process.env.LOA_DATABASE_URL;
    const out = captureOutput();
    const code = await main(['witness', ...args], out);
    return { code, out: out.stdout.join('\n'), err: out.stderr.join('\n') };
  }

  it('is registered by name and key alone, and poll passes it by with a note', async () => {
    const dir = await tempDir('witness-bundles');
    const unitKey = (
      await evidenceKey(await tempDir('xa-an-binh'), {
        LOA_EVIDENCE_ORIGIN: 'xa-an-binh.example/loa',
      })
    ).verifierKey;
    const added = await witness(dir, ['add', 'xa-an-binh', unitKey]);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain('Registered xa-an-binh, bundles only (no public log address)');
    const badUrl = await witness(dir, ['add', 'xa-b', 'ftp://xa-b.example', unitKey]);
    expect(badUrl.code).toBe(1);
    expect(badUrl.err).toContain('Watched unit: invalid url "ftp://xa-b.example"');
    const noKey = await witness(dir, ['add', 'xa-c', 'not-a-key']);
    expect(noKey.code).toBe(1);
    expect(noKey.err).toContain('Watched unit: invalid key "not-a-key"');

    const poll = await witness(dir, ['poll']);
    expect(poll.code).toBe(0);
    expect(poll.err).toBe('');
    expect(poll.out).toBe(
      'xa-an-binh: skipped, the unit only sends bundles (no public log address to read)',
    );
    const list = await witness(dir, ['list']);
    expect(list.out).toContain('xa-an-binh  (bundles only)  no checkpoint yet');
    const json = JSON.parse((await witness(dir, ['list', '--json'])).out);
    expect(json).toEqual([{ name: 'xa-an-binh', verifierKey: unitKey }]);
  });
});
