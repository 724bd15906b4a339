import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readEvidence } from '../../src/evidence/log.js';
import { EVIDENCE_FILES_DIR } from '../../src/evidence/manual.js';
import { openStore, storeOptionsFrom } from '../../src/store/open-store.js';
import { captureOutput } from '../support/capture-output.js';
import { storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';

/** The repository itself: its plans name the manual tasks. */
const ROOT = join(import.meta.dirname, '../..');

async function loa(args: string[]) {
  const out = captureOutput();
  const code = await main([...args, '--dir', ROOT], out);
  return { code, out: out.stdout.join('\n'), err: out.stderr.join('\n') };
}

async function log() {
  const store = await openStore(storeOptionsFrom());
  try {
    return await readEvidence(store);
  } finally {
    await store.close();
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const engines = await storeEngines();

describe.each(engines)('loa evidence add on $name', (engine) => {
  let dataDir: string;
  let files: string[];
  beforeAll(async () => {
    const env = await engine.env();
    delete process.env.LOA_DATABASE_URL;
    Object.assign(process.env, env, { LOA_LANG: 'en' });
    dataDir = env.LOA_DATA_DIR as string;
    const folder = await tempDir('manual-files');
    files = [join(folder, 'bien-ban-hoi-nghi.pdf'), join(folder, 'anh-hoi-nghi.jpg')];
    await writeFile(files[0] as string, '%PDF-1.4 biên bản hội nghị tập huấn CCHC\n');
    await writeFile(files[1] as string, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  });

  it('records a training as a manual entry of the task, its files stored by hash', async () => {
    const note = 'Hội nghị tập huấn CCHC cho cán bộ một cửa'.normalize('NFD');
    const added = await loa([
      'evidence',
      'add',
      '--plan',
      'thai-binh-2024',
      '--task',
      'hoi-nghi-tap-huan',
      '--date',
      '2024-03-15',
      '--file',
      files[0] as string,
      '--file',
      files[1] as string,
      '--note',
      note,
    ]);
    expect(added.code).toBe(0);
    const entry = (await log()).at(-1);
    expect(entry).toMatchObject({
      kind: 'manual',
      plan: 'thai-binh-2024',
      task: 'hoi-nghi-tap-huan',
      unit: 'so-noi-vu',
      // Noon in the plan's zone (UTC+7), so the entry stays inside 15 March.
      time: '2024-03-15T05:00:00.000Z',
      note: note.normalize('NFC'),
    });
    for (const [i, path] of files.entries()) {
      const bytes = await readFile(path);
      const hash = sha256(bytes);
      expect(entry?.files?.[i]).toEqual({
        name: basename(path),
        sha256: hash,
        bytes: bytes.length,
      });
      expect(await readFile(join(dataDir, EVIDENCE_FILES_DIR, hash))).toEqual(bytes);
    }
  });

  it('refuses a task the plan does not have, naming the known ones, and writes nothing', async () => {
    const before = await log();
    const stored = await readdir(join(dataDir, EVIDENCE_FILES_DIR));
    const other = join(await tempDir('manual-other'), 'khac.txt');
    await writeFile(other, 'not stored');
    const refused = await loa([
      'evidence',
      'add',
      '--plan',
      'thai-binh-2024',
      '--task',
      'hoi-nghi-khong-co',
      '--date',
      '2024-03-15',
      '--file',
      other,
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('EVIDENCE_TASK_NOT_FOUND');
    expect(refused.err).toContain('Plan thai-binh-2024 has no task "hoi-nghi-khong-co"');
    expect(refused.err).toContain('hoi-nghi-tap-huan');
    expect(await log()).toEqual(before);
    expect(await readdir(join(dataDir, EVIDENCE_FILES_DIR))).toEqual(stored);
  });

  it('refuses a task that counts publications, and a day outside the plan, writing nothing', async () => {
    const before = await log();
    const stored = await readdir(join(dataDir, EVIDENCE_FILES_DIR));
    const other = join(await tempDir('manual-other'), 'khac.pdf');
    await writeFile(other, '%PDF-1.4 not stored');
    const add = (task: string, date: string) =>
      loa([
        'evidence',
        'add',
        '--plan',
        'thai-binh-2024',
        '--task',
        task,
        '--date',
        date,
        '--file',
        other,
      ]);
    const portal = await add('chuyen-trang-cong-tinh', '2024-03-15');
    expect(portal.code).not.toBe(0);
    expect(portal.err).toContain('EVIDENCE_TASK_NOT_MANUAL');
    expect(portal.err).toContain(
      'Task "chuyen-trang-cong-tinh" of plan thai-binh-2024 takes no evidence by hand',
    );
    const late = await add('hoi-nghi-tap-huan', '2025-01-02');
    expect(late.code).not.toBe(0);
    expect(late.err).toContain('EVIDENCE_DATE_OUTSIDE_PLAN');
    expect(late.err).toContain('2025-01-02');
    expect(await log()).toEqual(before);
    expect(await readdir(join(dataDir, EVIDENCE_FILES_DIR))).toEqual(stored);
  });
});
