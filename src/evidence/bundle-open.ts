import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import { LoaError } from '../errors/loa-error.js';
import { type MessageCode, message } from '../i18n/catalogue.js';
import { MANIFEST_TITLE } from './bundle.js';
import { verifyCheckpoint } from './checkpoint.js';
import { CompactRange } from './compact-range.js';
import { type NoteVerifier, openNote } from './signed-note.js';
import { leafHash, sameHash } from './tree-hash.js';

/** A bundle's files by name, as read from its zip. */
export type BundleFiles = ReadonlyMap<string, Buffer>;

/** What a bundle that checked out holds, as the import stores it. */
export interface CheckedBundle {
  size: number;
  rootHex: string;
  /** The signed checkpoint.txt. */
  checkpoint: string;
  /** Each entry's exact bytes (text, no newline), index order. */
  lines: string[];
  /** Each entry's leaf hash, hex. */
  leaves: string[];
  /** The root of the first n entries, hex, for each n asked for (`rootsAt`) up to `size`. */
  rootsAt: Map<number, string>;
  /** By plan, by channel: the tasks each of the unit's channels serves (audit.json). */
  serving: Record<string, Record<string, string[]>>;
  /** The kind of each of the unit's channels (audit.json). */
  channelKinds: Record<string, string>;
}

/** At most this much unzipped: a bundle of a few million entries, not a zip bomb. */
const MAX_UNZIPPED = 2 * 1024 ** 3;

/** Reads every file of a zip into memory; a broken zip or a path outside it is refused. */
export async function readZip(bytes: Buffer, bundle: string): Promise<Map<string, Buffer>> {
  const unreadable = (reason: string) =>
    new LoaError('IMPORT_BUNDLE_UNREADABLE', { params: { bundle, reason } });
  const files = new Map<string, Buffer>();
  let total = 0;
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) =>
      error || !file ? reject(unreadable(error?.message ?? 'not a zip')) : resolve(file),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (error: Error) => reject(unreadable(error.message)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      total += entry.uncompressedSize;
      if (total > MAX_UNZIPPED) return reject(unreadable('over 2 GiB unzipped'));
      if (files.has(entry.fileName)) return reject(unreadable(`${entry.fileName} twice`));
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(unreadable(error?.message ?? entry.fileName));
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', (e: Error) => reject(unreadable(e.message)));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return files;
}

/** The verifier key a bundle says it is signed with (key.txt), unchecked: to find the unit. */
export function bundleKey(files: BundleFiles, bundle: string): string {
  const key = files.get('key.txt');
  if (key === undefined) throw invalid(bundle, 'IMPORT_PROBLEM_MISSING_FILE', { file: 'key.txt' });
  return key.toString('utf8').trim();
}

function invalid(bundle: string, code: MessageCode, params: Record<string, string | number>) {
  // biome-ignore lint/suspicious/noExplicitAny: each problem code takes its own params
  const problem = message(code as any, params as any);
  return new LoaError('IMPORT_BUNDLE_INVALID', { params: { bundle, problem } });
}

const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const BY_ROOT = new Set(['entries.jsonl', 'leaves.txt']);

/**
 * Checks a bundle with the key of the unit it claims to be, as its own verify.mjs does: the
 * manifest's signature and every file it lists (and no file it does not); the checkpoint's
 * signature; entries.jsonl one entry a line, indices 0 … size - 1 in order, each line's leaf
 * hash as listed in leaves.txt, all of them giving the checkpoint's root; every earlier
 * checkpoint's root; each attached file of the period's entries. (entries.jsonl and leaves.txt
 * are proven by the signed root, so their manifest hashes are not recomputed.) The first
 * problem found throws IMPORT_BUNDLE_INVALID naming it. `rootsAt` asks for the roots of
 * prefixes (an earlier import's size) to compare with.
 */
