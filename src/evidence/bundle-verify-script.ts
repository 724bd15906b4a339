/**
 * The standalone verifier shipped in every evidence bundle as `verify.mjs`: plain JavaScript
 * that needs nothing but Node's own modules (node:crypto, node:fs), so an auditor can check a
 * bundle on a machine without loa. It re-implements RFC 9162 leaf/node hashing, inclusion and
 * consistency verification, and the Ed25519 signature of the C2SP checkpoint.
 *
 * NOTE: kept as text (no template literals inside, so String.raw holds it verbatim); the
 * bundle tests run it with `node` against good and tampered bundles.
 */
export const VERIFY_SCRIPT = String.raw`// verify.mjs: checks a loa evidence bundle with nothing but Node's own modules (Node >= 18).
// Usage: node verify.mjs [bundle folder, default: this file's folder]
// It re-implements RFC 9162 leaf/node hashing and inclusion/consistency verification, and
// the Ed25519 signature of the C2SP checkpoint (signed note), in this one file.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
const problems = [];
const fail = (text) => problems.push(text);
const read = (name) => readFileSync(join(dir, name));
const sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const leafHash = (bytes) => sha256(Buffer.of(0), bytes);
const nodeHash = (l, r) => sha256(Buffer.of(1), l, r);
const hex = (b) => Buffer.from(b).toString('hex');
const half = (n) => Math.floor(n / 2);

/** RFC 9162 §2.1.3.2 */
function inclusionOk(leaf, index, size, proof, root) {
  if (!(index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else r = nodeHash(r, p);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2 */
function consistencyOk(size1, size2, proof, root1, root2) {
  if (size1 < 1 || size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  const isPow2 = (size1 & (size1 - 1)) === 0 && size1 < 2 ** 31;
  const path = isPow2 ? [root1, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

/** The verifier key '<name>+<key id hex>+<base64(0x01 ‖ key)>' of c2sp.org/signed-note. */
function readKey(text) {
  const m = /^([^+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!m) throw new Error('key.txt is not a verifier key');
  const raw = Buffer.from(m[3], 'base64');
  if (raw.length !== 33 || raw[0] !== 1) throw new Error('key.txt is not an Ed25519 key');
  const pub = raw.subarray(1);
  const id = sha256(Buffer.from(m[1], 'utf8'), Buffer.of(0x0a, 0x01), pub).subarray(0, 4);
  if (hex(id) !== m[2]) throw new Error('key.txt: the key ID does not match');
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') },
    format: 'jwk',
  });
  return { name: m[1], id, key };
}

/** A checkpoint's size and root once the signature by 'key' checks out; else null. */
function openCheckpoint(note, key, label) {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return fail(label + ': malformed'), null;
  const text = note.slice(0, split + 1);
  const sigs = note.slice(split + 2, -1).split('\n');
  const ours = sigs
    .map((line) => /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line))
    .filter((m) => m && m[1] === key.name)
    .map((m) => Buffer.from(m[2], 'base64'))
    .filter((b) => b.subarray(0, 4).equals(key.id));
  if (ours.length === 0) return fail(label + ': no signature by ' + key.name), null;
  for (const sig of ours) {
    if (!verify(null, Buffer.from(text, 'utf8'), key.key, sig.subarray(4))) {
      return fail(label + ': the signature does not match (altered)'), null;
    }
  }
  const [origin, size, root] = text.slice(0, -1).split('\n');
  return { origin, size: Number(size), root: Buffer.from(root ?? '', 'base64') };
}

const key = readKey(read('key.txt').toString('utf8'));
const head = openCheckpoint(read('checkpoint.txt').toString('utf8'), key, 'checkpoint.txt');
const proofs = new Map(JSON.parse(read('proofs.json').toString('utf8')).map((p) => [p.index, p]));
const lines = read('entries.jsonl').toString('utf8').split('\n');
if (lines.at(-1) === '') lines.pop();
const seen = new Set();
let previous = -1;
for (const [n, line] of lines.entries()) {
  const bytes = Buffer.from(line, 'utf8');
  let index;
  try {
    index = JSON.parse(line).index;
  } catch {
    fail('line ' + (n + 1) + ': not JSON');
    continue;
  }
  const label = 'entry ' + index;
  if (!Number.isSafeInteger(index)) {
    fail('line ' + (n + 1) + ': no index');
    continue;
  }
  if (index <= previous) fail(label + ': out of order (after ' + previous + ')');
  previous = Math.max(previous, index);
  seen.add(index);
  const proof = proofs.get(index);
  const leaf = leafHash(bytes);
  if (!proof) fail(label + ': no inclusion proof');
  else if (hex(leaf) !== proof.leafHash) {
    fail(label + ': bytes changed (expected leaf ' + proof.leafHash + ', found ' + hex(leaf) + ')');
  } else if (head) {
    const path = proof.proof.map((h) => Buffer.from(h, 'hex'));
    if (proof.size !== head.size || !inclusionOk(leaf, index, head.size, path, head.root)) {
      fail(label + ': not included in the signed checkpoint (size ' + head.size + ')');
    }
  }
}
for (const index of proofs.keys()) if (!seen.has(index)) fail('entry ' + index + ': missing');
if (existsSync(join(dir, 'consistency.json')) && head) {
  for (const c of JSON.parse(read('consistency.json').toString('utf8'))) {
    const earlier = openCheckpoint(read(c.checkpoint).toString('utf8'), key, c.checkpoint);
    if (!earlier) continue;
    const path = c.proof.map((h) => Buffer.from(h, 'hex'));
    if (!consistencyOk(earlier.size, head.size, path, earlier.root, head.root)) {
      fail(c.checkpoint + ': the log is not an extension of it (rewritten history)');
    }
  }
}
if (existsSync(join(dir, 'files'))) {
  for (const name of readdirSync(join(dir, 'files'))) {
    const found = hex(sha256(read(join('files', name))));
    if (found !== name) fail('files/' + name + ': content changed (found ' + found + ')');
  }
}
if (problems.length > 0) {
  console.log('KHÔNG HỢP LỆ / INVALID: ' + problems.length);
  for (const p of problems) console.log('  ' + p);
  process.exit(1);
}
console.log(
  'HỢP LỆ / VALID: ' + lines.length + ' entries included in checkpoint ' + head.origin + ' size ' + head.size + ' root ' + hex(head.root),
);
`;
