import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { LoaError } from '../errors/loa-error.js';
import { type MessageCode, message } from '../i18n/catalogue.js';
import { MANIFEST_TITLE } from './bundle.js';
import { lineForm } from './canonical-line.js';
import { verifyCheckpoint } from './checkpoint.js';
import { type NoteVerifier, openNote } from './signed-note.js';
import { sameHash } from './tree-hash.js';

/** A bundle's files by name, as read from its zip. */
export type BundleFiles = ReadonlyMap<string, Buffer>;

/** What a bundle that checked out holds, as the import stores it. */
export interface CheckedBundle {
  size: number;
  rootHex: string;
  /** The signed checkpoint.txt. */
  checkpoint: string;
  /** entries.jsonl: each entry's exact bytes, one a line. */
  entries: Buffer;
  /** The offset of each entry's newline in `entries`. */
  ends: number[];
  /** leaves.txt: each entry's leaf hash, 64 lowercase hex digits and a newline. */
  leaves: Buffer;
  /** The root of the first n entries, hex, for each n asked for (`rootsAt`) up to `size`. */
  rootsAt: Map<number, string>;
  /** By plan, by channel: the tasks each of the unit's channels serves (audit.json). */
  serving: Record<string, Record<string, string[]>>;
  /** The kind of each of the unit's channels (audit.json). */
  channelKinds: Record<string, string>;
  /** By plan, by task: the parent plans' tasks the task carries out (audit.json). */
  implements: Implementing;
}

/** By plan, by task of the unit's own plans: the tasks of parent plans it carries out. */
export type Implementing = Record<string, Record<string, { plan: string; task: string }[]>>;

/** At most this much unzipped: a bundle of a few million entries, not a zip bomb. */
const MAX_UNZIPPED = 2 * 1024 ** 3;

/** Reads every file of a zip into memory; a broken zip or a path outside it is refused. */
export async function readZip(bytes: Buffer, bundle: string): Promise<Map<string, Buffer>> {
  const unreadable = (reason: string) =>
    new LoaError('IMPORT_BUNDLE_UNREADABLE', { params: { bundle, reason } });
  const names = new Set<string>();
  // Each file as it is inflated (in the thread pool), in the zip's order; never rejects.
  const reading: Promise<Buffer | LoaError>[] = [];
  let total = 0;
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) =>
      error || !file ? reject(unreadable(error?.message ?? 'not a zip')) : resolve(file),
    ),
  );
  // The zip's own problem, and how many files were being read when it was found.
  const listed = await new Promise<{ problem?: LoaError; at: number }>((resolve) => {
    const refuse = (reason: string) => resolve({ problem: unreadable(reason), at: reading.length });
    zip.on('error', (error: Error) => refuse(error.message));
    zip.on('end', () => resolve({ at: reading.length }));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      total += entry.uncompressedSize;
      if (total > MAX_UNZIPPED) return refuse('over 2 GiB unzipped');
      if (names.has(entry.fileName)) return refuse(`${entry.fileName} twice`);
      names.add(entry.fileName);
      zip.readLocalFileHeader(entry, { minimal: true }, (error, header) => {
        if (error) return refuse(error.message);
        reading.push(
          entryBytes(bytes, entry, header.fileDataStart).catch((e: Error) =>
            unreadable(`${entry.fileName}: ${e.message}`),
          ),
        );
        zip.readEntry();
      });
    });
    zip.readEntry();
  });
  // The first problem in the zip's order, as when each file was read before the next.
  const read = await Promise.all(reading);
  const files = new Map<string, Buffer>();
  for (const [i, name] of [...names].entries()) {
    const data = read[i];
    if (i >= listed.at && listed.problem) throw listed.problem;
    if (data instanceof LoaError) throw data;
    if (data !== undefined) files.set(name, data);
  }
  if (listed.problem) throw listed.problem;
  return files;
}

/** The output of one inflate: the whole file at once (up to this much) in the thread pool. */
const MAX_CHUNK = 64 * 1024 ** 2;
const inflate = promisify(inflateRaw);

