import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCheckpoint } from '../../src/evidence/checkpoint.js';
import { readEvidence } from '../../src/evidence/log.js';
import { rawForTests } from '../../src/store/testing.js';
import { storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';
import { extractZip } from '../support/unzip.js';
import { eventStation } from './pages-support.js';
import { bearer, type StationServer } from './station-server.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field in assertions
const json = (res: Response): Promise<any> => res.json();
const engines = await storeEngines();

function form(fields: Record<string, string>, files: [string, string, Uint8Array][] = []) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  for (const [name, type, bytes] of files) data.append('file', new File([bytes], name, { type }));
  return data;
}

const PDF = new TextEncoder().encode('%PDF-1.4\n% biên bản hội nghị\n');
const run = promisify(execFile);

describe.each(engines)('evidence, reports and checkpoints over HTTP on $name', (engine) => {
  let s: StationServer;
  beforeAll(async () => {
    s = await eventStation(engine);
  });
  afterAll(async () => {
    await s?.session.store.close();
  });

  /** Rows of every table of the store, by table name. */
  async function rowCounts(): Promise<Map<string, number>> {
    const db = rawForTests(s.session.store);
    const counts = new Map<string, number>();
    for (const table of await db.introspection.getTables()) {
      const row = await db
        .selectFrom(table.name as 'users')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      counts.set(table.name, Number(row.n));
    }
    return counts;
  }

  it('adds manual evidence with a checked PDF, and refuses a file whose bytes are not its type', async () => {
    const fake = await s.app.request('/api/evidence/manual', {
      method: 'POST',
      headers: bearer(s.tokens.editor),
      body: form({ plan: 'su-kien', task: 'tap-huan', date: '2024-03-05' }, [
        ['bien-ban.pdf', 'application/pdf', new TextEncoder().encode('<script>x</script>')],
      ]),
    });
    expect(fake.status).toBe(415);
    expect((await json(fake)).error).toBe('HTTP_UPLOAD_TYPE');
    const before = (await readEvidence(s.session.store)).length;
    // A task that counts publications, or a day outside the plan, takes nothing by hand.
    for (const [fields, code] of [
      [{ plan: 'thu', task: 'chuyen-muc', date: '2024-03-05' }, 'EVIDENCE_TASK_NOT_MANUAL'],
      [{ plan: 'su-kien', task: 'tap-huan', date: '2025-01-02' }, 'EVIDENCE_DATE_OUTSIDE_PLAN'],
    ] as const) {
      const refused = await s.app.request('/api/evidence/manual', {
        method: 'POST',
        headers: bearer(s.tokens.editor),
        body: form(fields, [['bien-ban.pdf', 'application/pdf', PDF]]),
      });
      expect(refused.status).toBe(400);
      expect((await json(refused)).error).toBe(code);
    }
    expect(await readEvidence(s.session.store)).toHaveLength(before);
    const ok = await s.app.request('/api/evidence/manual', {
      method: 'POST',
      headers: bearer(s.tokens.editor),
      body: form({ plan: 'su-kien', task: 'tap-huan', date: '2024-03-05', note: 'Tập huấn' }, [
        ['biên bản.pdf', 'application/pdf', PDF],
      ]),
    });
    expect(ok.status).toBe(201);
    const added = await json(ok);
    expect(added.index).toBe(before);
    const entries = await readEvidence(s.session.store);
    expect(entries.at(-1)).toMatchObject({
      kind: 'manual',
      plan: 'su-kien',
      task: 'tap-huan',
      actor: 'bt',
      note: 'Tập huấn',
    });
    expect(entries.at(-1)?.files?.[0]?.name).toBe('biên bản.pdf'.normalize('NFC'));
    const auditor = await s.app.request('/api/evidence/manual', {
      method: 'POST',
      headers: bearer(s.tokens.auditor),
      body: form({ plan: 'su-kien', task: 'tap-huan', date: '2024-03-05' }),
    });
    expect(auditor.status).toBe(403);
  });

  it('signs a checkpoint for an editor, refuses one to an auditor, and proves an entry', async () => {
    expect(
      (
        await s.app.request('/api/evidence/checkpoint', {
          method: 'POST',
          headers: bearer(s.tokens.auditor),
        })
      ).status,
    ).toBe(403);
    const signed = await s.app.request('/api/evidence/checkpoint', {
      method: 'POST',
      headers: bearer(s.tokens.editor),
    });
    expect(signed.status).toBe(201);
    const cp = await json(signed);
    const latest = await json(
      await s.app.request('/api/evidence/checkpoint', { headers: bearer(s.tokens.auditor) }),
    );
    expect(latest.size).toBe(cp.size);
    const proof = await json(
      await s.app.request('/api/evidence/0/proof', { headers: bearer(s.tokens.auditor) }),
    );
    expect(proof).toMatchObject({ index: 0, size: cp.size, rootHash: cp.rootHashHex });
    const missing = await s.app.request(`/api/evidence/${cp.size + 5}/proof`, {
      headers: bearer(s.tokens.auditor),
    });
    expect(missing.status).toBe(404);
  });

  it('exports the auditor bundle as a zip to an auditor only', async () => {
    const editor = await s.app.request('/api/evidence/bundle?from=2024-03-01&to=2024-03-31', {
      headers: bearer(s.tokens.editor),
    });
    expect(editor.status).toBe(403);
    const res = await s.app.request('/api/evidence/bundle?from=2024-03-01&to=2024-03-31', {
      headers: bearer(s.tokens.auditor),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('a bundle download writes nothing: no checkpoint stored, no entry, every table as it was; the zip still verifies', async () => {
    // An entry after the last stored checkpoint, so that the bundle's head needs a signature.
    const added = await s.app.request('/api/evidence/manual', {
      method: 'POST',
      headers: bearer(s.tokens.editor),
      body: form({ plan: 'su-kien', task: 'tap-huan', date: '2024-03-06' }, [
        ['bien-ban-2.pdf', 'application/pdf', PDF],
      ]),
    });
    expect(added.status).toBe(201);
    const before = await rowCounts();
    const res = await s.app.request('/api/evidence/bundle?from=2024-03-01&to=2024-03-31', {
      headers: bearer(s.tokens.auditor),
    });
    expect(res.status).toBe(200);
    expect(await rowCounts()).toEqual(before);
    const dir = await tempDir('bundle-read');
    const zip = join(dir, 'bundle.zip');
    await writeFile(zip, new Uint8Array(await res.arrayBuffer()));
    await extractZip(zip, join(dir, 'x'));
    const head = verifyCheckpoint(
      await readFile(join(dir, 'x', 'checkpoint.txt'), 'utf8'),
      (await readFile(join(dir, 'x', 'key.txt'), 'utf8')).trim(),
    );
    expect(head.size).toBe(before.get('evidence_entries'));
    const verified = await run(process.execPath, ['verify.mjs'], { cwd: join(dir, 'x') });
    expect(verified.stdout).not.toBe('');
  });

  it('gives the audit as JSON and the periodic report as HTML', async () => {
    const audit = await json(
      await s.app.request('/api/audit?plan=thu&period=2024-03', {
        headers: bearer(s.tokens.auditor),
      }),
    );
    expect(audit.plan.id).toBe('thu');
    expect(audit.tasks.map((t: { id: string }) => t.id)).toContain('chuyen-muc');
    const logged = (await readEvidence(s.session.store)).length;
    const checkpoints = () =>
      rawForTests(s.session.store).selectFrom('evidence_checkpoints').selectAll().execute();
    const signed = (await checkpoints()).length;
    const report = await s.app.request('/api/reports/thu/2024-Q1?format=html', {
      headers: bearer(s.tokens.auditor),
    });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('01/KH-UBND');
    // An auditor reading the report writes nothing: no checkpoint, no log entry.
    expect(await readEvidence(s.session.store)).toHaveLength(logged);
    expect(await checkpoints()).toHaveLength(signed);
  });
});
