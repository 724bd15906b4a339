import { createWriteStream, existsSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { DateTime } from 'luxon';
import yazl from 'yazl';
import { LoaError } from '../errors/loa-error.js';
import type { Store } from '../store/types.js';
import { bundleReadme } from './bundle-readme.js';
import { VERIFY_SCRIPT } from './bundle-verify-script.js';
import type { EvidenceFile } from './log.js';
import { leafHashes } from './log-proofs.js';
import { verifyLog } from './log-verify.js';
import { EVIDENCE_FILES_DIR } from './manual.js';
import { consistencyProof, inclusionProof } from './merkle.js';
import type { SigningKey } from './signing-key.js';
import { createCheckpoint, listCheckpoints } from './store-checkpoint.js';

/** What an auditor bundle holds and where it goes. */
export interface BundleOptions {
  /** Entries whose time is at or after `from` and before `to` (UTC ISO). */
  from: string;
  to: string;
  /** The zip file to write. */
  out: string;
  key: SigningKey;
  dataDir: string;
  now: DateTime;
  /** The quota summary over the range (renderAudit csv), when a project was at hand. */
  summaryCsv?: string;
  /** Human label of the range for the README (`2024-03-01 – 2024-03-31`). */
  label: string;
}

/** What was exported. */
export interface BundleResult {
  path: string;
  entries: number;
  checkpointSize: number;
  files: number;
}

const hex = (hash: Uint8Array) => Buffer.from(hash).toString('hex');

/**
 * Writes the auditor bundle (zip): `entries.jsonl` (each entry's exact bytes, one a line),
 * `checkpoint.txt` (signed now, over the whole log), earlier checkpoints with consistency
 * proofs to it, `proofs.json` (inclusion of each exported entry), `key.pem` and `key.txt`,
 * the attached files (`files/<sha256>`), `summary.csv`, a Vietnamese `README.md` and a
 * standalone `verify.mjs`. The log is verified first: an altered log is not exported (and so
 * never signed over), EVIDENCE_VERIFY_FAILED instead.
 */
export async function exportBundle(store: Store, options: BundleOptions): Promise<BundleResult> {
  const report = await verifyLog(store.db, {
    engine: store.engine,
    verifier: options.key.verifier,
  });
  if (report.problems.length > 0) {
    throw new LoaError('EVIDENCE_VERIFY_FAILED', { params: { count: report.problems.length } });
  }
  const earlier = await listCheckpoints(store.db);
  const head = await createCheckpoint(store, options.key, options.now);
  const rows = await store.db
    .selectFrom('evidence_entries')
    .select(['idx', 'entry', 'leaf_hash'])
    .where('time', '>=', options.from)
    .where('time', '<', options.to)
    .where('idx', '<', head.size)
    .orderBy('idx')
    .execute();
  const leaves = await leafHashes(store.db, head.size);
  const zip = new yazl.ZipFile();
  const add = (name: string, data: string | Buffer) =>
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, name, {
      mtime: options.now.toJSDate(),
    });

  add('entries.jsonl', rows.map((r) => `${r.entry}\n`).join(''));
  const proofs = rows.map((r) => ({
    index: Number(r.idx),
    size: head.size,
    leafHash: r.leaf_hash,
    rootHash: head.rootHashHex,
    proof: inclusionProof(leaves, Number(r.idx), head.size).map(hex),
  }));
  add('proofs.json', `${JSON.stringify(proofs, null, 1)}\n`);
  add('checkpoint.txt', head.note);
  const consistency = [];
  for (const cp of earlier) {
    const name = `checkpoints/${cp.id}.txt`;
    add(name, cp.note);
    if (cp.size < 1 || cp.size > head.size) continue;
    const proof = consistencyProof(leaves, cp.size, head.size).map(hex);
    consistency.push({ checkpoint: name, size1: cp.size, size2: head.size, proof });
  }
  add('consistency.json', `${JSON.stringify(consistency, null, 1)}\n`);
  add('key.pem', options.key.publicKeyPem);
  add('key.txt', `${options.key.verifierKey}\n`);

  const files = new Map<string, EvidenceFile>();
  for (const r of rows) {
    for (const f of (JSON.parse(r.entry) as { files?: EvidenceFile[] }).files ?? []) {
      files.set(f.sha256, f);
    }
  }
  const missing: string[] = [];
  for (const f of files.values()) {
    const stored = join(options.dataDir, EVIDENCE_FILES_DIR, f.sha256);
    if (existsSync(stored)) zip.addFile(stored, `files/${f.sha256}`);
    else missing.push(`${f.sha256}  ${f.name}`);
  }
  if (missing.length > 0) add('files-missing.txt', `${missing.join('\n')}\n`);
  if (options.summaryCsv !== undefined) add('summary.csv', options.summaryCsv);
  add(
    'README.md',
    bundleReadme({
      label: options.label,
      entries: rows.length,
      size: head.size,
      root: head.rootHashHex,
      origin: options.key.name,
      signedAt: head.signedAt,
      files: files.size - missing.length,
    }),
  );
  add('verify.mjs', VERIFY_SCRIPT);
  await writeZip(zip, options.out);
  return { path: options.out, entries: rows.length, checkpointSize: head.size, files: files.size };
}

/** Ends the zip and writes it to a temp file renamed into place. */
async function writeZip(zip: yazl.ZipFile, out: string): Promise<void> {
  const temp = `${out}.${process.pid}.tmp`;
  try {
    await new Promise<void>((resolve, reject) => {
      const stream = createWriteStream(temp);
      zip.outputStream.on('error', reject).pipe(stream).on('error', reject).on('close', resolve);
      zip.end();
    });
    await rename(temp, out);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
