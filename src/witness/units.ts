import { LoaError } from '../errors/loa-error.js';
import { parseVerifierKey } from '../evidence/signed-note.js';
import type { Db } from '../store/types.js';
import { insertWitnessUnit, listWitnessUnits, witnessUnitExists } from '../store/witness-units.js';

/** Đơn vị được chứng kiến: a unit whose log a witness (Sở Nội vụ) watches. */
export interface WatchedUnit {
  name: string;
  /** Base address of the unit's loa server. */
  url: string;
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

/** Adds a unit to watch; its name is the witness's own label for it (kebab-case). */
export async function addWatchedUnit(
  db: Db,
  unit: { name: string; url: string; verifierKey: string },
): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(unit.name)) {
    throw new LoaError('WITNESS_UNIT_INVALID', { params: { field: 'name', value: unit.name } });
  }
  let url: URL;
  try {
    url = new URL(unit.url);
  } catch {
    throw new LoaError('WITNESS_UNIT_INVALID', { params: { field: 'url', value: unit.url } });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new LoaError('WITNESS_UNIT_INVALID', { params: { field: 'url', value: unit.url } });
  }
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
    url: url.href.replace(/\/$/, ''),
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
    url: r.url,
    verifierKey: r.verifier_key,
    ...(r.size === null ? {} : { size: Number(r.size) }),
    ...(r.root_hash === null ? {} : { rootHashHex: r.root_hash }),
    ...(r.note === null ? {} : { note: r.note }),
    ...(r.checked_at === null ? {} : { checkedAt: r.checked_at }),
    ...(r.status === null ? {} : { status: r.status }),
  }));
}
