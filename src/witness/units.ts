import { LoaError } from '../errors/loa-error.js';
import { parseVerifierKey } from '../evidence/signed-note.js';
import type { Db } from '../store/types.js';
import { insertWitnessUnit, listWitnessUnits, witnessUnitExists } from '../store/witness-units.js';

/** Đơn vị được chứng kiến: a unit whose log a witness (Sở Nội vụ) watches. */
export interface WatchedUnit {
  name: string;
  /**
   * Base address of the unit's loa server; absent for a unit that only sends bundles (no
   * public log to poll: the auditor takes its evidence with `loa import`).
   */
  url?: string;
  /** The unit's signed-note verifier key. */
  verifierKey: string;
  /** The last checkpoint checked and cosigned, if any. */
  size?: number;
  rootHashHex?: string;
  note?: string;
  checkedAt?: string;
  /** `ok`, or what the last poll found. */
  status?: string;
}

/**
 * Adds a unit to watch; its name is the witness's own label for it (kebab-case). Without a
 * URL the unit is known by its key alone: `loa import` takes its bundles, `witness poll`
 * passes it by.
 */
export async function addWatchedUnit(
  db: Db,
  unit: { name: string; url?: string | undefined; verifierKey: string },
): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(unit.name)) {
    throw new LoaError('WITNESS_UNIT_INVALID', { params: { field: 'name', value: unit.name } });
  }
  const url = unit.url === undefined ? undefined : logAddress(unit.url);
  try {
    parseVerifierKey(unit.verifierKey);
  } catch {
    throw new LoaError('WITNESS_UNIT_INVALID', {
      params: { field: 'key', value: unit.verifierKey },
    });
  }
  if (await witnessUnitExists(db, unit.name)) {
    throw new LoaError('WITNESS_UNIT_EXISTS', { params: { name: unit.name }, kind: 'conflict' });
  }
  await insertWitnessUnit(db, {
    name: unit.name,
    // NOTE: the column predates bundle-only units and is NOT NULL; '' stands for no address.
    url: url === undefined ? '' : url.href.replace(/\/$/, ''),
    verifier_key: unit.verifierKey.trim(),
    size: null,
    root_hash: null,
    note: null,
    checked_at: null,
    status: null,
  });
}

/** Every watched unit, by name. */
export async function listWatchedUnits(db: Db): Promise<WatchedUnit[]> {
  const rows = await listWitnessUnits(db);
  return rows.map((r) => ({
    name: r.name,
    ...(r.url === '' ? {} : { url: r.url }),
    verifierKey: r.verifier_key,
    ...(r.size === null ? {} : { size: Number(r.size) }),
    ...(r.root_hash === null ? {} : { rootHashHex: r.root_hash }),
    ...(r.note === null ? {} : { note: r.note }),
    ...(r.checked_at === null ? {} : { checkedAt: r.checked_at }),
    ...(r.status === null ? {} : { status: r.status }),
  }));
}

function logAddress(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new LoaError('WITNESS_UNIT_INVALID', { params: { field: 'url', value: text } });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new LoaError('WITNESS_UNIT_INVALID', { params: { field: 'url', value: text } });
  }
  return url;
}
