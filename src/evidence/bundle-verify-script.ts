/**
 * The standalone verifier shipped in every evidence bundle as `verify.mjs`: plain JavaScript
 * that needs nothing but Node's own modules (node:crypto, node:fs), so an auditor can check a
 * bundle on a machine without loa. It re-implements RFC 9162 leaf/node hashing, the Ed25519
 * signature of C2SP signed notes (checkpoints, the bundle's manifest) and the audit's counting
 * rules (corrections, the tasks' channels, rule filters, statuses) to recompute summary.csv.
 *
 * NOTE: kept as text (no template literals inside, so String.raw holds it verbatim); the
 * bundle tests run it with `node` against good and tampered bundles. Its audit restates
 * src/audit (applyCorrections, entriesOfTask, compileRule, statusOf); the bundle tests
 * compare its recomputation with loa's on a simulated quarter.
 */
export const VERIFY_SCRIPT = String.raw`// verify.mjs: checks a loa evidence bundle with nothing but Node's own modules (Node >= 18).
// Usage: node verify.mjs [bundle folder, default: this file's folder]
// What it checks is listed in README.md. It re-implements here, in this one file: RFC 9162
// leaf/node hashing, the Ed25519 signature of C2SP signed notes (the checkpoints and the
// bundle's manifest), and the audit's counting rules that summary.csv is recomputed with.
import * as crypto from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
process.on('uncaughtException', (error) => {
  // A bundle too damaged to read is INVALID with its reason, never a stack trace.
  console.log('KHÔNG HỢP LỆ / INVALID: the bundle could not be read (' + error.message + ')');
  process.exit(1);
});
const problems = [];
const fail = (text) => problems.push(text);
const sha256 = (...parts) => {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const hex = (b) => Buffer.from(b).toString('hex');
// crypto.hash (Node >= 20.12) hashes without a Hash object; older Nodes take createHash.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : (a, data, out) => crypto.createHash(a).update(data).digest(out);
// Tree hashes are kept as 64 hex digits: that is how leaves.txt lists them, so a leaf is compared
// with its line where it lies, and a string costs less to make than a Buffer.
const hashHex = (bytes) => oneShot('sha256', bytes, 'hex');
const pair = Buffer.alloc(65, 1);
/** The RFC 9162 hash of the node over l and r. */
function nodeHash(l, r) {
  pair.hexWrite(l, 1, 32);
  pair.hexWrite(r, 33, 32);
  return hashHex(pair);
}

/** A file of the bundle, or null (named as missing). */
function read(name) {
  try {
    return readFileSync(join(dir, name));
  } catch (error) {
    fail(name + ': missing (' + (error.code ?? error.message) + ')');
    return null;
  }
}
/** The JSON in a file's bytes (read once, for the manifest too), or null (named). */
function parseJson(name, bytes) {
  if (bytes === null) return null;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    fail(name + ': not valid JSON');
    return null;
  }
}

/** The verifier key '<name>+<key id hex>+<base64(0x01 ‖ key)>' of c2sp.org/signed-note. */
function readKey(bytes) {
  if (bytes === null) return null;
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(bytes.toString('utf8').trim());
  const raw = m ? Buffer.from(m[3], 'base64') : Buffer.alloc(0);
  if (!m || raw.length !== 33 || raw[0] !== 1) return fail('key.txt: not an Ed25519 verifier key'), null;
  const pub = raw.subarray(1);
  const id = sha256(Buffer.from(m[1], 'utf8'), Buffer.of(0x0a, 0x01), pub).subarray(0, 4);
  if (hex(id) !== m[2]) return fail('key.txt: the key ID does not match the key'), null;
  const key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') }, format: 'jwk' });
  return { name: m[1], id, key };
}

/** The text of a signed note once the signature by 'key' checks out; else null (named). */
function openNote(bytes, key, label) {
  if (bytes === null || key === null) return null;
  const note = bytes.toString('utf8');
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return fail(label + ': not a signed note'), null;
  const text = note.slice(0, split + 1);
  const ours = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line) => /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line))
    .filter((m) => m && m[1] === key.name)
    .map((m) => Buffer.from(m[2], 'base64'))
    .filter((b) => b.subarray(0, 4).equals(key.id));
  if (ours.length === 0) return fail(label + ': no signature by ' + key.name), null;
  for (const sig of ours) {
    if (!crypto.verify(null, Buffer.from(text, 'utf8'), key.key, sig.subarray(4))) {
      return fail(label + ': the signature does not match (altered)'), null;
    }
  }
  return text;
}

/** A checkpoint's origin, size and root once its signature checks out; else null. */
function openCheckpoint(name, key) {
  const text = openNote(read(name), key, name);
  if (text === null) return null;
  const [origin, size, root] = text.slice(0, -1).split('\n');
  if (!/^(0|[1-9][0-9]*)$/.test(size ?? '')) return fail(name + ': no size line'), null;
  return { origin, size: Number(size), root: Buffer.from(root ?? '', 'base64') };
}

// 1. The key, the manifest (signed: every file of the bundle and its SHA-256) and the files.
const key = readKey(read('key.txt'));
const manifestText = openNote(read('manifest.txt'), key, 'manifest.txt');
const listed = new Map();
let period = null;
if (manifestText !== null) {
  const lines = manifestText.slice(0, -1).split('\n');
  if (lines[0] !== 'loa evidence bundle') fail('manifest.txt: not a loa bundle manifest');
  const range = /^period (\S+) (\S+)$/.exec(lines[1] ?? '');
  if (range) period = { from: range[1], to: range[2] };
  else fail('manifest.txt: no period line');
  for (const line of lines.slice(2)) {
    const m = /^([0-9a-f]{64}) (.+)$/.exec(line);
    if (m) listed.set(m[2], m[1]);
  }
}
const files = new Map();
// entries.jsonl and leaves.txt are checked entry by entry against the signed root below; their
// SHA-256 in the manifest is compared only when that finds something (to name the file too).
// They are only opened here, and read a part at a time below: tens of MB read whole cost more
// (in fresh memory) than hashing them.
const ENTRIES = 'entries.jsonl';
const LEAVES = 'leaves.txt';
const BY_ROOT = new Set([ENTRIES, LEAVES]);
const opened = new Map();
const openPart = (name) => {
  const fd = openSync(join(dir, name), 'r');
  opened.set(name, fd);
  return fd;
};
for (const [name, expected] of listed) {
  let bytes;
  try {
    bytes = BY_ROOT.has(name) ? openPart(name) : readFileSync(join(dir, name));
  } catch {
    fail(name + ': missing (listed in manifest.txt)');
    continue;
  }
  if (BY_ROOT.has(name)) continue;
  files.set(name, bytes);
  const found = hex(sha256(bytes));
  if (found !== expected) fail(name + ': changed (manifest.txt says SHA-256 ' + expected + ', found ' + found + ')');
}
const beforeEntries = problems.length;
const bundleFile = (name) => files.get(name) ?? (listed.has(name) ? null : read(name));

// 2. The entries: one per line, indices 0, 1, 2 … without a gap, each leaf hash as listed,
// all of them together giving the root of the signed checkpoint.
const head = openCheckpoint('checkpoint.txt', key);
const earlier = [...listed.keys()].filter((n) => n.startsWith('checkpoints/'));
const earlierHeads = earlier.map((name) => ({ name, cp: openCheckpoint(name, key) }));
const rootsAt = new Set([head?.size, ...earlierHeads.map((e) => e.cp?.size)].filter((s) => s !== undefined));
const roots = new Map();
// The right edge of the tree so far: at height k, the hash of a complete subtree of 2^k leaves
// waiting for its right sibling, or undefined.
const waiting = [];
const rootOf = () => {
  let r;
  for (const h of waiting) if (h !== undefined) r = r === undefined ? h : nodeHash(h, r);
  return r === undefined ? sha256() : Buffer.from(r, 'hex');
};
const appendLeaf = (leaf) => {
  let h = leaf;
  let k = 0;
  for (; waiting[k] !== undefined; k += 1) {
    h = nodeHash(waiting[k], h);
    waiting[k] = undefined;
  }
  waiting[k] = h;
};
if (rootsAt.has(0)) roots.set(0, rootOf());
/** entries.jsonl or leaves.txt opened, or null (named as missing when not listed either). */
const partFile = (name) => {
  if (opened.has(name) || listed.has(name)) return opened.get(name) ?? null;
  try {
    return openPart(name);
  } catch (error) {
    fail(name + ': missing (' + (error.code ?? error.message) + ')');
    return null;
  }
};
// leaves.txt: as loa writes it, leaf n is the 64 hex digits at 65 × n and a newline, compared
// where it lies (read a window at a time); any other shape is compared line by line.
const leavesFile = partFile(LEAVES);
const leavesSize = leavesFile === null ? 0 : fstatSync(leavesFile).size;
const leafWindow = Buffer.allocUnsafe(65 * 4096);
let windowFrom = 0;
let windowTo = 0;
const leafInPlace = (n, leaf) => {
  const at = 65 * n;
  if (at + 65 > leavesSize) return false;
  if (at < windowFrom || at + 65 > windowTo) {
    windowFrom = at;
    windowTo = at + readSync(leavesFile, leafWindow, 0, leafWindow.length, at);
    if (at + 65 > windowTo) return false;
  }
  const o = at - windowFrom;
  return leafWindow[o + 64] === 0x0a && leafWindow.latin1Slice(o, o + 64) === leaf;
};
let leavesInPlace = true;
let listedLeaves = null;
const listedLeaf = (n) => {
  if (listedLeaves === null) listedLeaves = readFileSync(join(dir, LEAVES)).toString('latin1').split('\n');
  return listedLeaves[n];
};
// Of each entry, the fields that the checks below read (its bytes are checked whole by its
// leaf hash): the rest is let go at once, so 100,000s of entries stay small.
const fieldsRead = (e) => ({
  index: e.index, kind: e.kind, time: e.time, plan: e.plan, task: e.task, channel: e.channel, channelKind: e.channelKind,
  durationSec: e.durationSec, topics: e.topics, files: e.files, corrects: e.corrects, void: e.void,
});
let entries = [];
let previous = -1;
/** The entry on bytes[start, end) of a line: its leaf, its tree, its index and its leaf listed. */
function entryLine(bytes, start, end) {
  const n = entries.length;
  // The leaf hash of SHA-256(0x00 ‖ line), hashed where the line lies: its prefix is written
  // over the byte before it (the previous line's newline, or the buffer's first byte).
  bytes[start - 1] = 0;
  const leaf = hashHex(bytes.subarray(start - 1, end));
  appendLeaf(leaf);
  if (rootsAt.has(n + 1)) roots.set(n + 1, rootOf());
  let entry;
  try {
    entry = JSON.parse(bytes.utf8Slice(start, end));
  } catch {
    fail('line ' + (n + 1) + ': not JSON (entry ' + n + ' expected)');
    entries.push(null);
    return;
  }
  const index = entry?.index;
  if (!Number.isSafeInteger(index)) fail('line ' + (n + 1) + ': no index');
  else if (index > previous + 1) fail('entry ' + (previous + 1) + ': missing (the next line holds entry ' + index + ')');
  else if (index <= previous) fail('entry ' + index + ': out of order or twice (line ' + (n + 1) + ', after entry ' + previous + ')');
  if (Number.isSafeInteger(index)) previous = Math.max(previous, index);
  if (leavesFile !== null) {
    const inPlace = leafInPlace(n, leaf);
    if (!inPlace) leavesInPlace = false;
    if (!inPlace && listedLeaf(n) !== leaf) {
      fail('entry ' + (Number.isSafeInteger(index) ? index : n) + ': bytes changed (expected leaf ' + listedLeaf(n) + ', found ' + leaf + ')');
    }
  }
  entries.push(entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? fieldsRead(entry) : entry);
}
// entries.jsonl, read 256 KiB at a time into one buffer (a line longer than that grows it); a
// newline byte is never part of a UTF-8 sequence, so each byte line is one entry's text.
// The fast pass: when the entries are exactly what the signed checkpoint covers, one pass reads
// them without JSON.parse and without a string or a hash object per entry. It only reads: the
// state below is set when the whole log checks out (every line an entry at its index, every
// leaf as leaves.txt lists it, leaves.txt one line a leaf, the root the one checkpoint.txt
// signs), which also proves each line is the canonical JSON loa wrote. Anything else, and the
// line-by-line pass after it checks the entries again and names every problem.
// The fields read, by number (keyName). The fast pass keeps them column by column, not as an
// object per entry: 100,000s of objects and time strings kept until the audit cost more in
// memory management than reading the entries. Kind, plan, task, channel and channelKind repeat
// from entry to entry: each is kept as a number, its name in NAMES (0 for none).
const FIELDS = ['kind', 'plan', 'task', 'channel', 'channelKind', 'index', 'time', 'durationSec', 'topics', 'files', 'corrects', 'void'];
const FIELD_BYTES = FIELDS.map((f) => Buffer.from(f, 'latin1'));
const NAMED = 5;
const INDEX = 5;
const TIME = 6;
const DURATION = 7;
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
/** Where the entry read by columnEntry ended (its newline). */
let flatEnd = 0;
/** The fast pass's columns: entry i's named fields, instant and duration (NaN for none; no column until one has a duration). */
let columns = null;
/** Of each named field: its names by number (0: none), their numbers by their bytes (latin1), the last number read. */
const NAMES = FIELDS.slice(0, NAMED).map(() => [undefined]);
const CODES = FIELDS.slice(0, NAMED).map(() => new Map());
const lastCode = [0, 0, 0, 0, 0];
const lastBytes = [null, null, null, null, null];
/** The number of the name on b[from, to) of named field f (a new name is given the next number). */
function nameCode(f, b, from, to) {
  const was = lastBytes[f];
  if (was !== null) {
    let same = was.length === to - from;
    for (let i = 0; same && i < was.length; i += 1) same = was[i] === b[from + i];
    if (same) return lastCode[f];
  }
  const key = b.latin1Slice(from, to);
  let code = CODES[f].get(key);
  if (code === undefined) {
    if (NAMES[f].length > 0xffff) return -1;
    code = NAMES[f].length;
    NAMES[f].push(b.utf8Slice(from, to));
    CODES[f].set(key, code);
  }
  lastCode[f] = code;
  lastBytes[f] = Buffer.from(b.subarray(from, to));
  return code;
}
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/**
 * The instant of the time on b[from, to) when it is in loa's own form 2024-03-01T02:00:00.000Z
 * with every part in range (so new Date(ms).toISOString() gives the same text back), else NaN.
 */
function timeAt(b, from, to) {
  if (to - from !== 24 || b[from + 4] !== 0x2d || b[from + 7] !== 0x2d || b[from + 10] !== 0x54 || b[from + 13] !== 0x3a ||
    b[from + 16] !== 0x3a || b[from + 19] !== 0x2e || b[from + 23] !== 0x5a) return Number.NaN;
  const year = digitBytes(b, from, 4);
  const month = digitBytes(b, from + 5, 2);
  const day = digitBytes(b, from + 8, 2);
  const hour = digitBytes(b, from + 11, 2);
  const minute = digitBytes(b, from + 14, 2);
  const second = digitBytes(b, from + 17, 2);
  const milli = digitBytes(b, from + 20, 3);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month - 1] + (month === 2 && leap ? 1 : 0) ||
    hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, milli);
}
/** The number the decimal digits b[from, from + length) spell, or -1 when one is not a digit. */
function digitBytes(b, from, length) {
  let value = 0;
  for (let i = from; i < from + length; i += 1) {
    const d = b[i] - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
/**
 * Reads entry i, which starts at b[start], into the columns when it is a JSON object of plain
 * values (no nested value, no escape, no control character) whose index is i, with a time in
 * loa's own form and nothing a correction or an attachment reads, followed by a newline at or
 * before b[limit]; else false (the entry is then parsed whole). Read byte by byte, key by key
 * (a JSON.parse of each entry and the strings it makes cost far more than hashing the entry).
 */
function columnEntry(b, start, limit, i) {
  if (b[start] !== 0x7b) return false;
  let seen = 0;
  let p = start + 1;
  for (;;) {
    if (b[p] !== 0x22) return false;
    let q = p + 1;
    for (let c = b[q]; c !== 0x22; c = b[q]) {
      if (c === 0x5c || c < 0x20 || q >= limit) return false;
      q += 1;
    }
    if (b[q + 1] !== 0x3a) return false;
    const field = keyName(b, p + 1, q);
    if (field >= 0) {
      if ((seen & (1 << field)) !== 0) return false;
      seen |= 1 << field;
    }
    const v = q + 2;
    let next = v;
    const first = b[v];
    if (first === 0x22) {
      next = v + 1;
      for (let c = b[next]; c !== 0x22; c = b[next]) {
        if (c === 0x5c || c < 0x20 || next >= limit) return false;
        next += 1;
      }
      next += 1;
      if (field >= 0 && field < NAMED) {
        const code = nameCode(field, b, v + 1, next - 1);
        // A correction is kept whole: the audit reads what it corrects.
        if (code < 0 || (field === 0 && NAMES[0][code] === 'correction')) return false;
        columns.named[NAMED * i + field] = code;
      } else if (field === TIME) {
        const ms = timeAt(b, v + 1, next - 1);
        if (Number.isNaN(ms)) return false;
        columns.ms[i] = ms;
      } else if (field >= 0) return false;
    } else {
      if (first === 0x7b || first === 0x5b) return false;
      // A plain non-negative integer (the index, a duration) is read digit by digit.
      let digits = 0;
      for (let c = b[next]; c !== 0x2c && c !== 0x7d; c = b[next]) {
        if (next >= limit) return false;
        const d = c - 0x30;
        if (digits >= 0 && (d < 0 || d > 9 || (next === v + 1 && digits === 0))) digits = -1;
        else if (digits >= 0) digits = digits * 10 + d;
        next += 1;
      }
      if (next === v) return false;
      if (digits < 0 || next - v >= 16) {
        // Any other JSON value is let through where no field is read from it; else parsed whole.
        const raw = b.latin1Slice(v, next);
        if (field >= 0 || (raw !== 'true' && raw !== 'false' && raw !== 'null' && !NUMBER.test(raw))) return false;
      } else if (field === INDEX) {
        if (digits !== i) return false;
      } else if (field === DURATION) {
        if (columns.duration === null) columns.duration = new Float64Array(columns.n).fill(Number.NaN);
        columns.duration[i] = digits;
      }
      else if (field >= 0) return false;
    }
    const c = b[next];
    if (c === 0x7d) {
      if (b[next + 1] !== 0x0a || next + 1 > limit || (seen & (1 << INDEX)) === 0 || (seen & (1 << TIME)) === 0) return false;
      for (let f = 0; f < NAMED; f += 1) if ((seen & (1 << f)) === 0) columns.named[NAMED * i + f] = 0;
      flatEnd = next + 1;
      return true;
    }
    if (c !== 0x2c) return false;
    p = next + 1;
  }
}
/** Which of FIELDS the key on b[from, to) is (its number), or -1. */
function keyName(b, from, to) {
  const length = to - from;
  let field = -1;
  switch (b[from]) {
    case 0x63: // c
      field = length === 7 ? 3 : length === 11 ? 4 : length === 8 ? 10 : -1;
      break;
    case 0x64: // d
      field = length === 11 ? 7 : -1;
      break;
    case 0x66: // f
      field = length === 5 ? 9 : -1;
      break;
    case 0x69: // i
      field = length === 5 ? 5 : -1;
      break;
    case 0x6b: // k
      field = length === 4 ? 0 : -1;
      break;
    case 0x70: // p
      field = length === 4 ? 1 : -1;
      break;
    case 0x74: // t
      field = length === 6 ? 8 : length !== 4 ? -1 : b[from + 1] === 0x61 ? 2 : 6;
      break;
    case 0x76: // v
      field = length === 4 ? 11 : -1;
      break;
  }
  if (field < 0) return -1;
  const name = FIELD_BYTES[field];
  for (let i = 1; i < length; i += 1) if (b[from + i] !== name[i]) return -1;
  return field;
}
/**
 * The fast pass's Merkle tree, built as the leaves come, without keeping them: of each height k,
 * the hash of a complete subtree of 2^k leaves waiting for its right sibling lies in slot 63 - k
 * of TREE (32 bytes a slot from offset 1). A right hash is written in the slot after the left
 * one, so the pair is hashed where it lies, behind the node prefix 0x01 written over the byte
 * before it (then put back): no bytes are moved, and no buffer grows with the log.
 */
const TREE = Buffer.alloc(1 + 32 * 65);
let treeSize = 0;
/** Adds a leaf hash (32 bytes as a latin1 string) to TREE. */
function addLeaf(leaf) {
  // The heights waiting are the 1 bits of treeSize: the leaf merges with its trailing ones.
  let merges = 0;
  for (let m = treeSize; m % 2 === 1; m = (m - 1) / 2) merges += 1;
  TREE.latin1Write(leaf, 1 + 32 * (merges > 0 ? 64 : 63), 32);
  for (let k = 0; k < merges; k += 1) {
    const at = 32 * (63 - k);
    const kept = TREE[at];
    TREE[at] = 1;
    const h = oneShot('sha256', new Uint8Array(TREE.buffer, TREE.byteOffset + at, 65), 'latin1');
    TREE[at] = kept;
    // The node is the right hash of the next merge, or waits at height merges.
    TREE.latin1Write(h, 1 + 32 * (k + 1 < merges ? 63 - k : 62 - k), 32);
  }
  treeSize += 1;
}
/** The root of TREE's leaves: the subtrees waiting, folded from the lowest. */
function treeRoot() {
  const node = Buffer.alloc(65, 1);
  let root = null;
  for (let k = 0, m = treeSize; m > 0; k += 1, m = Math.floor(m / 2)) {
    if (m % 2 === 0) continue;
    const waiting = TREE.subarray(1 + 32 * (63 - k), 1 + 32 * (64 - k));
    if (root === null) root = Buffer.from(waiting);
    else {
      waiting.copy(node, 1);
      root.copy(node, 33);
      root = Buffer.from(oneShot('sha256', node, 'latin1'), 'latin1');
    }
  }
  return root ?? sha256();
}
/** The value of each lowercase hex digit by its byte, -1 for any other byte. */
const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i += 1) HEX['0123456789abcdef'.charCodeAt(i)] = i;
/** Whether leaves.txt lists leaf n (32 bytes as a latin1 string) as loa writes it: 64 lowercase hex digits and a newline at 65 × n. */
const leafListedAt = (n, leaf) => {
  const at = 65 * n;
  if (at + 65 > leavesSize) return false;
  if (at < windowFrom || at + 65 > windowTo) {
    windowFrom = at;
    windowTo = at + readSync(leavesFile, leafWindow, 0, leafWindow.length, at);
    if (at + 65 > windowTo) return false;
  }
  const o = at - windowFrom;
  if (leafWindow[o + 64] !== 0x0a) return false;
  for (let j = 0; j < 32; j += 1) {
    const hi = HEX[leafWindow[o + 2 * j]];
    const lo = HEX[leafWindow[o + 2 * j + 1]];
    if (hi < 0 || lo < 0 || ((hi << 4) | lo) !== leaf.charCodeAt(j)) return false;
  }
  return true;
};
function fastEntries(fd) {
  if (head === null || leavesFile === null || head.size === 0 || leavesSize !== 65 * head.size) return false;
  const n = head.size;
  columns = { n, named: new Uint16Array(NAMED * n), ms: new Float64Array(n), duration: null, whole: new Map() };
  const at = new Map();
  let count = 0;
  let buffer = Buffer.allocUnsafe(1 << 18);
  let position = 0;
  let filled = 1;
  let ended = false;
  while (!ended) {
    const got = readSync(fd, buffer, filled, buffer.length - filled, position);
    position += got;
    filled += got;
    ended = got === 0;
    if (ended && filled > 1 && buffer[filled - 1] !== 0x0a) return false;
    const cut = buffer.lastIndexOf(0x0a, filled - 1);
    if (cut < 1) {
      if (ended) break;
      const grown = Buffer.allocUnsafe(2 * buffer.length);
      buffer.copy(grown, 0, 0, filled);
      buffer = grown;
      continue;
    }
    for (let start = 1; start <= cut; ) {
      if (count === n) return false;
      let end;
      if (columnEntry(buffer, start, cut, count)) end = flatEnd;
      else {
        // Nested values, escapes, corrections: parsed whole (entries with attachments, topics).
        end = buffer.indexOf(0x0a, start);
        let entry;
        try {
          entry = JSON.parse(buffer.utf8Slice(start, end));
        } catch {
          return false;
        }
        if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || entry.index !== count) return false;
        columns.whole.set(count, fieldsRead(entry));
      }
      // SHA-256(0x00 ‖ line) where the line lies: its prefix is written over the byte before it.
      // The line is a plain Uint8Array view (making a Buffer per entry costs more, cold).
      buffer[start - 1] = 0;
      const leaf = oneShot('sha256', new Uint8Array(buffer.buffer, buffer.byteOffset + start - 1, end - start + 1), 'latin1');
      if (!leafListedAt(count, leaf)) return false;
      addLeaf(leaf);
      count += 1;
      if (rootsAt.has(count)) at.set(count, treeRoot());
      start = end + 1;
    }
    // The line not yet ended moves to the front, after the byte kept for its leaf prefix.
    const rest = filled - cut - 1;
    const target = rest + 1 < buffer.length ? buffer : Buffer.allocUnsafe(2 * buffer.length);
    buffer.copy(target, 1, cut + 1, filled);
    buffer = target;
    filled = rest + 1;
  }
  if (count !== n || !at.get(n).equals(head.root)) return false;
  for (const [size, root] of at) roots.set(size, root);
  previous = n - 1;
  return true;
}
let lastByte = 0x0a;
const entriesFile = partFile(ENTRIES);
if (entriesFile !== null && !fastEntries(entriesFile)) {
  columns = null;
  let buffer = Buffer.allocUnsafe(1 << 18);
  let filled = 1;
  let from = 1;
  for (;;) {
    const got = readSync(entriesFile, buffer, filled, buffer.length - filled, null);
    if (got > 0) lastByte = buffer[filled + got - 1];
    filled += got;
    for (let end = buffer.indexOf(0x0a, from); end >= 0 && end < filled; end = buffer.indexOf(0x0a, from)) {
      entryLine(buffer, from, end);
      from = end + 1;
    }
    if (got === 0) {
      if (from < filled) entryLine(buffer, from, filled);
      break;
    }
    // The line not yet ended moves to the front, after the byte kept for its leaf prefix.
    const rest = filled - from;
    const target = rest + 1 < buffer.length ? buffer : Buffer.allocUnsafe(2 * buffer.length);
    buffer.copy(target, 1, from, filled);
    buffer = target;
    filled = rest + 1;
    from = 1;
  }
}
if (entriesFile !== null) closeSync(entriesFile);
if (leavesFile !== null) closeSync(leavesFile);
const count = columns === null ? entries.length : columns.n;
if (head) {
  if (count < head.size) fail('entries ' + count + '-' + (head.size - 1) + ': missing (checkpoint.txt signs ' + head.size + ' entries, the bundle has ' + count + ')');
  if (count > head.size) fail('entries ' + head.size + '-' + (count - 1) + ': not signed by checkpoint.txt (size ' + head.size + ')');
  const root = roots.get(head.size);
  if (root && !root.equals(head.root)) fail('checkpoint.txt: the entries do not give its root (an entry was changed, added or removed)');
}
// The entry checks prove the files' content; their exact bytes are as loa writes them only when
// entries.jsonl ends each line with a newline and leaves.txt has one line a leaf, no more: any other
// shape (an extra line, a lost last newline) is compared with the manifest too, so it is named.
const asWritten = lastByte === 0x0a && (leavesFile === null || (leavesInPlace && leavesSize === 65 * count));
if (problems.length > beforeEntries || !asWritten) {
  for (const name of BY_ROOT) {
    let bytes = files.get(name);
    if (opened.has(name)) bytes = readFileSync(join(dir, name));
    const found = bytes ? hex(sha256(bytes)) : null;
    if (found && found !== listed.get(name)) fail(name + ': changed (manifest.txt says SHA-256 ' + listed.get(name) + ', found ' + found + ')');
  }
}
for (const { name, cp } of earlierHeads) {
  if (!cp) continue;
  const root = roots.get(cp.size);
  if (!root) fail(name + ': signs ' + cp.size + ' entries, more than the bundle holds');
  else if (!root.equals(cp.root)) fail(name + ': the log is not an extension of it (rewritten history before entry ' + cp.size + ')');
}

// Entry i as the checks below read it. Of the fast pass's columns, viewAt(i) is one object filled
// anew at each call (read at once, never kept), without its time (read by instantAt); entryAt(i)
// is an object of its own.
const view = {
  index: 0, kind: undefined, time: undefined, plan: undefined, task: undefined, channel: undefined, channelKind: undefined,
  durationSec: undefined, topics: undefined, files: undefined, corrects: undefined, void: undefined,
};
function viewAt(i) {
  if (columns === null) return entries[i];
  if (columns.whole.size > 0 && columns.whole.has(i)) return columns.whole.get(i);
  const at = NAMED * i;
  const named = columns.named;
  view.index = i;
  view.kind = NAMES[0][named[at]];
  view.plan = NAMES[1][named[at + 1]];
  view.task = NAMES[2][named[at + 2]];
  view.channel = NAMES[3][named[at + 3]];
  view.channelKind = NAMES[4][named[at + 4]];
  const duration = columns.duration === null ? Number.NaN : columns.duration[i];
  view.durationSec = Number.isNaN(duration) ? undefined : duration;
  return view;
}
function entryAt(i) {
  const e = viewAt(i);
  return e === view ? { ...view, time: new Date(columns.ms[i]).toISOString() } : e;
}
/** The instant of e, entry i (or its correction). */
const instantAt = (i, e) => (e === view ? columns.ms[i] : instant(e.time));

// 3. The attached files of the period's entries: each present under files/ with its SHA-256.
const inPeriod = (e) => e && period && e.time >= period.from && e.time < period.to;
// A time in loa's own form is in the period as its instant is, when the period's ends are in that
// form too (the text of such times sorts as their instants do).
const ownForm = (text) => !Number.isNaN(timeAt(Buffer.from(text), 0, Buffer.byteLength(text)));
const periodMs = period && ownForm(period.from) && ownForm(period.to) ? [Date.parse(period.from), Date.parse(period.to)] : null;
const inPeriodAt = (i) => {
  if (periodMs !== null) return columns.ms[i] >= periodMs[0] && columns.ms[i] < periodMs[1];
  return inPeriod({ time: new Date(columns.ms[i]).toISOString() });
};
let counted = 0;
for (let i = 0; i < count; i += 1) {
  const e = viewAt(i);
  if (e === view ? !inPeriodAt(i) : !inPeriod(e)) continue;
  counted += 1;
  // An entry kept in the columns has no attachment.
  if (e === view) continue;
  for (const f of e.files ?? []) {
    const name = 'files/' + f.sha256;
    let bytes = files.get(name);
    if (bytes === undefined) {
      try {
        bytes = readFileSync(join(dir, name));
      } catch {
        fail('entry ' + e.index + ': attached file ' + f.name + ' (' + name + ') missing');
        continue;
      }
    }
    if (bytes === null) continue;
    const found = hex(sha256(bytes));
    if (found !== f.sha256) fail('entry ' + e.index + ': attached file ' + f.name + ' (' + name + ') changed (found ' + found + ')');
  }
}

// 4. The audit, recomputed from the entries with the plans' rules (audit.json), and
// summary.csv, row by row, against it.
const audit = parseJson('audit.json', bundleFile('audit.json'));
const STATUS = {
  met: ['đạt', 'met'], missed: ['không đạt', 'missed'], 'at-risk': ['nguy cơ không đạt', 'at risk'],
  open: ['đang thực hiện', 'on track'], 'not-yet-due': ['chưa đến kỳ', 'not yet due'], counted: ['thống kê', 'counted'],
};
const COUNTING = new Set(['publication', 'airing', 'bulletin-issue', 'manual']);
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Of each entry a correction corrects (by index), the latest correction; null when there is none. */
let latest = null;
const mergedAt = new Map();
function applyCorrections() {
  const corrections = [];
  for (const e of columns === null ? entries : columns.whole.values()) if (e && e.kind === 'correction') corrections.push(e);
  if (corrections.length === 0) return;
  const byIndex = columns === null ? new Map(entries.filter(Boolean).map((e) => [e.index, e])) : null;
  const entryOf = (index) => (byIndex !== null ? byIndex.get(index) : Number.isSafeInteger(index) && index >= 0 && index < count ? entryAt(index) : undefined);
  latest = new Map();
  for (const c of corrections) {
    let target = entryOf(c.corrects);
    if (!target || target.index >= c.index) continue;
    const seen = new Set();
    while (target.kind === 'correction' && target.corrects !== undefined && !seen.has(target.index)) {
      seen.add(target.index);
      const next = entryOf(target.corrects);
      if (!next) break;
      target = next;
    }
    if (target.kind === 'correction') continue;
    latest.set(target.index, c);
  }
}
/** Entry i as the audit counts it: its latest correction applied, or null (voided, a correction, no entry). */
function effectiveAt(i) {
  const e = viewAt(i);
  if (!e) return null;
  if (latest === null) return e;
  if (e.kind === 'correction') return null;
  const c = latest.get(e.index);
  if (!c) return e;
  if (c.void) return null;
  let merged = mergedAt.get(i);
  if (merged === undefined) {
    merged = { ...entryAt(i) };
    for (const [k, v] of Object.entries(c)) {
      if (v !== undefined && !['index', 'kind', 'corrects', 'void'].includes(k)) merged[k] = v;
    }
    mergedAt.set(i, merged);
  }
  return merged;
}
// One formatter per zone: making an Intl.DateTimeFormat costs far more than using one.
const FORMATS = new Map();
function localParts(ms, zone) {
  let format = FORMATS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    FORMATS.set(zone, format);
  }
  const parts = {};
  for (const p of format.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return { minute: Number(parts.hour) * 60 + Number(parts.minute) + Number(parts.second) / 60 + (ms % 1000) / 60000, weekday: WEEKDAYS.indexOf(parts.weekday.toLowerCase().slice(0, 3)) + 1 };
}
function rejection(rule, manual, channelKinds, e, ms, zone) {
  if (manual === undefined && rule.channelKinds) {
    const kind = e.channelKind ?? (e.channel === undefined ? undefined : channelKinds[e.channel]);
    if (e.kind === 'manual' || kind === undefined || !rule.channelKinds.includes(kind)) return 'channel-kind';
  }
  if (rule.minDurationSec !== undefined) {
    if (e.durationSec === undefined) return 'no-duration';
    if (e.durationSec < rule.minDurationSec) return 'too-short';
  }
  const local = rule.window || rule.weekdays ? localParts(ms, zone) : null;
  if (rule.window) {
    const minutes = (t) => Number(t.split(':')[0]) * 60 + Number(t.split(':')[1] ?? 0);
    const end = local.minute + (e.durationSec ?? 0) / 60;
    if (local.minute < minutes(rule.window.from) || local.minute >= minutes(rule.window.to) || end > minutes(rule.window.to)) return 'outside-window';
  }
  if (rule.weekdays && !rule.weekdays.map((d) => WEEKDAYS.indexOf(d) + 1).includes(local.weekday)) return 'weekday';
  if (rule.topics && !(e.topics ?? []).some((t) => rule.topics.includes(t))) return 'topic';
  return undefined;
}
/**
 * Date.parse(text), read digit by digit when it is in loa's own form 2024-03-01T02:00:00.000Z
 * with every part in range (the same instant; Date.parse is the cost of 100,000s of entries).
 */
function instant(text) {
  if (typeof text !== 'string' || text.length !== 24 || text.charCodeAt(23) !== 0x5a) return Date.parse(text);
  const ok = text.charCodeAt(4) === 0x2d && text.charCodeAt(7) === 0x2d && text.charCodeAt(10) === 0x54 &&
    text.charCodeAt(13) === 0x3a && text.charCodeAt(16) === 0x3a && text.charCodeAt(19) === 0x2e;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  const hour = digitsAt(text, 11, 13);
  const minute = digitsAt(text, 14, 16);
  const second = digitsAt(text, 17, 19);
  const milli = digitsAt(text, 20, 23);
  if (!ok || year < 1000 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) return Date.parse(text);
  return Date.UTC(year, month - 1, day, hour, minute, second, milli);
}
/** The number the decimal digits text[from, to) spell, or -1 when one is not a digit. */
function digitsAt(text, from, to) {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
/** Whether two lists of entry indices read the same (item by item, else as text joined). */
const sameList = (a, b) => (Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i])) || a.join(' ') === b.join(' ');
const recomputed = [];
if (audit && Array.isArray(audit.plans)) {
  applyCorrections();
  for (const { result, rules, manual, channelKinds } of audit.plans) recompute(result, rules, manual, channelKinds);
}
/** The audit of one plan recomputed from the entries: its rows, and audit.json checked against them. */
function recompute(result, rules, manual, channelKinds) {
  const nowMs = Date.parse(result.now);
  const zone = result.plan.timeZone;
  // The entries counted before now and their instants, side by side (each instant read once per plan).
  const live = [];
  const liveMs = [];
  for (let i = 0; i < count; i += 1) {
    const e = effectiveAt(i);
    if (!e || !COUNTING.has(e.kind)) continue;
    const ms = instantAt(i, e);
    if (ms < nowMs) live.push(i), liveMs.push(ms);
  }
  for (const task of result.tasks) {
    const rule = rules[task.id];
    const periods = task.periods.map((p) => ({ ...p, startMs: Date.parse(p.start), endMs: Date.parse(p.end), ev: [], rej: [] }));
    const isOwn = (e) => e.plan === result.plan.id && e.task === task.id;
    const isThrough = (e) => e.channel !== undefined && task.channels.includes(e.channel) && !isOwn(e) && !(e.kind === 'manual' && e.task !== undefined);
    // The task's own entries first, then those through its channels.
    for (const own of [true, false]) {
      for (let i = 0; i < live.length; i += 1) {
        const e = effectiveAt(live[i]);
        if (own ? !isOwn(e) : !isThrough(e)) continue;
        const ms = liveMs[i];
        let p;
        for (const q of periods) {
          if (ms >= q.startMs && ms < q.endMs) {
            p = q;
            break;
          }
        }
        if (!p) continue;
        const reason = rejection(rule, manual[task.id], channelKinds, e, ms, zone);
        if (reason === undefined) p.ev.push(e.index);
        else p.rej.push(e.index);
      }
    }
    for (const p of periods) {
      p.ev.sort((a, b) => a - b);
      const label = result.plan.id + '/' + task.id + ' ' + p.label;
      const achieved = p.ev.length;
      const status = rule.atLeast === 0 ? ['counted'] : p.startMs >= nowMs ? ['not-yet-due'] : achieved >= rule.atLeast ? ['met'] : p.endMs <= nowMs ? ['missed'] : ['at-risk', 'open'];
      if (p.required !== rule.atLeast || p.achieved !== achieved || !sameList(p.evidence, p.ev) || !status.includes(p.status)) {
        fail('audit.json ' + label + ': says ' + p.achieved + ' of ' + p.required + ' (' + p.status + ', #' + p.evidence.join(' #') + '), the entries give ' + achieved + ' of ' + rule.atLeast + ' (' + status.join('/') + ', #' + p.ev.join(' #') + ')');
      }
      recomputed.push({ plan: result.plan.id, task: task.id, label: p.label, required: rule.atLeast, achieved, status, evidence: p.ev });
    }
  }
}
// RFC 4180 rows. Runs of plain characters are cut out of the text whole, not added a character
// at a time (a field of 100,000 evidence numbers would be 100,000s of strings).
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== 0x22) continue;
      field += text.slice(run, i);
      if (text.charCodeAt(i + 1) === 0x22) (field += '"'), (i += 1);
      else quoted = false;
      run = i + 1;
    } else if (c === 0x22) {
      field += text.slice(run, i);
      quoted = true;
      run = i + 1;
    } else if (c === 0x2c) {
      row.push(field + text.slice(run, i)), (field = ''), (run = i + 1);
    } else if (c === 0x0a || c === 0x0d) {
      row.push(field + text.slice(run, i)), rows.push(row), (row = []), (field = '');
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 1;
      run = i + 1;
    }
  }
  field += text.slice(run);
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}
/** A list of entry indices as summary.csv writes it: #0 #1 #2. */
const evidenceText = (list) => list.map((i) => '#' + i).join(' ');
/**
 * Whether a cell of summary.csv lists these entry indices: the same text, or the same #<digits>
 * in it, in order. Read digit by digit, not as 100,000s of strings, when the indices are plain.
 */
function sameEvidence(cell, list) {
  if (!list.every((x) => Number.isSafeInteger(x) && x >= 0)) {
    const text = evidenceText(list);
    return cell === text || (cell ?? '').match(/#\d+/g)?.join(' ') === (text || undefined);
  }
  // Each #<digits>, as /#\d+/g finds them, is '#' + the next index.
  const text = cell ?? '';
  let k = 0;
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    let end = at + 1;
    let value = 0;
    for (let d = text.charCodeAt(end) - 0x30; d >= 0 && d <= 9; d = text.charCodeAt(end) - 0x30) {
      value = value * 10 + d;
      end += 1;
    }
    if (end === at + 1) continue;
    const length = end - at - 1;
    if (k >= list.length || length > 16 || (length > 1 && text.charCodeAt(at + 1) === 0x30) || value !== list[k]) return false;
    k += 1;
    at = end - 1;
  }
  return k === list.length;
}
const summary = bundleFile('summary.csv');
if (summary !== null && audit) {
  const rows = csvRows(summary.toString('utf8').replace(/^\uFEFF/, '')).slice(1);
  if (rows.length !== recomputed.length) fail('summary.csv: ' + rows.length + ' rows, the entries give ' + recomputed.length);
  rows.forEach((cells, i) => {
    const want = recomputed[i];
    if (!want) return;
    const [plan, , task, , , label, , , , required, achieved, status, evidence] = cells;
    const where = 'summary.csv line ' + (i + 2) + ' (' + want.plan + '/' + want.task + ' ' + want.label + ')';
    if (plan !== want.plan || task !== want.task || label !== want.label) fail(where + ': another task or period (' + plan + '/' + task + ' ' + label + ')');
    else if (Number(required) !== want.required || Number(achieved) !== want.achieved || !sameEvidence(evidence, want.evidence)) {
      fail(where + ': says ' + achieved + ' of ' + required + ' (' + evidence + '), the entries give ' + want.achieved + ' of ' + want.required + ' (' + evidenceText(want.evidence) + ')');
    } else if (!want.status.some((s) => STATUS[s].includes(status))) {
      fail(where + ': says "' + status + '", the entries give "' + want.status.map((s) => STATUS[s][0]).join('/') + '"');
    }
  });
}

if (problems.length > 0) {
  console.log('KHÔNG HỢP LỆ / INVALID: ' + problems.length);
  for (const p of problems) console.log('  ' + p);
  process.exit(1);
}
console.log(
  'HỢP LỆ / VALID: ' + counted + ' entries from ' + period.from + ' to ' + period.to +
    ', in a log whose entries 0-' + (count - 1) + ' are all here, in checkpoint ' + head.origin +
    ' size ' + head.size + ' root ' + hex(head.root) + '; summary.csv recomputed (' + recomputed.length + ' rows)',
);
`;