/**
 * One file of a zip held in memory: its stored bytes, or its deflated bytes inflated in one
 * call, never more than the size the zip declares and exactly that size.
 * NOTE: inflated whole in the thread pool, its output in one chunk of the size declared (yauzl's
 * stream of small chunks through the thread pool cost as much as checking the bundle), so a
 * bundle inflates while the one before it is checked and stored. Like that stream, the CRC is
 * not checked (the manifest's signature and hashes, and the signed root, prove every byte).
 */
async function entryBytes(bytes: Buffer, entry: yauzl.Entry, start: number): Promise<Buffer> {
  if (entry.isEncrypted()) throw new Error('encrypted');
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new Error('truncated');
  const stored = bytes.subarray(start, end);
  let data: Buffer;
  if (entry.compressionMethod === 0) data = stored;
  else if (entry.compressionMethod === 8) {
    try {
      // One byte over the declared size is enough to tell that it lies.
      data = await inflate(stored, {
        maxOutputLength: entry.uncompressedSize + 1,
        chunkSize: Math.min(Math.max(entry.uncompressedSize + 1, 16 * 1024), MAX_CHUNK),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw error;
      throw new Error(`more than the ${entry.uncompressedSize} bytes the zip declares`);
    }
  } else throw new Error(`unsupported compression method ${entry.compressionMethod}`);
  if (data.length !== entry.uncompressedSize) {
    throw new Error(`${data.length} bytes, not the ${entry.uncompressedSize} the zip declares`);
  }
  return data;
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
  const entriesBytes = file('entries.jsonl');
  const leavesFile = file('leaves.txt');
  // Exactly as loa writes them: one entry a line, each ending with a newline; leaves.txt one
  // 64-digit lowercase hex leaf a line.
  const ends: number[] = [];
  for (let at = entriesBytes.indexOf(0x0a); at >= 0; at = entriesBytes.indexOf(0x0a, at + 1)) {
    ends.push(at);
  }
  if (entriesBytes.length > 0 && entriesBytes[entriesBytes.length - 1] !== 0x0a) {
    throw fail('IMPORT_PROBLEM_FILE_CHANGED', { file: 'entries.jsonl' });
  }
  if (ends.length !== head.size) {
    throw fail('IMPORT_PROBLEM_COUNT', { found: ends.length, size: head.size });
  }
  const listedLeaves = leavesFile.length === 65 * ends.length ? leavesOf(leavesFile) : undefined;
  if (listedLeaves === undefined) {
    throw fail('IMPORT_PROBLEM_FILE_CHANGED', { file: 'leaves.txt' });
  }
  const wanted = new Set([...rootsAt, ...earlier.map((e) => e.cp.size)]);
  const roots = new Map<number, Uint8Array>();
  const tree = new LatinTree();
  if (wanted.has(0)) roots.set(0, tree.root());
  const attached: { index: number; name: string; sha256: string }[] = [];
  // NOTE: the keys below are searched from each line on, not in a view of it (a view per
  // line costs an allocation): a hit past the line's end is kept for the lines after it.
  const keys = new KeySearch(entriesBytes);
  for (let n = 0, from = 0; n < ends.length; n += 1) {
    const to = ends[n] as number;
    const leaf = leafHashLatin1(entriesBytes, from, to);
    if (!sameLeaf(leaf, listedLeaves, n)) throw fail('IMPORT_PROBLEM_ENTRY_CHANGED', { index: n });
    tree.append(leaf);
    if (wanted.has(n + 1)) roots.set(n + 1, tree.root());
    // Signed by the unit, yet not an entry as loa writes it: its loa is broken or forged.
    const form = lineForm(entriesBytes, from, to);
    if (form !== 'canonical') {
      const code = form === 'not-json' ? 'IMPORT_PROBLEM_NOT_JSON' : 'IMPORT_PROBLEM_NOT_CANONICAL';
      throw fail(code, { file: 'entries.jsonl', line: n + 1 });
    }
    if (indexOfLine(entriesBytes, from, to, keys) !== n) {
      throw fail('IMPORT_PROBLEM_ENTRY_MISPLACED', { line: n + 1, index: n });
    }
    // Only an entry with attached files is read whole (the leaf hash proves the rest).
    if (period && keys.inLine(FILES_KEY, from, to) >= 0) {
      const entry = JSON.parse(entriesBytes.toString('utf8', from, to)) as {
        time?: unknown;
        files?: { name: string; sha256: string }[];
      };
      const time = typeof entry.time === 'string' ? entry.time : '';
      if (time >= (period[1] as string) && time < (period[2] as string)) {
        for (const f of entry.files ?? []) {
          attached.push({ index: n, name: f.name, sha256: f.sha256 });
        }
      }
    }
    from = to + 1;
  }
  if (!sameHash(tree.root(), head.rootHash)) {
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
  const { serving, channelKinds, implements: implementing } = servingOf(file('audit.json'), fail);
  return {
    size: head.size,
    rootHex: Buffer.from(head.rootHash).toString('hex'),
    checkpoint: file('checkpoint.txt').toString('utf8'),
    entries: entriesBytes,
    ends,
    leaves: leavesFile,
    rootsAt: new Map(
      [...roots].filter(([n]) => rootsAt.includes(n)).map(([n, r]) => [n, toHex(r)]),
    ),
    serving,
    channelKinds,
    implements: implementing,
  };
}

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

interface BundleAuditJson {
  plans?: {
    result?: { plan?: { id?: string }; tasks?: { id?: string; channels?: string[] }[] };
    channelKinds?: Record<string, string>;
    implements?: Record<string, unknown>;
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
  const implementing: Implementing = {};
  for (const p of audit.plans ?? []) {
    Object.assign(channelKinds, p.channelKinds ?? {});
    const plan = p.result?.plan?.id;
    if (typeof plan !== 'string') continue;
    const refs = taskRefsOf(p.implements);
    if (refs !== undefined) implementing[plan] = refs;
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
  return { serving, channelKinds, implements: implementing };
}

/** A plan's `implements` of audit.json, keeping only well-formed `{ plan, task }` pairs. */
function taskRefsOf(value: unknown): Implementing[string] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const out: Implementing[string] = {};
  for (const [task, refs] of Object.entries(value)) {
    if (!Array.isArray(refs)) continue;
    const kept = refs.flatMap((r: { plan?: unknown; task?: unknown }) =>
      typeof r?.plan === 'string' && typeof r.task === 'string'
        ? [{ plan: r.plan, task: r.task }]
        : [],
    );
    if (kept.length > 0) out[task] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const FILES_KEY = Buffer.from('"files":[');
const INDEX_KEY = Buffer.from('"index":');

/**
 * Where keys lie in a bundle's entries, searched from a line on: the next hit of each key is
 * kept, so the lines of a file are searched once in all, not once per line.
 */
class KeySearch {
  readonly #next = new Map<Buffer, number>();

  constructor(readonly bytes: Buffer) {}

  /** The first offset of key in bytes[from, to) (a line: no newline in key), or -1. */
  inLine(key: Buffer, from: number, to: number): number {
    let at = this.#next.get(key);
    if (at === undefined || (at >= 0 && at < from)) {
      at = this.bytes.indexOf(key, from);
      this.#next.set(key, at);
    }
    return at >= 0 && at < to ? at : -1;
  }
}

/**
 * The `index` of the entry in bytes[from, to): the first `"index":` key (a quote inside a JSON
 * string is escaped, so a key is never preceded by a backslash), or -1.
 */
function indexOfLine(bytes: Buffer, from: number, to: number, keys: KeySearch): number {
  let at = keys.inLine(INDEX_KEY, from, to);
  while (at > from && bytes[at - 1] === 0x5c) at = keys.inLine(INDEX_KEY, at + 1, to);
  if (at <= from || (bytes[at - 1] !== 0x7b && bytes[at - 1] !== 0x2c)) return -1;
  let value = 0;
  let i = at + INDEX_KEY.length;
  const first = i;
  for (; i < to && (bytes[i] as number) >= 0x30 && (bytes[i] as number) <= 0x39; i += 1) {
    value = value * 10 + ((bytes[i] as number) - 0x30);
  }
  if (i === first || (i - first > 1 && bytes[first] === 0x30)) return -1;
  return bytes[i] === 0x2c || bytes[i] === 0x7d ? value : -1;
}

/** The value of each lowercase hex digit by its byte, -1 for any other byte. */
const HEX = new Int8Array(256).fill(-1);
for (let d = 0; d < 16; d += 1) HEX[d.toString(16).charCodeAt(0)] = d;

/**
 * leaves.txt as loa writes it (one leaf a line, 64 lowercase hex digits and a newline, its
 * length already checked) read into 32 bytes a leaf; undefined when a byte is out of place.
 * NOTE: a plain loop over the bytes, not a latin1 string of the file and a string per leaf.
 */
function leavesOf(text: Buffer): Uint8Array | undefined {
  const out = new Uint8Array((text.length / 65) * 32);
  for (let n = 0, at = 0; at < text.length; n += 1, at += 65) {
    for (let i = 0; i < 32; i += 1) {
      const high = HEX[text[at + 2 * i] as number] as number;
      const low = HEX[text[at + 2 * i + 1] as number] as number;
      if (high < 0 || low < 0) return undefined;
      out[32 * n + i] = (high << 4) | low;
    }
    if (text[at + 64] !== 0x0a) return undefined;
  }
  return out;
}

/** Whether leaf n of the listed leaves is the leaf hash given as a latin1 string. */
function sameLeaf(leaf: string, listed: Uint8Array, n: number): boolean {
  for (let i = 0; i < 32; i += 1) if (leaf.charCodeAt(i) !== listed[32 * n + i]) return false;
  return true;
}

// NOTE: crypto.hash answering a latin1 string (one character a byte) costs far less than one
// answering a Buffer, and a bundle has a leaf and a node hash per entry (verify.mjs does so too).
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;
let scratch = Buffer.alloc(4096);
const pair = Buffer.alloc(65, 1);

/** The RFC 9162 leaf hash of bytes[from, to), as a latin1 string. */
function leafHashLatin1(bytes: Buffer, from: number, to: number): string {
  const length = to - from;
  if (scratch.length < length + 1) scratch = Buffer.alloc(2 * (length + 1));
  scratch[0] = 0;
  bytes.copy(scratch, 1, from, to);
  const input = scratch.subarray(0, length + 1);
  return oneShot
    ? oneShot('sha256', input, 'binary')
    : crypto.createHash('sha256').update(input).digest('binary');
}

function nodeHashLatin1(left: string, right: string): string {
  pair.write(left, 1, 'latin1');
  pair.write(right, 33, 'latin1');
  return oneShot
    ? oneShot('sha256', pair, 'binary')
    : crypto.createHash('sha256').update(pair).digest('binary');
}

/** The right edge of a growing RFC 9162 tree (as CompactRange), over latin1 hashes. */
class LatinTree {
  readonly #hashes: string[] = [];
  readonly #sizes: number[] = [];

  append(leaf: string): void {
    let hash = leaf;
    let size = 1;
    while (this.#sizes.length > 0 && this.#sizes[this.#sizes.length - 1] === size) {
      hash = nodeHashLatin1(this.#hashes.pop() as string, hash);
      this.#sizes.pop();
      size *= 2;
    }
    this.#hashes.push(hash);
    this.#sizes.push(size);
  }

  root(): Uint8Array {
    if (this.#hashes.length === 0) return new Uint8Array(crypto.createHash('sha256').digest());
    let root = this.#hashes[this.#hashes.length - 1] as string;
    for (let i = this.#hashes.length - 2; i >= 0; i -= 1) {
      root = nodeHashLatin1(this.#hashes[i] as string, root);
    }
    return new Uint8Array(Buffer.from(root, 'latin1'));
  }
}
