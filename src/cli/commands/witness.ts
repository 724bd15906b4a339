import type { Command } from 'commander';
import { LoaError } from '../../errors/loa-error.js';
import { type MessageCode, message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { dataDirFrom, withStore } from '../../store/open-store.js';
import { witnessKey } from '../../witness/key.js';
import { type PollResult, type PollStatus, pollUnits } from '../../witness/poll.js';
import { addWatchedUnit, listWatchedUnits } from '../../witness/units.js';
import { type Output, printJson } from '../output.js';

export interface WitnessOptions {
  json?: boolean;
}

/**
 * `loa witness add <name> [url] <key>`: watch a unit's log at its address, or, without one,
 * register a unit that only sends bundles (`loa import` knows it by its key).
 */
export async function runWitnessAdd(
  name: string,
  url: string | undefined,
  key: string,
  output: Output,
) {
  await withStore((store) => addWatchedUnit(store, { name, url, verifierKey: key }));
  output.out(
    url === undefined
      ? message('WITNESS_UNIT_ADDED_BUNDLES', { name })
      : message('WITNESS_UNIT_ADDED', { name, url }),
  );
  return 0;
}

/**
 * `loa witness key`: the witness's cosigner verifier key (c2sp.org/tlog-cosignature, type
 * 0x04), the line each unit adds to its LOA_WITNESS_KEYS. The private key is never shown.
 */
export async function runWitnessKey(output: Output) {
  output.out((await witnessKey(dataDirFrom())).verifierKey);
  return 0;
}

/** `loa witness list [--json]`: the watched units and what the last poll found. */
export async function runWitnessList(options: WitnessOptions, output: Output) {
  const units = await withStore((store) => listWatchedUnits(store));
  if (options.json) printJson(output, units);
  else {
    for (const u of units) {
      const rest = {
        name: u.name,
        url: u.url ?? message('WITNESS_BUNDLES_ONLY'),
        status: u.status ?? '-',
        checkedAt: u.checkedAt ?? '-',
      };
      output.out(
        u.size === undefined
          ? message('WITNESS_LIST_LINE_UNCHECKED', rest)
          : message('WITNESS_LIST_LINE', { ...rest, size: u.size }),
      );
    }
  }
  return 0;
}

const LINES: Record<PollStatus, MessageCode> = {
  ok: 'WITNESS_POLL_OK',
  forked: 'WITNESS_POLL_FORKED',
  shrank: 'WITNESS_POLL_SHRANK',
  're-keyed': 'WITNESS_POLL_REKEYED',
  unreachable: 'WITNESS_POLL_UNREACHABLE',
  'bundles-only': 'WITNESS_POLL_SKIPPED',
};

/** What a poll line may say without failing the poll. */
const FINE = new Set<PollStatus>(['ok', 'bundles-only']);

/**
 * `loa witness poll [--json]`: reads each watched unit's checkpoint, checks its signature and
 * its consistency with the last one cosigned, cosigns it and hands the cosignature back;
 * names every unit whose log forked, shrank or was re-keyed (exit 1 when any did, or when a
 * unit could not be read). A unit registered without an address is passed by with a note.
 */
export async function runWitnessPoll(
  options: WitnessOptions,
  output: Output,
  clock: Clock = systemClock,
) {
  const key = await witnessKey(dataDirFrom());
  const results = await withStore(async (store) => {
    const units = await listWatchedUnits(store);
    if (units.length === 0) throw new LoaError('WITNESS_NONE');
    return pollUnits(store, units, { key, now: clock.now() });
  });
  if (options.json) printJson(output, results);
  else {
    for (const r of results) {
      const line = message(LINES[r.status], {
        unit: r.unit,
        size: r.size ?? '-',
        previous: r.previous ?? '-',
        detail: r.detail ?? '',
        delivered: r.delivered ? message('WITNESS_DELIVERED') : '',
      });
      if (FINE.has(r.status)) output.out(line);
      else output.err(line);
    }
  }
  return results.every((r: PollResult) => FINE.has(r.status)) ? 0 : 1;
}

export function registerWitness(program: Command, output: Output, setExit: (code: number) => void) {
  const witness = program
    .command('witness')
    .description('Chứng kiến nhật ký của các đơn vị / witness the units’ logs');
  witness
    .command('add <name> <url-or-key> [key]')
    .usage('<name> [url] <key>')
    .description(
      'Thêm đơn vị (địa chỉ loa nếu có, và khoá công khai; không có địa chỉ: đơn vị chỉ gửi gói) / watch a unit (its loa address if it has one, and its public key; without an address: a unit that only sends bundles)',
    )
    .action(async (name: string, urlOrKey: string, key: string | undefined) =>
      setExit(
        key === undefined
          ? await runWitnessAdd(name, undefined, urlOrKey, output)
          : await runWitnessAdd(name, urlOrKey, key, output),
      ),
    );
  witness
    .command('key')
    .description(
      'Khoá công khai chứng kiến (cho LOA_WITNESS_KEYS) / the cosigner key to give units',
    )
    .action(async () => setExit(await runWitnessKey(output)));
  witness
    .command('list')
    .description('Các đơn vị / the watched units')
    .option('--json', 'JSON')
    .action(async (opts: WitnessOptions) => setExit(await runWitnessList(opts, output)));
  witness
    .command('poll')
    .description('Đọc, kiểm tra và ký chứng kiến / read, check and cosign each unit’s checkpoint')
    .option('--json', 'JSON')
    .action(async (opts: WitnessOptions) => setExit(await runWitnessPoll(opts, output)));
}
