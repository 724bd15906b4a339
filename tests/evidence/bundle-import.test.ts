import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { runImport } from '../../src/cli/commands/import.js';
import { signCheckpoint } from '../../src/evidence/checkpoint.js';
import { CompactRange } from '../../src/evidence/compact-range.js';
import { appendEvidence } from '../../src/evidence/log.js';
import { signNote } from '../../src/evidence/signed-note.js';
import { evidenceKey } from '../../src/evidence/store-checkpoint.js';
import { leafHash } from '../../src/evidence/tree-hash.js';
import { countImported, readImportedSegments } from '../../src/store/imported-logs.js';
import { openStore, storeOptionsFrom } from '../../src/store/open-store.js';
import { captureOutput } from '../support/capture-output.js';
import { storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';
import { extractZip } from '../support/unzip.js';
import { importedAudit, importedReport, loa, useEnv } from './import-support.js';

/**
 * Roll-up across units (issue 12, point 5): three commune stations of the example district
 * each keep their own loa (their own data folder and signing key, the district plan and
 * their own channel), log January 2025's airings and send the bundle the real `loa evidence
 * export` writes. The district's auditor registers the three keys (`loa witness add`),
 * imports the bundles (`loa import`) and audits the district plan over them
 * (`loa audit --imported`). Quang Minh misses its Wednesday of week 3.
 */
const DISTRICT = join(import.meta.dirname, '../../examples/huyen-kien-xuong-2025');
const PLAN = 'huyen-kien-xuong-2025';
const engines = await storeEngines();

interface Commune {
  unit: string;
  channel: string;
  station: string;
  dataDir: string;
  project: string;
  key: string;
  /** January's bundle. */
  bundle: string;
}

const COMMUNES = [
  { unit: 'xa-vu-ninh', channel: 'loa-vu-ninh', station: 'dai-vu-ninh' },
  { unit: 'xa-quang-minh', channel: 'loa-quang-minh', station: 'dai-quang-minh' },
  { unit: 'xa-an-binh', channel: 'loa-an-binh', station: 'dai-an-binh' },
];
/** Monday, Wednesday and Friday of each week of January 2025 at 17:30 local (10:30Z). */
const JANUARY = [3, 6, 8, 10, 13, 15, 17, 20, 22, 24, 27, 29, 31].map(
  (d) => `2025-01-${String(d).padStart(2, '0')}T10:30:00.000Z`,
);

async function airings(dataDir: string, c: (typeof COMMUNES)[number], times: string[]) {
  const store = await openStore({ dataDir });
  await store.transaction(async (tx) => {
    for (const time of times) {
      await appendEvidence(tx, {
        kind: 'airing',
        plan: PLAN,
        task: 'loa-xa',
        unit: c.station,
        channel: c.channel,
        channelKind: 'broadcast',
        time,
        durationSec: 600,
        actor: 'dispatcher',
      });
    }
  });
  await store.close();
}

async function exportBundle(c: Commune, from: string, to: string, name: string) {
  const out = join(c.dataDir, name);
  const env = { LOA_DATA_DIR: c.dataDir, LOA_EVIDENCE_ORIGIN: `${c.unit}.example.gov.vn/loa` };
  const r = await loa(
    ['evidence', 'export', '--dir', c.project, '--from', from, '--to', to, '--out', out],
    env,
  );
  expect(r.code, r.out).toBe(0);
  return out;
}

/** A commune's own loa: the district plan and its own station's channel. */
async function commune(spec: (typeof COMMUNES)[number]): Promise<Commune> {
  const dataDir = await tempDir(`unit-${spec.unit}`);
  const project = await tempDir(`project-${spec.unit}`);
  await mkdir(join(project, 'schedules'));
  await mkdir(join(project, 'channels'));
  await cp(join(DISTRICT, 'schedules', `${PLAN}.yaml`), join(project, 'schedules', `${PLAN}.yaml`));
  await cp(
    join(DISTRICT, 'channels', `${spec.channel}.yaml`),
    join(project, 'channels', `${spec.channel}.yaml`),
  );
  const times =
    spec.unit === 'xa-quang-minh' ? JANUARY.filter((t) => !t.startsWith('2025-01-15')) : JANUARY;
  await airings(dataDir, spec, times);
  const key = (
    await evidenceKey(dataDir, { LOA_EVIDENCE_ORIGIN: `${spec.unit}.example.gov.vn/loa` })
  ).verifierKey;
  const c = { ...spec, dataDir, project, key, bundle: '' };
  c.bundle = await exportBundle(c, '2025-01-01', '2025-02-01', 'thang-1.zip');
  return c;
}

/** Rewrites one file of a bundle (as someone on the way would) and zips it again. */
async function tampered(
  bundle: string,
  name: string,
  change: (text: string) => string,
): Promise<string> {
  return rezipped(bundle, async (dir) => {
    await writeFile(join(dir, name), change(await readFile(join(dir, name), 'utf8')));
  });
}

/**
 * Rewrites a line of a unit's entries.jsonl as the unit itself (its loa broken, or forged with
 * its key) would: leaves.txt, the checkpoint and the manifest made anew and signed with the
 * unit's key, so every hash and signature holds.
 */
async function signedByUnit(
  u: Commune,
  line: number,
  change: (entry: string) => string,
): Promise<string> {
  const key = await evidenceKey(u.dataDir, { LOA_EVIDENCE_ORIGIN: `${u.unit}.example.gov.vn/loa` });
  return rezipped(u.bundle, async (dir) => {
    const entries = (await readFile(join(dir, 'entries.jsonl'), 'utf8')).split('\n').slice(0, -1);
    entries[line - 1] = change(entries[line - 1]!);
    const range = new CompactRange();
    const leaves = entries.map((e) => {
      const leaf = leafHash(Buffer.from(e, 'utf8'));
      range.append(leaf);
      return `${Buffer.from(leaf).toString('hex')}\n`;
    });
    const files = {
      'entries.jsonl': `${entries.join('\n')}\n`,
      'leaves.txt': leaves.join(''),
      'checkpoint.txt': signCheckpoint(
        { origin: key.name, size: range.size, rootHash: range.root() },
        key,
      ),
    };
    const manifest = (await readFile(join(dir, 'manifest.txt'), 'utf8')).split('\n\n')[0]!;
    const body = manifest.split('\n').map((l) => {
      const name = l.slice(65) as keyof typeof files;
      if (!(name in files)) return l;
      return `${createHash('sha256').update(files[name]).digest('hex')} ${name}`;
    });
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    await writeFile(join(dir, 'manifest.txt'), signNote(`${body.join('\n')}\n`, key));
  });
}

/** The bundle unzipped, changed by `change` in its folder, and zipped again. */
async function rezipped(bundle: string, change: (dir: string) => Promise<void>): Promise<string> {
  const dir = await tempDir('tampered');
  await extractZip(bundle, dir);
  await change(dir);
  const zip = new yazl.ZipFile();
  const walk = async (sub: string): Promise<void> => {
    for (const d of await readdir(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${d.name}` : d.name;
      if (d.isDirectory()) await walk(rel);
      else zip.addBuffer(await readFile(join(dir, rel)), rel);
    }
  };
  await walk('');
  const out = join(dir, '..', `tampered-${Date.now()}-${Math.random().toString(36).slice(2)}.zip`);
  const { createWriteStream } = await import('node:fs');
  await new Promise<void>((resolve, reject) => {
    zip.outputStream
      .pipe(createWriteStream(out))
      .on('close', () => resolve())
      .on('error', reject);
    zip.end();
  });
  return out;
}

let units: Commune[] = [];
beforeAll(async () => {
  units = [];
  for (const spec of COMMUNES) units.push(await commune(spec));
}, 120_000);

describe.each(engines)('loa import and the roll-up audit on $name', (engine) => {
  let env: NodeJS.ProcessEnv;
  const state = async () => {
    const store = await openStore(storeOptionsFrom(env));
    try {
      return {
        count: await countImported(store),
        segments: await readImportedSegments(store),
      };
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    env = await engine.env();
    for (const u of units) {
      // An Bình has no public log: it only sends bundles, registered by its key alone.
      const address = u.unit === 'xa-an-binh' ? [] : [`https://loa.${u.unit}.example.gov.vn`];
      const r = await loa(['witness', 'add', u.unit, ...address, u.key], env);
      expect(r.code, r.out).toBe(0);
    }
  });

  it('refuses a bundle whose key no unit is registered with, naming how to register it', async () => {
    const other = await tempDir('stranger');
    await airings(other, COMMUNES[0]!, JANUARY.slice(0, 2));
    const stranger = { ...units[0]!, dataDir: other };
    const bundle = await exportBundle(stranger, '2025-01-01', '2025-02-01', 'la.zip');
    const r = await loa(['import', units[0]!.bundle, bundle], env);
    expect(r.code).toBe(1);
    expect(r.out).toContain('signed by a key no registered unit holds');
    expect(r.out).toContain('loa witness add <unit-id>');
    expect((await state()).count).toEqual({ units: 0, entries: 0 });
  });

  it.each([
    {
      name: 'an entry edited',
      file: 'entries.jsonl',
      change: (t: string) => t.replace('"durationSec":600', '"durationSec":1800'),
      says: 'entry 0 was changed',
    },
    {
      name: 'a line removed',
      file: 'entries.jsonl',
      change: (t: string) =>
        t
          .split('\n')
          .filter((_, i) => i !== 4)
          .join('\n'),
      says: 'the bundle holds 12 entries, its signed checkpoint 13',
    },
    {
      name: 'a leaf hash removed',
      file: 'leaves.txt',
      change: (t: string) =>
        t
          .split('\n')
          .filter((_, i) => i !== 4)
          .join('\n'),
      says: 'leaves.txt was changed',
    },
    {
      name: 'a leaf hash written in capitals',
      file: 'leaves.txt',
      change: (t: string) => t.replace(/[a-f]/, (c) => c.toUpperCase()),
      says: 'leaves.txt was changed',
    },
    {
      name: 'another registered unit’s key put in',
      file: 'key.txt',
      change: () => `${units[1]!.key}\n`,
      says: 'manifest.txt: the unit’s signature does not hold',
    },
  ])('refuses $name and writes nothing, even of the good bundles beside it', async (c) => {
    const bad = await tampered(units[2]!.bundle, c.file, c.change);
    const r = await loa(['import', units[0]!.bundle, units[1]!.bundle, bad], env);
    expect(r.code).toBe(1);
    expect(r.out).toContain('INVALID');
    expect(r.out).toContain(c.says);
    expect(r.out).toContain('nothing was imported');
    expect((await state()).count).toEqual({ units: 0, entries: 0 });
  });

  it.each([
    {
      name: 'a line that is not JSON',
      change: (e: string) => e.slice(0, -1),
      says: 'entries.jsonl line 13: not JSON',
    },
    {
      name: 'a line that is JSON but not canonical (a space after a colon)',
      change: (e: string) => e.replace('"durationSec":600', '"durationSec": 600'),
      says: 'entries.jsonl line 13: not an entry in canonical JSON as loa writes it',
    },
    {
      name: 'a line whose keys are out of order',
      change: (e: string) =>
        e.replace('{"actor":"dispatcher",', '{').replace(/}$/, ',"actor":"dispatcher"}'),
      says: 'entries.jsonl line 13: not an entry in canonical JSON as loa writes it',
    },
  ])(
    'refuses a bundle whose unit signed $name, naming the file and line, and writes nothing',
    async (c) => {
      const bad = await signedByUnit(units[2]!, 13, c.change);
      const r = await loa(['import', units[0]!.bundle, bad], env);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`${bad}: the bundle is INVALID`);
      expect(r.out).toContain(c.says);
      expect(r.out).toContain('nothing was imported');
      expect((await state()).count).toEqual({ units: 0, entries: 0 });
    },
  );

  it('refuses each bundle in its turn: one that cannot be read, or an invalid one before it, and writes nothing', async () => {
    const missing = join(await tempDir('nowhere'), 'thang-1.zip');
    const last = await loa(['import', units[0]!.bundle, units[1]!.bundle, missing], env);
    expect(last.code).toBe(1);
    expect(last.out).toContain(`${missing}: the evidence bundle cannot be read (ENOENT)`);
    expect((await state()).count).toEqual({ units: 0, entries: 0 });
    const bad = await tampered(units[2]!.bundle, 'entries.jsonl', (t) =>
      t.replace('"durationSec":600', '"durationSec":1800'),
    );
    const first = await loa(['import', units[0]!.bundle, bad, missing], env);
    expect(first.code).toBe(1);
    expect(first.out).toContain(`${bad}: the bundle is INVALID`);
    expect(first.out).not.toContain('ENOENT');
    expect((await state()).count).toEqual({ units: 0, entries: 0 });
  });

  it('imports the three bundles, and again changes nothing', async () => {
    const first = await loa(['import', ...units.map((u) => u.bundle)], env);
    expect(first.code, first.out).toBe(0);
    for (const u of units) expect(first.stdout).toContain(`${u.unit}: `);
    expect(first.stdout).toContain('13 new entries imported');
    expect(first.stdout).toContain('12 new entries imported');
    const before = await state();
    expect(before.count).toEqual({ units: 3, entries: 38 });
    const again = await loa(['import', ...units.map((u) => u.bundle)], env);
    expect(again.code, again.out).toBe(0);
    expect(again.stdout.match(/imported before, nothing new/g)).toHaveLength(3);
    expect(await state()).toEqual(before);
  });

  it('audits the district plan over the imported logs: each unit, the totals, who fell short', async () => {
    const { result, task, period } = await importedAudit(
      { plan: PLAN, period: '2025-01', dir: DISTRICT, task: 'loa-xa' },
      env,
    );
    // Week 3 (13–19 January): Quang Minh aired twice of three.
    const w03 = (unit: string) => period(unit, '2025-W03');
    expect(w03('xa-vu-ninh')).toMatchObject({ required: 3, achieved: 3, status: 'met' });
    expect(w03('xa-quang-minh')).toMatchObject({ required: 3, achieved: 2, status: 'missed' });
    expect(w03('xa-an-binh')).toMatchObject({ required: 3, achieved: 3, status: 'met' });
    const roll = task.periods.find((p) => p.label === '2025-W03')!;
    expect(roll).toMatchObject({
      required: 9,
      achieved: 8,
      status: 'missed',
      units: { met: 2, total: 3 },
    });
    expect(task.achieved).toBe(38);
    expect(result.atRisk).toEqual([
      {
        unit: 'xa-quang-minh',
        name: 'UBND xã Quang Minh',
        task: 'loa-xa',
        periods: [{ label: '2025-W03', status: 'missed' }],
      },
    ]);
    expect(result.sources?.map((s) => [s.unit, s.size])).toEqual([
      ['xa-an-binh', 13],
      ['xa-quang-minh', 12],
      ['xa-vu-ninh', 13],
    ]);
    const roll2 = new Map(result.rollUp!.map((u) => [u.unit, u]));
    // 5 weeks each (the first cut to a quota of 1), 15 unit-weeks, 14 met.
    expect(roll2.get('ubnd-huyen')).toMatchObject({ met: 14, assessed: 15 });
    expect(roll2.get('xa-quang-minh')).toMatchObject({ met: 4, assessed: 5 });

    const table = await loa(
      ['audit', '--plan', PLAN, '--period', '2025-01', '--imported', '--dir', DISTRICT],
      env,
    );
    expect(table.stdout).toContain('Units at risk or short:');
    expect(table.stdout).toMatch(/xa-quang-minh \(UBND xã Quang Minh\): loa-xa 2025-W03 missed/);
    expect(table.stdout).toContain('Sources: the imported logs of 3 units');
    const csv = await loa(
      [
        'audit',
        '--plan',
        PLAN,
        '--period',
        '2025-01',
        '--imported',
        '--format',
        'csv',
        '--dir',
        DISTRICT,
      ],
      env,
    );
    expect(
      csv.stdout.split('\n').filter((l) => l.includes('xa-quang-minh') && l.includes('2025-W03')),
    ).toHaveLength(1);
    const xlsx = await loa(
      [
        'audit',
        '--plan',
        PLAN,
        '--period',
        '2025-01',
        '--imported',
        '--format',
        'xlsx',
        '--dir',
        DISTRICT,
        '--out',
        join(await tempDir('xlsx'), 'a.xlsx'),
      ],
      env,
    );
    expect(xlsx.code, xlsx.out).toBe(0);
  });

  it('writes the periodic report over the imported logs: each unit, who fell short, each log’s root', async () => {
    const text = await importedReport({ plan: PLAN, dir: DISTRICT }, { ...env, LOA_LANG: 'vi' });
    expect(text).toContain('- UBND xã Quang Minh: ');
    expect(text).toContain('Đơn vị không đạt hoặc có nguy cơ không đạt:');
    expect(text).toMatch(/- UBND xã Quang Minh \(loa-xa\): \d+ kỳ: 2025-W03/);
    expect(text).toContain('nhật ký minh chứng của 3 đơn vị');
    for (const u of units) expect(text).toContain(`- ${u.unit}: `);
  });

  it('takes a later bundle that extends a unit’s log, an older one as nothing new, and refuses a fork', async () => {
    // Vũ Ninh's log goes on into February; a copy of it (same key) records February otherwise.
    const grown = await tempDir('grown');
    await cp(units[0]!.dataDir, grown, { recursive: true });
    const vn = { ...units[0]!, dataDir: grown };
    const forkDir = await tempDir('fork');
    await cp(units[0]!.dataDir, forkDir, { recursive: true });
    await airings(vn.dataDir, COMMUNES[0]!, [
      '2025-02-03T10:30:00.000Z',
      '2025-02-05T10:30:00.000Z',
    ]);
    const later = await exportBundle(vn, '2025-02-01', '2025-03-01', 'thang-2.zip');
    const r = await loa(['import', later, vn.bundle], env);
    expect(r.code, r.out).toBe(0);
    expect(r.stdout).toContain('2 new entries imported');
    expect(r.stdout).toContain(
      'an older bundle than the log imported (13 of 15 entries); consistent',
    );

    await airings(forkDir, COMMUNES[0]!, ['2025-02-04T10:30:00.000Z']);
    const fork = await exportBundle(
      { ...vn, dataDir: forkDir },
      '2025-02-01',
      '2025-03-01',
      'nhanh.zip',
    );
    const before = await state();
    const f = await loa(['import', fork], env);
    expect(f.code).toBe(1);
    expect(f.out).toContain(
      'the log of unit xa-vu-ninh CONTRADICTS the one imported (forked at entry 13',
    );
    expect(await state()).toEqual(before);
  });

  it('draws a progress bar on a terminal only', async () => {
    useEnv(env);
    const drawn: string[] = [];
    const tty = { isTTY: true, afterMs: 0, write: (s: string) => drawn.push(s) > 0 };
    await runImport([units[1]!.bundle], {}, captureOutput(), undefined, tty);
    expect(drawn.join('')).toContain('100%');
    const piped: string[] = [];
    const pipe = { isTTY: false, afterMs: 0, write: (s: string) => piped.push(s) > 0 };
    await runImport([units[1]!.bundle], {}, captureOutput(), undefined, pipe);
    expect(piped).toEqual([]);
  });
});

describe.each(engines)('loa import keeps what it checked on $name', (engine) => {
  it('stores each entry and leaf hash byte for byte, Vietnamese text too', async () => {
    const env = await engine.env();
    const u = units[2]!;
    const added = await loa(['witness', 'add', u.unit, u.key], env);
    expect(added.code, added.out).toBe(0);
    const station = 'Đài truyền thanh xã An Bình'.normalize('NFC');
    const bundle = await signedByUnit(u, 13, (e) =>
      e.replace('"actor":"dispatcher"', `"actor":"${station}"`),
    );
    const r = await loa(['import', bundle], env);
    expect(r.code, r.out).toBe(0);
    const dir = await tempDir('stored');
    await extractZip(bundle, dir);
    const store = await openStore(storeOptionsFrom(env));
    try {
      const segments = await readImportedSegments(store);
      expect(segments).toHaveLength(1);
      expect(segments[0]?.entries).toBe(await readFile(join(dir, 'entries.jsonl'), 'utf8'));
      expect(segments[0]?.entries).toContain(`"actor":"${station}"`);
      expect(segments[0]?.leaves).toBe(await readFile(join(dir, 'leaves.txt'), 'utf8'));
    } finally {
      await store.close();
    }
  });
});
