import { createHash } from 'node:crypto';
import { CompactRange } from '../../src/evidence/merkle.js';
import { canonicalBytes } from '../../src/model/canonical-json.js';
import type { BenchFigure } from './report.js';

const ENTRIES = 1_000_000;
/** Entries are generated and hashed a chunk at a time, so the log never sits in memory. */
const CHUNK = 10_000;
const CHANNELS = ['cong-ttdt-tinh', 'dai-ptth-tinh', 'ban-tin-bnv', 'dai-truyen-thanh-xa'];

/** A realistic evidence entry: one publication outcome, about 300 bytes of canonical JSON. */
function entry(seq: number): Record<string, unknown> {
  const day = String((seq % 28) + 1).padStart(2, '0');
  const channel = CHANNELS[seq % CHANNELS.length]!;
  return {
    seq,
    kind: 'published',
    at: `2024-03-${day}T01:${String(seq % 60).padStart(2, '0')}:00.000Z`,
    plan: 'kh-cchc-2024',
    task: 'cong-ttdt',
    unit: 'so-noi-vu',
    channel,
    key: `${channel}/tin-${seq}/2024-03-${day}T08:00`,
    title: `Tin CCHC số ${seq}: một cửa liên thông hiện đại`,
    sha256: createHash('sha256').update(String(seq)).digest('hex').slice(0, 32),
  };
}

function now(): bigint {
  return process.hrtime.bigint();
}

function ms(from: bigint, to: bigint): number {
  return Number(to - from) / 1e6;
}

/**
 * Root of 1,000,000 canonical JSON entries with the compact range (leaf + node hashes, O(log n)
 * memory) beside bare SHA-256 of the same bytes (one createHash per entry, no tree); and the
 * canonical JSON writer beside JSON.stringify + UTF-8 encoding of the same objects.
 */
export async function run(): Promise<BenchFigure[]> {
  const range = new CompactRange();
  let oursTree = 0;
  let bareHash = 0;
  let oursJson = 0;
  let bareJson = 0;
  let bytes = 0;
  let sink = 0;
  for (let start = 0; start < ENTRIES; start += CHUNK) {
    const objects = Array.from({ length: CHUNK }, (_, i) => entry(start + i));
    let chunk: Uint8Array[] = [];
    let t: bigint;
    // Alternate which side runs first, so neither always meets the chunk's objects cold.
    for (const side of (start / CHUNK) % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours']) {
      t = now();
      if (side === 'ours') {
        chunk = objects.map((value) => canonicalBytes(value));
        oursJson += ms(t, now());
      } else {
        for (const value of objects) sink += Buffer.from(JSON.stringify(value), 'utf8').length;
        bareJson += ms(t, now());
      }
    }

    for (const data of chunk) bytes += data.length;
    // Alternate which side runs first, so neither always gets the warmer cache.
    const order = (start / CHUNK) % 2 === 0 ? ['tree', 'bare'] : ['bare', 'tree'];
    for (const side of order) {
      t = now();
      if (side === 'tree') for (const data of chunk) range.appendEntry(data);
      else for (const data of chunk) sink += createHash('sha256').update(data).digest()[0]!;
      if (side === 'tree') oursTree += ms(t, now());
      else bareHash += ms(t, now());
    }
  }
  const t = now();
  const root = Buffer.from(range.root()).toString('hex');
  oursTree += ms(t, now());
  if (range.size !== ENTRIES || sink < 0) throw new Error('benchmark lost entries');

  const average = Math.round(bytes / ENTRIES);
  return [
    {
      name: `Merkle root of ${ENTRIES.toLocaleString('en')} entries (~${average} B each), root ${root.slice(0, 12)}…`,
      ours: oursTree,
      baseline: bareHash,
      unit: 'ms',
      baselineLabel: 'bare SHA-256 per entry, no tree',
      goal: '< 5000 ms, ratio ≤ 3',
      met: oursTree < 5000 && oursTree / bareHash <= 3,
    },
    {
      name: `canonical JSON of ${ENTRIES.toLocaleString('en')} entries (sorted keys, NFC)`,
      ours: oursJson,
      baseline: bareJson,
      unit: 'ms',
      baselineLabel: 'JSON.stringify + UTF-8',
      goal: 'ratio ≤ 2',
      met: oursJson / bareJson <= 2,
    },
  ];
}
