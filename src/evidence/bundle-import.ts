import { readFile } from 'node:fs/promises';
import type { DateTime } from 'luxon';
import { LoaError } from '../errors/loa-error.js';
import {
  importedLogOf,
  insertImportedSegment,
  readImportedLeaves,
  saveImportedLog,
} from '../store/imported-logs.js';
import type { Db, Store } from '../store/types.js';
import { listWitnessUnits } from '../store/witness-units.js';
import {
  type BundleFiles,
  bundleKey,
  type CheckedBundle,
  checkBundle,
  readZip,
} from './bundle-open.js';
import { parseVerifierKey } from './signed-note.js';

/** What `importBundles` is given. */
export interface ImportOptions {
  /** The bundle files (zips written by `loa evidence export`), in the order given. */
  paths: readonly string[];
  now: DateTime;
  /** Called after each bundle: bundles done of all. */
  onProgress?: (done: number, total: number) => void;
}

/** What became of one bundle. */
export interface ImportResult {
  bundle: string;
  /** The unit whose key signs the bundle (its name in `loa witness list`). */
  unit: string;
  /** Entries the bundle's checkpoint signs, and entries imported so far of the unit before it. */
  size: number;
  imported: number;
  /** `added`: the log grew by `size - imported`; `unchanged`: imported before; `older`: a prefix. */
  status: 'added' | 'unchanged' | 'older';
  rootHex: string;
}

/** The state of a unit's imported log as the command goes (the store's, then the command's). */
interface UnitState {
  size: number;
  rootHex: string;
  /** Leaf hashes, loaded only when a bundle is compared below the size imported. */
  leaves?: string[];
}

/**
 * `loa import`: checks each bundle with the key of the unit that signs it (a unit registered
 * with `loa witness add`; an unknown key is refused with how to register it), then compares
 * its log with what was imported of that unit: the same or an older prefix changes nothing, a
 * longer log that extends it adds the new entries, a log that contradicts it (a fork) is
 * refused, naming the first entry that differs. All bundles are imported in one transaction:
 * the first bundle refused leaves the store as it was.
 */
export async function importBundles(store: Store, options: ImportOptions): Promise<ImportResult[]> {
  const units = await listWitnessUnits(store);
  const byKey = new Map(units.map((u) => [u.verifier_key.trim(), u.name]));
  return store.transaction(async (tx) => {
    const states = new Map<string, UnitState>();
    const results: ImportResult[] = [];
    // NOTE: the next bundle is read and inflated (in the thread pool) while this one is checked
    // and stored; its problem, if any, is told only when its turn comes.
    let next = settled(bundleFiles(options.paths[0]));
    for (const [i, path] of options.paths.entries()) {
      const files = await next.then(unsettled);
      next = settled(bundleFiles(options.paths[i + 1]));
      const key = bundleKey(files, path);
      const unit = byKey.get(key);
      if (unit === undefined) {
        throw new LoaError('IMPORT_UNKNOWN_KEY', { params: { bundle: path, key } });
      }
      const state = states.get(unit) ?? (await storedState(tx, unit));
      const checked = checkBundle(
        files,
        parseVerifierKey(key),
        path,
        state.size > 0 ? [state.size] : [],
      );
      results.push(await merge(tx, { path, unit, key, state, checked, now: options.now }));
      const last = results[results.length - 1] as ImportResult;
      if (last.status === 'added')
        states.set(unit, { size: checked.size, rootHex: checked.rootHex });
      else states.set(unit, state);
      options.onProgress?.(i + 1, options.paths.length);
    }
    return results;
  });
}

/** A bundle's files (none after the last bundle), read and unzipped. */
async function bundleFiles(path: string | undefined): Promise<BundleFiles> {
  if (path === undefined) return new Map();
  const bytes = await readFile(path).catch((error: Error) => {
    throw new LoaError('IMPORT_BUNDLE_UNREADABLE', {
      params: { bundle: path, reason: (error as NodeJS.ErrnoException).code ?? error.message },
    });
  });
  return readZip(bytes, path);
}

/** A promise that never rejects (its failure kept as its value), to be awaited later. */
const settled = <T>(p: Promise<T>): Promise<{ value: T } | { error: unknown }> =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

function unsettled<T>(outcome: { value: T } | { error: unknown }): T {
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

async function storedState(tx: Db, unit: string): Promise<UnitState> {
  const row = await importedLogOf(tx, unit);
  return row ? { size: Number(row.size), rootHex: row.root_hash } : { size: 0, rootHex: '' };
}

/** Compares a checked bundle with the unit's imported log and stores what it adds. */
async function merge(
  tx: Db,
  b: {
    path: string;
    unit: string;
    key: string;
    state: UnitState;
    checked: CheckedBundle;
    now: DateTime;
  },
): Promise<ImportResult> {
  const { state, checked } = b;
  const result = {
    bundle: b.path,
    unit: b.unit,
    size: checked.size,
    imported: state.size,
    rootHex: checked.rootHex,
  };
  if (checked.size < state.size) {
    // An older bundle: its entries must be the first of those imported.
    state.leaves ??= await readImportedLeaves(tx, b.unit);
    const differs = state.leaves
      .slice(0, checked.size)
      .findIndex((leaf, n) => leaf !== leafOf(checked, n));
    if (differs >= 0) throw forked(b.path, b.unit, differs, state.size);
    return { ...result, status: 'older' };
  }
  if (state.size > 0 && checked.rootsAt.get(state.size) !== state.rootHex) {
    state.leaves ??= await readImportedLeaves(tx, b.unit);
    const differs = state.leaves.findIndex((leaf, n) => leaf !== leafOf(checked, n));
    throw forked(b.path, b.unit, Math.max(differs, 0), state.size);
  }
  if (checked.size === state.size) return { ...result, status: 'unchanged' };
  const importedAt = b.now.toUTC().toISO() as string;
  // A plan the new bundle's period does not audit keeps the serving the earlier one said.
  const before = await importedLogOf(tx, b.unit);
  const serving = { ...(before ? JSON.parse(before.serving) : {}), ...checked.serving };
  const kinds = { ...(before ? JSON.parse(before.channel_kinds) : {}), ...checked.channelKinds };
  const implementing = { ...(before ? JSON.parse(before.implements) : {}), ...checked.implements };
  await insertImportedSegment(tx, {
    unit: b.unit,
    start: state.size,
    count: checked.size - state.size,
    entries: checked.entries.subarray(
      state.size === 0 ? 0 : (checked.ends[state.size - 1] as number) + 1,
    ),
    leaves: checked.leaves.subarray(65 * state.size),
    imported_at: importedAt,
  });
  await saveImportedLog(tx, {
    unit: b.unit,
    verifier_key: b.key,
    size: checked.size,
    root_hash: checked.rootHex,
    checkpoint: checked.checkpoint,
    serving: JSON.stringify(serving),
    channel_kinds: JSON.stringify(kinds),
    implements: JSON.stringify(implementing),
    imported_at: importedAt,
  });
  return { ...result, status: 'added' };
}

/** The leaf hash (hex) of entry n of a checked bundle. */
function leafOf(checked: CheckedBundle, n: number): string {
  return checked.leaves.toString('latin1', 65 * n, 65 * n + 64);
}

function forked(bundle: string, unit: string, index: number, size: number): LoaError {
  return new LoaError('IMPORT_FORKED', { params: { bundle, unit, index, size }, kind: 'conflict' });
}
