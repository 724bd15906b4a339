import { execFile } from 'node:child_process';
import { createHash, hash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { DateTime } from 'luxon';
import { loadValidProject } from '../../src/config/project.js';
import { exportBundle } from '../../src/evidence/bundle.js';
import { type EvidenceInput, evidenceBytes } from '../../src/evidence/log.js';
import { CompactRange } from '../../src/evidence/merkle.js';
import { evidenceKey } from '../../src/evidence/store-checkpoint.js';
import { openStore } from '../../src/store/open-store.js';
import { extractZip } from '../support/unzip.js';
import { type BenchFigure, timeMs } from './report.js';

/** LOA_BENCH_BUNDLE_ENTRIES overrides the 100,000 entries of the bundle. */
const ENTRIES = Number(process.env.LOA_BENCH_BUNDLE_ENTRIES) || 100_000;
const FIXTURE = join(import.meta.dirname, '../../../tests/fixtures/sched-project');
const exec = promisify(execFile);

/**
 * The like-for-like baseline of verify.mjs, a command too: a `node` process that reads every file
 * of the bundle and SHA-256s each line of entries.jsonl and each other file whole (the bytes
 * verify.mjs hashes at the least), with the same start-up and reads. Node's own modules only.
 */
const BARE_SHA256 = `import { createHash, hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const sha = typeof hash === 'function' ? (b) => hash('sha256', b, 'hex') : (b) => createHash('sha256').update(b).digest('hex');
let lines = 0;
let files = 0;
function hashAll(dir) {
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, f.name);
    if (f.isDirectory()) hashAll(path);
    else if (f.name !== 'entries.jsonl') sha(readFileSync(path)), (files += 1);
    else {
      const bytes = readFileSync(path);
      for (let start = 0; start < bytes.length; ) {
        const newline = bytes.indexOf(0x0a, start);
        const end = newline < 0 ? bytes.length : newline;
        sha(bytes.subarray(start, end));
        lines += 1;
        start = end + 1;
      }
    }
  }
}
hashAll(process.argv[2]);
console.log(lines + ' entry lines and ' + files + ' other files hashed');
`;

function input(seq: number): EvidenceInput {
  const day = String((seq % 28) + 1).padStart(2, '0');
  return {
    kind: 'publication',
    plan: 'tinh-thu',
    channel: 'tep',
    channelKind: 'files',
    unit: 'so-noi-vu',
    item: `tin-${seq}`,
    key: `tep/tin-${seq}@2024-03-${day}T02:00:00.000Z`,
    time: `2024-03-${day}T02:00:00.000Z`,
    url: `https://sonoivu.example.gov.vn/cchc/tin-${seq}`,
    contentHash: createHash('sha256').update(String(seq)).digest('hex'),
    actor: 'dispatcher',
  };
}

/**
 * verify.mjs (run by `node`, as an auditor runs it) on the March bundle of a log of 100,000
 * publications (the fixture plan's summary recomputed), beside bare SHA-256 of the same
 * entries' bytes in this process, and beside a node command that reads the bundle and SHA-256s
 * its bytes (the like-for-like baseline: same start-up and reads as `node verify.mjs`).
 */
async function bundleFigure(dir: string): Promise<BenchFigure> {
  const dataDir = join(dir, 'data');
  const store = await openStore({ dataDir });
  await store.close();
  const db = new BetterSqlite3(join(dataDir, 'loa.db'));
  const insert = db.prepare(
    'insert into evidence_entries (idx, kind, time, plan_id, entry, leaf_hash) values (?, ?, ?, ?, ?, ?)',
  );
  const range = new CompactRange();
  db.transaction(() => {
    for (let i = 0; i < ENTRIES; i += 1) {
      const text = evidenceBytes(input(i), i);
      const leaf = range.appendEntry(Buffer.from(text, 'utf8'));
      insert.run(
        i,
        'publication',
        input(i).time,
        'tinh-thu',
        text,
        Buffer.from(leaf).toString('hex'),
      );
    }
  })();
  const hashes = range.hashes.map((h) => Buffer.from(h).toString('hex')).join('');
  db.prepare('update evidence_head set size = ?, hashes = ? where id = 1').run(range.size, hashes);
  db.close();
  const project = await loadValidProject(FIXTURE);
  const zip = join(dir, 'march.zip');
  const exporting = await openStore({ dataDir });
  await exportBundle(exporting, {
    from: '2024-02-29T17:00:00.000Z',
    to: '2024-03-31T17:00:00.000Z',
    out: zip,
    key: await evidenceKey(dataDir, {}),
    dataDir,
    now: DateTime.fromISO('2024-04-15T00:00:00Z'),
    plans: project.plans.map((p) => p.value),
    channels: project.channels.map((c) => c.value),
    label: '2024-03-01 – 2024-03-31',
    checkpoint: 'store',
  });
  await exporting.close();
  const bundle = join(dir, 'bundle');
  await extractZip(zip, bundle);
  // verify.mjs and the command baseline are each run three times, one after the other (so both
  // meet the same load), and the best run of each is kept (the machine is shared).
  const bare = join(dir, 'bare-sha256.mjs');
  await writeFile(bare, BARE_SHA256);
  let verdict = '';
  let hashed = '';
  let ours = Number.POSITIVE_INFINITY;
  let command = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i += 1) {
    const ms = await timeMs(async () => {
      verdict = (await exec(process.execPath, [join(bundle, 'verify.mjs')], { cwd: bundle }))
        .stdout;
    });
    ours = Math.min(ours, ms);
    const bareMs = await timeMs(async () => {
      hashed = (await exec(process.execPath, [bare, bundle], { cwd: bundle })).stdout;
    });
    command = Math.min(command, bareMs);
  }
  if (!hashed.startsWith(`${ENTRIES} entry lines`)) {
    throw new Error(
      `the bare SHA-256 command: ${hashed.trim()} (the bundle has ${ENTRIES} entries)`,
    );
  }
  // The in-process baseline hashes each entry's bytes as they lie in entries.jsonl on disk (no decoding).
  const file = await readFile(join(bundle, 'entries.jsonl'));
  const bytes: Buffer[] = [];
  for (let start = 0; start < file.length; ) {
    const newline = file.indexOf(0x0a, start);
    const end = newline < 0 ? file.length : newline;
    bytes.push(file.subarray(start, end));
    start = end + 1;
  }
  // NOTE: the same one-shot SHA-256 verify.mjs uses where Node has it, so the ratio is fair.
  const sha = typeof hash === 'function' ? (b: Buffer) => hash('sha256', b, 'hex') : undefined;
  let baseline = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i += 1) {
    const ms = await timeMs(() => {
      for (const b of bytes) sha ? sha(b) : createHash('sha256').update(b).digest();
    });
    baseline = Math.min(baseline, ms);
  }
  const valid = verdict.includes(`VALID: ${ENTRIES} entries`);
  return {
    name: `verify.mjs on a bundle of ${ENTRIES.toLocaleString('en')} entries (${valid ? 'VALID' : 'not VALID'}; summary recomputed)`,
    ours,
    baseline,
    unit: 'ms',
    baselineLabel: 'bare SHA-256 of each entry line as read from disk, in memory',
    moreBaselines: [
      {
        value: command,
        label:
          'a node command reading the bundle and SHA-256 of each entry line and each other file, as verify.mjs is run',
      },
    ],
    goal: 'ratio ≤ 3',
    met: valid && ours / baseline <= 3,
  };
}

export async function run(): Promise<BenchFigure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'loa-bench-bundle-'));
  try {
    return [await bundleFigure(dir)];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
