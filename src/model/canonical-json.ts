import { LoaError } from '../errors/loa-error.js';

/**
 * A value that has one canonical JSON form: null, booleans, finite numbers, strings, arrays
 * and plain objects of these. Instants are ISO strings made by the caller (UTC, `…Z`).
 */
export type CanonicalValue =
  | null
  | boolean
  | number
  | string
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

/**
 * The canonical JSON text of a value, as RFC 8785 (JCS) writes it, with every string (keys
 * included) normalised to NFC first:
 * - object keys sorted by UTF-16 code units, recursively; no insignificant whitespace;
 * - numbers as ECMAScript prints them (`-0` becomes `0`); NaN and ±Infinity are refused;
 * - object properties whose value is `undefined` are left out, as if absent;
 * - anything else (Date, Map, class instances, bigint, functions, `undefined` in an array,
 *   lone surrogates, two keys equal after NFC, cycles) is refused with `LoaError`, whose
 *   `path` param says where (`$.items[2].at`).
 */
export function canonicalJson(value: unknown): string {
  const sorted = sortedCopy(value, 0);
  if (sorted !== SLOW) {
    const text = JSON.stringify(sorted);
    // NOTE: NFC of the whole text is NFC of each string in it: its strings are delimited by
    // `"` and its keys are ASCII, and no ASCII punctuation composes with what follows. An
    // escape (`\n` then U+0303 would compose to `\ñ`, a lone surrogate written `\udc00`)
    // is not, so text with a backslash goes to the careful writer.
    if (!text.includes('\\')) return text.normalize('NFC');
  }
  return new Writer().write(value);
}

/** The UTF-8 bytes of {@link canonicalJson}: what an evidence leaf hashes. */
export function canonicalBytes(value: unknown): Uint8Array {
  return Buffer.from(canonicalJson(value), 'utf8');
}

/** Keys already checked: plain ASCII, not an array index, not `__proto__`. Bounded. */
const fastKeys = new Map<string, boolean>();
/** The last key list sorted, and its sorted form: objects of one producer share their keys. */
let lastKeys: string[] = [];
let lastSorted: string[] = [];

/** The keys in canonical order, or undefined when one of them needs the careful writer. */
function sortedKeys(keys: string[]): string[] | undefined {
  if (keys.length === lastKeys.length && keys.every((key, i) => key === lastKeys[i])) {
    return lastSorted;
  }
  for (const key of keys) {
    let fast = fastKeys.get(key);
    if (fast === undefined) {
      // NOTE: `copy.__proto__ = …` would set the copy's prototype, not add a property.
      fast = PLAIN_ASCII.test(key) && !INDEX_KEY.test(key) && key !== '__proto__';
      if (fastKeys.size < 10_000) fastKeys.set(key, fast);
    }
    if (!fast) return undefined;
  }
  lastKeys = keys;
  // The default sort orders by UTF-16 code units, as RFC 8785 §3.2.3 prescribes.
  lastSorted = [...keys].sort();
  return lastSorted;
}

/** Returned by {@link sortedCopy} when the value needs the careful writer. */
const SLOW = Symbol('slow');
/** Deeper than this, the careful writer runs (it finds cycles and says where). */
const FAST_DEPTH = 64;
/** A key V8 enumerates before the others, in numeric order: JSON.stringify would misorder it. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

/**
 * The fast path of {@link canonicalJson}: a copy of `value` whose objects have their keys in
 * canonical order and whose strings are NFC, so that JSON.stringify (native, and the JCS
 * writer of strings and numbers: `-0` prints `0`) writes the canonical text. Anything it is
 * not sure of (a key that is not plain ASCII or looks like an array index, a value the writer
 * refuses, great depth) returns SLOW and the careful {@link Writer} writes, or refuses, it.
 * NOTE: measured in tests/bench/evidence.bench.ts; the careful writer alone was 3.5 times
 * JSON.stringify.
 */
function sortedCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : SLOW;
    case 'boolean':
      return value;
    case 'object':
      if (value === null) return null;
      if (depth > FAST_DEPTH) return SLOW;
      return Array.isArray(value) ? sortedArray(value, depth) : sortedObject(value, depth);
    default:
      return SLOW;
  }
}

function sortedArray(value: readonly unknown[], depth: number): unknown {
  const copy = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i += 1) {
    const item = value[i];
    if (item === undefined) return SLOW;
    const sorted = sortedCopy(item, depth + 1);
    if (sorted === SLOW) return SLOW;
    copy[i] = sorted;
  }
  return copy;
}

