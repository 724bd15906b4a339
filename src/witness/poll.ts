import type { DateTime } from 'luxon';
import { verifyCheckpoint } from '../evidence/checkpoint.js';
import { verifyConsistency } from '../evidence/merkle.js';
import { cosignNote, parseVerifierKey } from '../evidence/signed-note.js';
import type { SigningKey } from '../evidence/signing-key.js';
import { toStored } from '../model/instant.js';
import type { Db } from '../store/types.js';
import { recordWitnessCheckpoint, recordWitnessFinding } from '../store/witness-units.js';
import type { WatchedUnit } from './units.js';

/**
 * What a poll found at one unit:
 * - `ok`: the checkpoint is signed by the unit's key and extends the last one cosigned (or
 *   is the first); it was cosigned and stored;
 * - `forked`: same size, another root, or no valid consistency proof from the last one: the
 *   log was rewritten;
 * - `shrank`: fewer entries than the last checkpoint cosigned;
 * - `re-keyed`: the checkpoint is not signed by the key the witness holds for the unit;
 * - `unreachable`: no answer, or an answer that is not a checkpoint;
 * - `bundles-only`: the unit has no public log address (it only sends bundles); not polled,
 *   nothing stored.
 */
export type PollStatus = 'ok' | 'forked' | 'shrank' | 're-keyed' | 'unreachable' | 'bundles-only';

export interface PollResult {
  unit: string;
  status: PollStatus;
  /** The size seen now (when a checkpoint was read) and the last one cosigned before. */
  size?: number;
  previous?: number;
  detail?: string;
  /** Whether the unit took the cosignature back (POST /log/cosignatures). */
  delivered?: boolean;
}

export interface PollOptions {
  /** The witness's cosigning key (type 0x04, see key.ts): cosignatures are signed with it. */
  key: SigningKey;
  now: DateTime;
  /** Milliseconds per request (default 5,000). */
  timeoutMs?: number;
  /** Units polled at once (default 16). */
  concurrency?: number;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

async function get(url: string, timeoutMs: number): Promise<Response> {
  return fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
}

/** Polls one unit: reads, checks, cosigns and stores (only an `ok` changes what is stored). */
export async function pollUnit(
  db: Db,
  unit: WatchedUnit,
  options: PollOptions,
): Promise<PollResult> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const base = { unit: unit.name, ...(unit.size === undefined ? {} : { previous: unit.size }) };
  const address = unit.url;
  if (address === undefined) return { ...base, status: 'bundles-only' };
  const finding = async (status: PollStatus, extra: Partial<PollResult>) => {
    await recordWitnessFinding(db, unit.name, status, toStored(options.now));
    return { ...base, status, ...extra };
  };
  let note: string;
  try {
    const res = await get(`${address}/log/checkpoint`, timeoutMs);
    if (!res.ok) return finding('unreachable', { detail: `HTTP ${res.status}` });
    note = await res.text();
  } catch (error) {
    return finding('unreachable', { detail: (error as Error).message });
  }
  let size: number;
  let root: Uint8Array;
  try {
    ({ size, rootHash: root } = verifyCheckpoint(note, parseVerifierKey(unit.verifierKey)));
  } catch (error) {
    return finding('re-keyed', { detail: (error as Error).message });
  }
  if (unit.size !== undefined && unit.rootHashHex !== undefined) {
    if (size < unit.size) return finding('shrank', { size, detail: `${unit.size} → ${size}` });
    if (size === unit.size && hex(root) !== unit.rootHashHex) {
      return finding('forked', { size, detail: `${unit.rootHashHex} → ${hex(root)}` });
    }
    if (size > unit.size && unit.size > 0) {
      try {
        const res = await get(`${address}/log/consistency?from=${unit.size}&to=${size}`, timeoutMs);
        const proof = (await res.json()) as { proof?: unknown };
        const hashes = Array.isArray(proof.proof)
          ? proof.proof.map((h) => new Uint8Array(Buffer.from(String(h), 'hex')))
          : [];
        const verdict = verifyConsistency(
          unit.size,
          size,
          hashes,
          new Uint8Array(Buffer.from(unit.rootHashHex, 'hex')),
          root,
        );
        if (!verdict.ok) return finding('forked', { size, detail: verdict.detail });
      } catch (error) {
        return finding('forked', { size, detail: (error as Error).message });
      }
    }
  }
  // c2sp.org/tlog-cosignature: a `cosignature/v1` line, timestamped (POSIX seconds).
  const cosigned = cosignNote(note, options.key, Math.floor(options.now.toSeconds()));
  await recordWitnessCheckpoint(db, unit.name, {
    size,
    rootHash: hex(root),
    note: cosigned,
    checkedAt: toStored(options.now),
  });
  let delivered = false;
  try {
    const res = await fetch(`${address}/log/cosignatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: cosigned }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    delivered = res.ok;
  } catch {
    delivered = false;
  }
  return { ...base, status: 'ok', size, delivered };
}

/** Polls every unit, `concurrency` at a time, in name order. */
export async function pollUnits(
  db: Db,
  units: readonly WatchedUnit[],
  options: PollOptions,
): Promise<PollResult[]> {
  const results: PollResult[] = new Array(units.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < units.length; i = next++) {
      results[i] = await pollUnit(db, units[i]!, options);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 16, units.length) }, worker),
  );
  return results;
}
