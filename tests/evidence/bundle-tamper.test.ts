import { execFile } from 'node:child_process';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { appendEvidence } from '../../src/evidence/log.js';
import { storeEvidenceFile } from '../../src/evidence/manual.js';
import { signNote } from '../../src/evidence/signed-note.js';
import { loadOrCreateSigningKey } from '../../src/evidence/signing-key.js';
import { evidenceKey } from '../../src/evidence/store-checkpoint.js';
import { openStore } from '../../src/store/open-store.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';
import { extractZip } from '../support/unzip.js';

/**
 * The permanent tamper suite of the auditor's bundle: a March of the fixture project (15
 * publications, a manual entry with an attached file, a correction voiding publication 3,
 * a checkpoint signed before the export) is exported once; each case edits or removes what
 * an auditor receives, runs the bundle's own `node verify.mjs`, and checks that it answers
 * INVALID (exit 1) naming the entry, file or summary line. The untouched bundle stays VALID.
 */
const FIXTURE = join(import.meta.dirname, '../fixtures/sched-project');
const run = promisify(execFile);

interface Bundle {
  dir: string;
  /** The attached file's name under files/. */
  file: string;
  /** Signs text as the agency (which holds the key) would. */
  resign(name: string, text: string): Promise<void>;
}

interface BundleCase {
  name: string;
  tamper(b: Bundle): Promise<void>;
  /** What verify.mjs must name. */
  names: string[];
  /** What it must not name (a neighbour of the change, which is intact). */
  absent?: string[];
}

const lines = async (b: Bundle, name: string) =>
  (await readFile(join(b.dir, name), 'utf8')).split('\n');
const edit = async (b: Bundle, name: string, change: (text: string) => string) =>
  writeFile(join(b.dir, name), change(await readFile(join(b.dir, name), 'utf8')));

/** The agency rewrites a file and re-signs the manifest over it (it holds the key). */
async function rewriteSigned(b: Bundle, name: string, change: (text: string) => string) {
  await edit(b, name, change);
  const { createHash } = await import('node:crypto');
  const manifest = (await readFile(join(b.dir, 'manifest.txt'), 'utf8')).split('\n\n')[0]!;
  const data = await readFile(join(b.dir, name));
  const sha = createHash('sha256').update(data).digest('hex');
  const body = manifest
    .split('\n')
    .map((l) => (l.endsWith(` ${name}`) ? `${sha} ${name}` : l))
    .join('\n');
  await b.resign('manifest.txt', `${body}\n`);
}