function sortedObject(value: object, depth: number): unknown {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return SLOW;
  if (Object.getOwnPropertySymbols(value).length > 0) return SLOW;
  const keys = sortedKeys(Object.keys(value));
  if (keys === undefined) return SLOW;
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    const sorted = sortedCopy(item, depth + 1);
    if (sorted === SLOW) return SLOW;
    copy[key] = sorted;
  }
  return copy;
}

/** Printable ASCII without `"` and `\`: written as is, already NFC, nothing to escape. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** With the `u` flag, \p{Cs} matches only a surrogate that is not half of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

class Writer {
  /** Keys and indices from the root to the value being written; joined only for an error. */
  readonly #path: (string | number)[] = [];
  readonly #ancestors = new Set<object>();

  write(value: unknown): string {
    switch (typeof value) {
      case 'string':
        return this.#string(value);
      case 'number':
        if (!Number.isFinite(value)) {
          throw this.#error('EVIDENCE_NUMBER_NOT_FINITE', { value: String(value) });
        }
        // ECMAScript Number::toString is the JCS number form; it prints -0 as "0".
        return String(value);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'object':
        if (value === null) return 'null';
        return this.#container(value);
      default:
        throw this.#error('EVIDENCE_VALUE_UNSUPPORTED', { type: typeof value });
    }
  }

  #string(value: string): string {
    if (PLAIN_ASCII.test(value)) return `"${value}"`;
    if (LONE_SURROGATE.test(value)) throw this.#error('EVIDENCE_TEXT_MALFORMED');
    // NOTE: JSON.stringify escapes exactly as RFC 8785 §3.2.2.2 asks (\b \t \n \f \r \" \\,
    // other controls as \u00xx, everything else verbatim), so it is the JCS string writer.
    return JSON.stringify(value.normalize('NFC'));
  }

  #container(value: object): string {
    if (this.#ancestors.has(value)) throw this.#error('EVIDENCE_VALUE_CYCLE');
    let text: string;
    this.#ancestors.add(value);
    if (Array.isArray(value)) {
      text = this.#array(value);
    } else {
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw this.#error('EVIDENCE_VALUE_UNSUPPORTED', { type: describeObject(value) });
      }
      text = this.#object(value as Record<string, unknown>);
    }
    this.#ancestors.delete(value);
    return text;
  }

  #array(value: readonly unknown[]): string {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) {
      this.#path.push(i);
      const item = value[i];
      if (item === undefined)
        throw this.#error('EVIDENCE_VALUE_UNSUPPORTED', { type: 'undefined' });
      text += i === 0 ? this.write(item) : `,${this.write(item)}`;
      this.#path.pop();
    }
    return `${text}]`;
  }

  #object(value: Record<string, unknown>): string {
    if (Object.getOwnPropertySymbols(value).length > 0) {
      throw this.#error('EVIDENCE_VALUE_UNSUPPORTED', { type: 'symbol key' });
    }
    // Most keys are plain ASCII and already their own NFC form; only others need a lookup.
    const keys: string[] = [];
    let rawOf: Map<string, string> | undefined;
    for (const raw of Object.keys(value)) {
      if (value[raw] === undefined) continue;
      if (PLAIN_ASCII.test(raw)) {
        keys.push(raw);
        continue;
      }
      this.#path.push(raw);
      if (LONE_SURROGATE.test(raw)) throw this.#error('EVIDENCE_TEXT_MALFORMED');
      this.#path.pop();
      const key = raw.normalize('NFC');
      rawOf ??= new Map();
      // NOTE: a non-plain key stays non-plain under NFC, so it can only clash with another.
      if (rawOf.has(key)) throw this.#error('EVIDENCE_DUPLICATE_KEY', { key });
      rawOf.set(key, raw);
      keys.push(key);
    }
    // The default sort orders by UTF-16 code units, as RFC 8785 §3.2.3 prescribes.
    keys.sort();
    let text = '{';
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i]!;
      const raw = rawOf?.get(key) ?? key;
      this.#path.push(raw);
      const name = raw === key && rawOf === undefined ? `"${key}"` : this.#string(key);
      text += `${i === 0 ? '' : ','}${name}:${this.write(value[raw])}`;
      this.#path.pop();
    }
    return `${text}}`;
  }

  #error(code: EvidenceValueCode, params: Record<string, string> = {}): LoaError {
    const path = this.#path
      .map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`))
      .join('');
    return new LoaError(code, { params: { path: `$${path}`, ...params } });
  }
}

type EvidenceValueCode =
  | 'EVIDENCE_VALUE_UNSUPPORTED'
  | 'EVIDENCE_NUMBER_NOT_FINITE'
  | 'EVIDENCE_TEXT_MALFORMED'
  | 'EVIDENCE_DUPLICATE_KEY'
  | 'EVIDENCE_VALUE_CYCLE';

function describeObject(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'object';
}
