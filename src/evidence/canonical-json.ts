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
 *   lone surrogates, two keys equal after NFC, cycles) is refused with `LoaError`.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

const encoder = new TextEncoder();
/** With the `u` flag, \p{Cs} matches only a surrogate that is not half of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The UTF-8 bytes of {@link canonicalJson}: what an evidence leaf hashes. */
export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalJson(value));
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return writeString(value, path);
    case 'number':
      return writeNumber(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return writeContainer(value, path, ancestors);
    default:
      throw unsupported(path, typeof value);
  }
}

function writeString(value: string, path: string): string {
  if (LONE_SURROGATE.test(value))
    throw new LoaError('EVIDENCE_TEXT_MALFORMED', { params: { path } });
  // NOTE: JSON.stringify escapes exactly as RFC 8785 §3.2.2.2 asks (\b \t \n \f \r \" \\,
  // other controls as \u00xx, everything else verbatim), so it is the JCS string writer.
  return JSON.stringify(value.normalize('NFC'));
}

function writeNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) {
    throw new LoaError('EVIDENCE_NUMBER_NOT_FINITE', { params: { path, value: String(value) } });
  }
  // ECMAScript Number::toString is the JCS number form; it already prints -0 as "0".
  return String(value);
}

function writeContainer(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new LoaError('EVIDENCE_VALUE_CYCLE', { params: { path } });
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return writeArray(value, path, ancestors);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw unsupported(path, describeObject(value));
    }
    return writeObject(value as Record<string, unknown>, path, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function writeArray(value: readonly unknown[], path: string, ancestors: Set<object>): string {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += 1) {
    const itemPath = `${path}[${i}]`;
    const item = value[i];
    if (item === undefined) throw unsupported(itemPath, 'undefined');
    parts.push(write(item, itemPath, ancestors));
  }
  return `[${parts.join(',')}]`;
}

function writeObject(value: Record<string, unknown>, path: string, ancestors: Set<object>): string {
  if (Object.getOwnPropertySymbols(value).length > 0) throw unsupported(path, 'symbol key');
  const members = new Map<string, string>();
  for (const rawKey of Object.keys(value)) {
    const item = value[rawKey];
    if (item === undefined) continue;
    const keyPath = `${path}.${rawKey}`;
    if (LONE_SURROGATE.test(rawKey)) {
      throw new LoaError('EVIDENCE_TEXT_MALFORMED', { params: { path: keyPath } });
    }
    const key = rawKey.normalize('NFC');
    if (members.has(key)) throw new LoaError('EVIDENCE_DUPLICATE_KEY', { params: { path, key } });
    members.set(key, write(item, keyPath, ancestors));
  }
  // Default sort compares UTF-16 code units, the order RFC 8785 §3.2.3 prescribes.
  const keys = [...members.keys()].sort();
  const parts = keys.map((key) => `${JSON.stringify(key)}:${members.get(key)}`);
  return `{${parts.join(',')}}`;
}

function describeObject(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'object';
}

function unsupported(path: string, type: string): LoaError {
  return new LoaError('EVIDENCE_VALUE_UNSUPPORTED', { params: { path, type } });
}