export function checkBundle(
  files: BundleFiles,
  verifier: NoteVerifier,
  bundle: string,
  rootsAt: readonly number[] = [],
): CheckedBundle {
  const fail = (code: MessageCode, params: Record<string, string | number>) =>
    invalid(bundle, code, params);
  const file = (name: string): Buffer => {
    const bytes = files.get(name);
    if (bytes === undefined) throw fail('IMPORT_PROBLEM_MISSING_FILE', { file: name });
    return bytes;
  };
  const signed = <T>(name: string, open: () => T): T => {
    try {
      return open();
    } catch (error) {
      throw fail('IMPORT_PROBLEM_SIGNATURE', { file: name, reason: (error as Error).message });
    }
  };

  // 1. The manifest, signed by the unit: every file and its SHA-256.
  const manifest = signed('manifest.txt', () =>
    openNote(file('manifest.txt').toString('utf8'), verifier),
  );
  const lines = manifest.slice(0, -1).split('\n');
  if (lines[0] !== MANIFEST_TITLE) {
    throw fail('IMPORT_PROBLEM_SIGNATURE', { file: 'manifest.txt', reason: 'not a loa bundle' });
  }
  const period = /^period (\S+) (\S+)$/.exec(lines[1] ?? '');
  const listed = new Map<string, string>();
  for (const line of lines.slice(2)) {
    const m = /^([0-9a-f]{64}) (.+)$/.exec(line);
    if (m) listed.set(m[2] as string, m[1] as string);
  }
  for (const name of files.keys()) {
    if (name !== 'manifest.txt' && !listed.has(name)) {
      throw fail('IMPORT_PROBLEM_UNLISTED_FILE', { file: name });
    }
  }
  for (const [name, sha] of listed) {
    const bytes = file(name);
    if (!BY_ROOT.has(name) && sha256Hex(bytes) !== sha) {
      throw fail('IMPORT_PROBLEM_FILE_CHANGED', { file: name });
    }
  }

  // 2. The checkpoint, and the entries that must give its root.
  const head = signed('checkpoint.txt', () =>
    verifyCheckpoint(file('checkpoint.txt').toString('utf8'), verifier),
  );
  const earlier = [...listed.keys()]
    .filter((n) => n.startsWith('checkpoints/'))
    .map((name) => ({
      name,
      cp: signed(name, () => verifyCheckpoint(file(name).toString('utf8'), verifier)),
    }));
  const text = file('entries.jsonl').toString('utf8');
  const leavesText = file('leaves.txt').toString('latin1');
  const entryLines = text.split('\n');
  const leafLines = leavesText.split('\n');
  // Exactly as loa writes them: one line each, each ending with a newline.
  if (entryLines.pop() !== '') throw fail('IMPORT_PROBLEM_FILE_CHANGED', { file: 'entries.jsonl' });
  if (entryLines.length !== head.size) {
    throw fail('IMPORT_PROBLEM_COUNT', { found: entryLines.length, size: head.size });
  }
  if (leafLines.pop() !== '' || leafLines.length !== entryLines.length) {
    throw fail('IMPORT_PROBLEM_FILE_CHANGED', { file: 'leaves.txt' });
  }
  const wanted = new Set([...rootsAt, ...earlier.map((e) => e.cp.size)]);
  const roots = new Map<number, Uint8Array>();
  const range = new CompactRange();
  if (wanted.has(0)) roots.set(0, range.root());
  const leaves: string[] = new Array(entryLines.length);
  const attached: { index: number; name: string; sha256: string }[] = [];
  for (let n = 0; n < entryLines.length; n += 1) {
    const line = entryLines[n] as string;
    const leaf = Buffer.from(leafHash(Buffer.from(line, 'utf8'))).toString('hex');
    if (leaf !== leafLines[n]) throw fail('IMPORT_PROBLEM_ENTRY_CHANGED', { index: n });
    leaves[n] = leaf;
    range.append(Buffer.from(leaf, 'hex'));
    if (wanted.has(n + 1)) roots.set(n + 1, range.root());
    let entry: { index?: unknown; time?: unknown; files?: unknown };
    try {
      entry = JSON.parse(line);
    } catch {
      throw fail('IMPORT_PROBLEM_ENTRY_MISPLACED', { line: n + 1, index: n });
    }
    if (entry?.index !== n) throw fail('IMPORT_PROBLEM_ENTRY_MISPLACED', { line: n + 1, index: n });
    if (Array.isArray(entry.files) && period && typeof entry.time === 'string') {
      if (entry.time >= (period[1] as string) && entry.time < (period[2] as string)) {
        for (const f of entry.files as { name: string; sha256: string }[]) {
          attached.push({ index: n, name: f.name, sha256: f.sha256 });
        }
      }
    }
  }
  if (!sameHash(range.root(), head.rootHash)) {
    throw fail('IMPORT_PROBLEM_ROOT', { file: 'checkpoint.txt' });
  }
  for (const { name, cp } of earlier) {
    const root = roots.get(cp.size);
    if (root === undefined || !sameHash(root, cp.rootHash)) {
      throw fail('IMPORT_PROBLEM_ROOT', { file: name });
    }
  }

  // 3. The period's attached files.
  for (const a of attached) {
    const bytes = files.get(`files/${a.sha256}`);
    if (bytes === undefined || sha256Hex(bytes) !== a.sha256) {
      throw fail('IMPORT_PROBLEM_ATTACHMENT', { index: a.index, name: a.name });
    }
  }

  // 4. Which of the unit's channels serve which tasks, from its own audit of the period.
  const { serving, channelKinds } = servingOf(file('audit.json'), fail);
  return {
    size: head.size,
    rootHex: Buffer.from(head.rootHash).toString('hex'),
    checkpoint: file('checkpoint.txt').toString('utf8'),
    lines: entryLines,
    leaves,
    rootsAt: new Map(
      [...roots].filter(([n]) => rootsAt.includes(n)).map(([n, r]) => [n, toHex(r)]),
    ),
    serving,
    channelKinds,
  };
}

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

interface BundleAuditJson {
  plans?: {
    result?: { plan?: { id?: string }; tasks?: { id?: string; channels?: string[] }[] };
    channelKinds?: Record<string, string>;
  }[];
}

function servingOf(
  bytes: Buffer,
  fail: (code: MessageCode, params: Record<string, string | number>) => LoaError,
) {
  let audit: BundleAuditJson;
  try {
    audit = JSON.parse(bytes.toString('utf8')) as BundleAuditJson;
  } catch {
    throw fail('IMPORT_PROBLEM_FILE_CHANGED', { file: 'audit.json' });
  }
  const serving: Record<string, Record<string, string[]>> = {};
  const channelKinds: Record<string, string> = {};
  for (const p of audit.plans ?? []) {
    Object.assign(channelKinds, p.channelKinds ?? {});
    const plan = p.result?.plan?.id;
    if (typeof plan !== 'string') continue;
    const byChannel = serving[plan] ?? {};
    serving[plan] = byChannel;
    for (const task of p.result?.tasks ?? []) {
      if (typeof task.id !== 'string') continue;
      for (const channel of task.channels ?? []) {
        const tasks = byChannel[channel] ?? [];
        byChannel[channel] = tasks;
        if (!tasks.includes(task.id)) tasks.push(task.id);
      }
    }
  }
  return { serving, channelKinds };
}
