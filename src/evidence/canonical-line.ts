import { canonicalJson } from '../model/canonical-json.js';

/** What one line of a bundle's entries.jsonl is: an entry as loa writes it, or not. */
export type LineForm = 'canonical' | 'not-json' | 'not-canonical';

/**
 * Whether bytes[from, to) is one JSON object written exactly as `canonicalJson` writes it
 * (what every entry of a loa log is): `not-json` when it does not parse, `not-canonical` when
 * it parses but is not an object or is not byte for byte its canonical form (whitespace, key
 * order, a duplicate key, a number or escape written otherwise, text not NFC, bad UTF-8).
 * NOTE: most lines are plain ASCII with integer numbers; {@link plainCanonical} accepts those
 * in one pass over the bytes, without parsing. Anything it is unsure of is parsed and written
 * again, so it decides only what it can be sure of.
 */
export function lineForm(bytes: Buffer, from: number, to: number): LineForm {
  if (plainCanonical(bytes, from, to)) return 'canonical';
  const line = bytes.subarray(from, to);
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch {
    return 'not-json';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not-canonical';
  try {
    return Buffer.from(canonicalJson(value), 'utf8').equals(line) ? 'canonical' : 'not-canonical';
  } catch {
    return 'not-canonical';
  }
}

/** Deeper than this, the careful path decides. */
const MAX_DEPTH = 64;
/** Longer integers than this may print otherwise (an exponent, lost digits): careful path. */
const MAX_DIGITS = 15;

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');

/**
 * True only when bytes[from, to) is certainly canonical JSON of an object: no whitespace;
 * strings of printable ASCII without `"` or `\` (their own NFC, nothing to escape); integers
 * of at most 15 digits without a leading zero or `-0`; keys strictly increasing (byte order is
 * UTF-16 order for ASCII, and strictly rules out a duplicate). False means "not sure".
 */
function plainCanonical(bytes: Buffer, from: number, to: number): boolean {
  return bytes[from] === OPEN_BRACE && valueEnd(bytes, from, to, 0) === to;
}

/** The index just after the value starting at i, or -1 when it is not plain canonical. */
function valueEnd(b: Buffer, i: number, to: number, depth: number): number {
  const c = b[i];
  if (c === QUOTE) return stringEnd(b, i, to);
  if (c === OPEN_BRACE) return depth < MAX_DEPTH ? objectEnd(b, i, to, depth + 1) : -1;
  if (c === OPEN_BRACKET) return depth < MAX_DEPTH ? arrayEnd(b, i, to, depth + 1) : -1;
  if (c === MINUS || (c !== undefined && c >= ZERO && c <= NINE)) return numberEnd(b, i, to);
  if (c === 0x74) return literalEnd(b, i, to, TRUE);
  if (c === 0x66) return literalEnd(b, i, to, FALSE);
  if (c === 0x6e) return literalEnd(b, i, to, NULL);
  return -1;
}

function stringEnd(b: Buffer, i: number, to: number): number {
  for (let j = i + 1; j < to; j += 1) {
    const c = b[j] as number;
    if (c === QUOTE) return j + 1;
    if (c < 0x20 || c > 0x7e || c === 0x5c) return -1;
  }
  return -1;
}

function numberEnd(b: Buffer, i: number, to: number): number {
  let j = b[i] === MINUS ? i + 1 : i;
  const first = j;
  if (b[j] === ZERO) return j === i ? j + 1 : -1;
  while (j < to && (b[j] as number) >= ZERO && (b[j] as number) <= NINE) j += 1;
  return j === first || j - first > MAX_DIGITS ? -1 : j;
}

function literalEnd(b: Buffer, i: number, to: number, word: Buffer): number {
  if (i + word.length > to) return -1;
  for (let k = 0; k < word.length; k += 1) if (b[i + k] !== word[k]) return -1;
  return i + word.length;
}

function objectEnd(b: Buffer, i: number, to: number, depth: number): number {
  let j = i + 1;
  if (b[j] === CLOSE_BRACE) return j + 1;
  let previous = -1;
  let previousEnd = -1;
  for (;;) {
    if (b[j] !== QUOTE) return -1;
    const keyEnd = stringEnd(b, j, to);
    if (keyEnd < 0) return -1;
    if (previous >= 0 && !ascending(b, previous, previousEnd, j + 1, keyEnd - 1)) return -1;
    previous = j + 1;
    previousEnd = keyEnd - 1;
    if (b[keyEnd] !== COLON) return -1;
    j = valueEnd(b, keyEnd + 1, to, depth);
    if (j < 0) return -1;
    if (b[j] === CLOSE_BRACE) return j + 1;
    if (b[j] !== COMMA) return -1;
    j += 1;
  }
}

function arrayEnd(b: Buffer, i: number, to: number, depth: number): number {
  let j = i + 1;
  if (b[j] === CLOSE_BRACKET) return j + 1;
  for (;;) {
    j = valueEnd(b, j, to, depth);
    if (j < 0) return -1;
    if (b[j] === CLOSE_BRACKET) return j + 1;
    if (b[j] !== COMMA) return -1;
    j += 1;
  }
}

/** Whether b[a, aEnd) sorts strictly before b[c, cEnd), byte by byte. */
function ascending(b: Buffer, a: number, aEnd: number, c: number, cEnd: number): boolean {
  for (; a < aEnd && c < cEnd; a += 1, c += 1) {
    if (b[a] !== b[c]) return (b[a] as number) < (b[c] as number);
  }
  return aEnd - a < cEnd - c;
}