const CASES: BundleCase[] = [
  {
    name: 'an entry line deleted',
    tamper: async (b) => {
      const all = await lines(b, 'entries.jsonl');
      await writeFile(join(b.dir, 'entries.jsonl'), all.filter((_, i) => i !== 4).join('\n'));
    },
    names: ['entries.jsonl: changed', 'entry 4: missing'],
  },
  {
    name: 'an entry line deleted with its leaf hash, the manifest re-signed',
    tamper: async (b) => {
      const drop = (text: string) =>
        text
          .split('\n')
          .filter((_, i) => i !== 7)
          .join('\n');
      await rewriteSigned(b, 'entries.jsonl', drop);
      await rewriteSigned(b, 'leaves.txt', drop);
    },
    names: ['entry 7: missing', 'entries 16-16: missing (checkpoint.txt signs 17 entries'],
  },
  {
    name: 'the tail cut with its leaf hashes, the manifest re-signed',
    tamper: async (b) => {
      const cut = (text: string) => `${text.split('\n').slice(0, 12).join('\n')}\n`;
      await rewriteSigned(b, 'entries.jsonl', cut);
      await rewriteSigned(b, 'leaves.txt', cut);
    },
    names: ['entries 12-16: missing (checkpoint.txt signs 17 entries, the bundle has 12)'],
  },
  {
    name: 'an entry edited (its kind)',
    tamper: (b) =>
      rewriteSigned(b, 'entries.jsonl', (t) => {
        const all = t.split('\n');
        all[6] = all[6]!.replace('"kind":"publication"', '"kind":"manual"');
        return all.join('\n');
      }),
    names: ['entry 6: bytes changed'],
  },
  {
    name: 'an entry moved out of the period (its time)',
    tamper: (b) =>
      rewriteSigned(b, 'entries.jsonl', (t) => {
        const all = t.split('\n');
        all[9] = all[9]!.replace(/"time":"2024-03-/, '"time":"2024-04-');
        return all.join('\n');
      }),
    names: ['entry 9: bytes changed'],
  },
  {
    name: 'a forged entry appended',
    tamper: async (b) => {
      const forged = `{"actor":"dispatcher","channel":"cong","index":17,"kind":"publication","plan":"tinh-thu","time":"2024-03-30T02:00:00.000Z"}\n`;
      await rewriteSigned(b, 'entries.jsonl', (t) => t + forged);
    },
    names: ['entries 17-17: not signed by checkpoint.txt'],
  },
  {
    name: 'two entry lines swapped',
    tamper: (b) =>
      rewriteSigned(b, 'entries.jsonl', (t) => {
        const all = t.split('\n');
        [all[2], all[3]] = [all[3]!, all[2]!];
        return all.join('\n');
      }),
    names: ['entry 2: out of order or twice'],
  },
  {
    name: 'an entry line that is not JSON',
    tamper: (b) =>
      edit(b, 'entries.jsonl', (t) =>
        t
          .split('\n')
          .map((l, i) => (i === 3 ? 'not json' : l))
          .join('\n'),
      ),
    names: ['line 4: not JSON (entry 3 expected)'],
    absent: ['entry 4:', 'line 5'],
  },
  {
    // verify.mjs reads entries.jsonl 256 KiB at a time: this line spans several reads.
    name: 'an entry grown past the verifier’s read buffer (300,000 more bytes)',
    tamper: (b) =>
      edit(b, 'entries.jsonl', (t) =>
        t
          .split('\n')
          .map((l, i) => (i === 5 ? l.replace('{', `{"padding":"${'x'.repeat(300_000)}",`) : l))
          .join('\n'),
      ),
    names: ['entry 5: bytes changed'],
    absent: ['entry 6:', 'not JSON'],
  },
  {
    name: 'summary.csv edited (missed → met)',
    tamper: (b) => edit(b, 'summary.csv', (t) => t.replace(',0,missed,', ',4,met,')),
    names: ['summary.csv: changed'],
  },
  {
    name: 'summary.csv edited and the manifest re-signed by the agency',
    tamper: (b) => rewriteSigned(b, 'summary.csv', (t) => t.replace(',0,missed,', ',4,met,')),
    names: ['summary.csv line 3 (tinh-thu/chuyen-muc-cong 2024-04): says 4 of 4'],
  },
  {
    name: 'the status alone edited in summary.csv, the manifest re-signed',
    tamper: (b) => rewriteSigned(b, 'summary.csv', (t) => t.replace(',missed,', ',met,')),
    names: ['summary.csv line 3 (tinh-thu/chuyen-muc-cong 2024-04): says "met"'],
  },
  {
    name: 'a quoted status holding a comma in summary.csv, the manifest re-signed',
    tamper: (b) =>
      rewriteSigned(b, 'summary.csv', (t) => t.replace(',missed,', ',"missed, or ""met""",')),
    names: ['summary.csv line 3 (tinh-thu/chuyen-muc-cong 2024-04): says "missed, or "met""'],
  },
  {
    name: 'audit.json claims the voided publication, the manifest re-signed',
    tamper: (b) =>
      rewriteSigned(b, 'audit.json', (t) => {
        const audit = JSON.parse(t);
        const period = audit.plans[0].result.tasks[0].periods[0];
        period.evidence = [...period.evidence, 3].sort((x: number, y: number) => x - y);
        period.achieved += 1;
        return JSON.stringify(audit);
      }),
    names: ['audit.json tinh-thu/chuyen-muc-cong 2024-03: says'],
  },
  {
    name: 'summary.csv deleted',
    tamper: (b) => rm(join(b.dir, 'summary.csv')),
    names: ['summary.csv: missing'],
  },
  {
    name: 'audit.json deleted',
    tamper: (b) => rm(join(b.dir, 'audit.json')),
    names: ['audit.json: missing'],
  },
  {
    name: 'the attachment deleted',
    tamper: (b) => rm(join(b.dir, b.file)),
    names: ['attached file bien-ban.txt', 'missing'],
  },
  {
    name: 'the attachment changed',
    tamper: (b) => writeFile(join(b.dir, b.file), 'biên bản khác'),
    names: ['changed (manifest.txt says SHA-256', 'attached file bien-ban.txt'],
  },
  {
    name: 'an earlier checkpoint deleted',
    tamper: (b) => rm(join(b.dir, 'checkpoints/1.txt')),
    names: ['checkpoints/1.txt: missing'],
  },
  {
    name: 'an earlier checkpoint edited',
    tamper: (b) =>
      edit(b, 'checkpoints/1.txt', (t) => {
        const all = t.split('\n');
        all[1] = String(Number(all[1]) - 1);
        return all.join('\n');
      }),
    names: ['checkpoints/1.txt: changed', 'checkpoints/1.txt: the signature does not match'],
  },
  {
    name: 'checkpoint.txt deleted',
    tamper: (b) => rm(join(b.dir, 'checkpoint.txt')),
    names: ['checkpoint.txt: missing'],
  },
  {
    name: 'checkpoint.txt edited',
    tamper: (b) => edit(b, 'checkpoint.txt', (t) => t.replace('\n17\n', '\n16\n')),
    names: ['checkpoint.txt: the signature does not match'],
  },
  {
    name: 'leaves.txt deleted',
    tamper: (b) => rm(join(b.dir, 'leaves.txt')),
    names: ['leaves.txt: missing'],
  },
  {
    name: 'leaves.txt with an extra line',
    tamper: (b) => edit(b, 'leaves.txt', (t) => `${t}${'0'.repeat(64)}\n`),
    names: ['leaves.txt: changed'],
  },
  {
    name: 'leaves.txt without its last newline',
    tamper: (b) => edit(b, 'leaves.txt', (t) => t.slice(0, -1)),
    names: ['leaves.txt: changed'],
  },
  {
    name: 'entries.jsonl without its last newline',
    tamper: (b) => edit(b, 'entries.jsonl', (t) => t.slice(0, -1)),
    names: ['entries.jsonl: changed'],
  },
  {
    name: 'entries.jsonl deleted',
    tamper: (b) => rm(join(b.dir, 'entries.jsonl')),
    names: ['entries.jsonl: missing'],
  },
  {
    name: 'manifest.txt deleted',
    tamper: (b) => rm(join(b.dir, 'manifest.txt')),
    names: ['manifest.txt: missing'],
  },
  {
    name: 'key.txt replaced by another key',
    tamper: async (b) => {
      const other = await loadOrCreateSigningKey({
        dir: await tempDir('other-key'),
        name: 'loa.local/evidence',
      });
      await writeFile(join(b.dir, 'key.txt'), `${other.verifierKey}\n`);
    },
    names: ['manifest.txt: no signature by', 'checkpoint.txt: no signature by'],
  },
  {
    name: 'key.txt deleted',
    tamper: (b) => rm(join(b.dir, 'key.txt')),
    names: ['key.txt: missing'],
  },
];

describe('the tamper suite of the auditor bundle', () => {
  const saved = { ...process.env };
  let pristine: string;
  let file: string;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDir('bundle-suite');
    process.env.LOA_DATA_DIR = dataDir;
    process.env.LOA_LANG = 'en';
    delete process.env.LOA_DATABASE_URL;
    const loa = async (args: string[]) => {
      const out = captureOutput();
      const code = await main(args, out);
      expect(code, out.all()).toBe(0);
    };
    await loa(['simulate', '--dir', FIXTURE, '--from', '2024-03-01', '--to', '2024-03-31']);
    const source = join(dataDir, 'bien-ban.txt');
    await writeFile(source, 'Biên bản hội nghị CCHC tháng 3');
    const attached = await storeEvidenceFile(source, dataDir);
    file = `files/${attached.sha256}`;
    const store = await openStore({ dataDir });
    await store.transaction(async (tx) => {
      await appendEvidence(tx, {
        kind: 'manual',
        plan: 'tinh-thu',
        task: 'hoi-nghi',
        time: '2024-03-20T03:00:00Z',
        actor: 'can-bo',
        files: [{ ...attached, name: 'bien-ban.txt' }],
      });
    });
    await store.close();
    await loa(['evidence', 'checkpoint']);
    const s2 = await openStore({ dataDir });
    await s2.transaction((tx) =>
      appendEvidence(tx, {
        kind: 'correction',
        corrects: 3,
        void: true,
        time: '2024-03-25T03:00:00Z',
        actor: 'can-bo',
      }),
    );
    await s2.close();
    const zip = join(dataDir, 'march.zip');
    await loa([
      'evidence',
      'export',
      '--dir',
      FIXTURE,
      '--from',
      '2024-03-01',
      '--to',
      '2024-04-30',
      '--out',
      zip,
    ]);
    pristine = await tempDir('bundle-pristine');
    await extractZip(zip, pristine);
  });
  afterAll(() => {
    process.env = saved;
  });

  async function verifyBundle(dir: string) {
    try {
      const { stdout, stderr } = await run(process.execPath, [join(dir, 'verify.mjs')], {
        cwd: dir,
      });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  }

  async function copy(): Promise<Bundle> {
    const dir = await tempDir('bundle-case');
    await cp(pristine, dir, { recursive: true });
    const key = await evidenceKey(dataDir, {});
    return {
      dir,
      file,
      resign: (name, text) => writeFile(join(dir, name), signNote(text, key)),
    };
  }

  it('the untouched bundle is VALID: the whole log, the voided publication not counted', async () => {
    const b = await copy();
    expect((await readdir(join(b.dir, 'files'))).length).toBe(1);
    const result = await verifyBundle(b.dir);
    expect(result.out).toContain('VALID: 17 entries');
    expect(result.out).toContain('entries 0-16 are all here');
    expect(result.code).toBe(0);
    const summary = await readFile(join(b.dir, 'summary.csv'), 'utf8');
    expect(summary).not.toMatch(/#3 /);
  });

  it.each(CASES)('names $name', async (c) => {
    const b = await copy();
    await c.tamper(b);
    const result = await verifyBundle(b.dir);
    expect(result.code, result.out).toBe(1);
    expect(result.out).toContain('INVALID');
    expect(result.out).not.toMatch(/\n\s+at /);
    for (const name of c.names) expect(result.out).toContain(name);
    for (const name of c.absent ?? []) expect(result.out).not.toContain(name);
  });
});
