import { Plan } from '../../src/model/plan.js';

/** How a generated district plan holds its communes' stations. */
export interface DistrictOptions {
  /** Airings a week required of each unit. */
  atLeast?: number;
  /** The task's `each`: the units held to the quota. */
  each?: unknown;
  /** The unit id of a commune's station. */
  station?: (commune: string) => string;
  /** The shortest airing that counts, if any. */
  minDurationSec?: number;
}

/**
 * A district plan for 2024 with `communes` communes (type xa, ids xa-1 …), each commune with
 * its loudspeaker station (type dai) under it, and one task: each commune's station airs at
 * least `atLeast` times a week.
 */
export function districtPlan(communes: number, options: DistrictOptions = {}): Plan {
  const { atLeast = 3, each = { parent: 'ubnd-huyen', type: 'xa' } } = options;
  const station = options.station ?? ((id: string) => `loa-${id}`);
  const ids = Array.from({ length: communes }, (_, i) => `xa-${i + 1}`);
  return Plan.parse({
    id: 'huyen-2024',
    document: { number: '5/KH-UBND', date: '2024-01-02', issuer: 'UBND huyện', title: 'KH' },
    period: { start: '2024-01-01', end: '2024-12-31' },
    units: [
      { id: 'ubnd-huyen', name: 'UBND huyện' },
      ...ids.map((id, i) => ({ id, name: `Xã ${i + 1}`, parent: 'ubnd-huyen', type: 'xa' })),
      ...ids.map((id) => ({ id: station(id), name: `Đài ${id}`, parent: id, type: 'dai' })),
    ],
    tasks: [
      {
        id: 'loa-xa',
        title: `Mỗi đài truyền thanh xã phát ít nhất ${atLeast} lần một tuần`,
        unit: 'ubnd-huyen',
        source: 'III.3',
        each,
        rule: {
          per: 'week',
          atLeast,
          channelKinds: ['broadcast'],
          ...(options.minDurationSec ? { minDurationSec: options.minDurationSec } : {}),
        },
      },
    ],
  });
}
