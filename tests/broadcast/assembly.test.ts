import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildRundown,
  minimumLengthSec,
  type RundownCandidate,
} from '../../src/broadcast/assembly.js';
import { itemsInOrder, type RundownSlot } from '../../src/broadcast/model.js';
import { computeTiming } from '../../src/broadcast/timing.js';
import { candidate, channel, plan, slot } from './sample.js';

const ids = (items: { itemId: string }[]) => items.map((i) => i.itemId).sort();

function chosenOf(result: ReturnType<typeof buildRundown>) {
  return itemsInOrder(result.rundown).map(({ item }) => item);
}

/** Every subset, best by (priority, items with a focus topic), total in [min, cap]. */
function bruteForce(pool: RundownCandidate[], cap: number, min: number, focus: Set<string>) {
  let best: { priority: number; focus: number } | undefined;
  let reachable = false;
  for (let mask = 0; mask < 1 << pool.length; mask++) {
    let total = 0;
    let priority = 0;
    let focused = 0;
    pool.forEach((c, i) => {
      if ((mask & (1 << i)) === 0) return;
      total += c.durationSec ?? 0;
      priority += c.priority;
      if (c.topics.some((t) => focus.has(t))) focused += 1;
    });
    if (total < min || total > cap) continue;
    reachable = true;
    if (
      best === undefined ||
      priority > best.priority ||
      (priority === best.priority && focused > best.focus)
    ) {
      best = { priority, focus: focused };
    }
  }
  return { reachable, best };
}

const FOCUS = new Set(['cai-cach-tthc', 'chinh-phu-so']);

const smallInput = fc.record({
  items: fc.array(
    fc.record({
      durationSec: fc.integer({ min: 1, max: 700 }),
      priority: fc.integer({ min: 1, max: 5 }),
      topic: fc.constantFrom('cai-cach-tthc', 'chinh-phu-so', 'cong-vu', undefined),
    }),
    { maxLength: 14 },
  ),
  lengthSec: fc.integer({ min: 60, max: 2400 }),
  minLengthSec: fc.integer({ min: 1, max: 2400 }),
});

describe('rundown assembly: properties against brute force', () => {
  it('never overruns the slot, reaches the minimum when it can, and is optimal', () => {
    fc.assert(
      fc.property(smallInput, ({ items, lengthSec, minLengthSec }) => {
        const pool = items.map((it, i) =>
          candidate(`tin-${i}`, {
            durationSec: it.durationSec,
            priority: it.priority,
            topics: it.topic === undefined ? [] : [it.topic],
          }),
        );
        const ch = { ...channel, minLengthSec, serves: [] };
        const s: RundownSlot = { ...slot, lengthSec };
        const result = buildRundown(ch, s, pool, plan, {});
        const timing = computeTiming(result.rundown);
        const expected = bruteForce(pool, lengthSec, minLengthSec, FOCUS);

        expect(timing.plannedSec).toBeLessThanOrEqual(lengthSec);
        expect(timing.plannedSec).toBe(result.totalSec);
        expect(result.belowMinimum).toBe(!expected.reachable);
        if (expected.best !== undefined) {
          expect(timing.plannedSec).toBeGreaterThanOrEqual(minLengthSec);
          const chosen = chosenOf(result);
          expect(result.priority).toBe(expected.best.priority);
          expect(chosen.filter((c) => c.topics.some((t) => FOCUS.has(t))).length).toBe(
            expected.best.focus,
          );
        }
      }),
      { numRuns: 300, seed: 20240308 },
    );
  });
});

describe('rundown assembly', () => {
  it('takes the plan minimum when it is above the channel minimum', () => {
    const strict = {
      ...plan,
      tasks: plan.tasks.map((t) => ({ ...t, rule: { ...t.rule, minDurationSec: 1200 } })),
    };
    expect(minimumLengthSec(channel, plan)).toBe(900);
    expect(minimumLengthSec(channel, strict)).toBe(1200);
    expect(minimumLengthSec(channel, undefined)).toBe(900);
  });

  it('prefers the higher total priority over a fuller slot', () => {
    const pool = [
      candidate('a', { durationSec: 1000, priority: 5 }),
      candidate('b', { durationSec: 700, priority: 1 }),
      candidate('c', { durationSec: 800, priority: 1 }),
      candidate('d', { durationSec: 780, priority: 4 }),
    ];
    const result = buildRundown(channel, slot, pool, plan);
    expect(ids(chosenOf(result))).toEqual(['a', 'd']);
    expect(result.totalSec).toBe(1780);
    expect(result.skipped).toEqual([
      { itemId: 'b', reason: 'left-out' },
      { itemId: 'c', reason: 'left-out' },
    ]);
  });

  it('breaks a priority tie toward focus topics, then toward older items', () => {
    const pool = [
      candidate('moi', { durationSec: 600, priority: 3, queuedAt: '2024-03-07T10:00:00+07:00' }),
      candidate('cu', { durationSec: 600, priority: 3, queuedAt: '2024-03-01T10:00:00+07:00' }),
      candidate('trong-tam', { durationSec: 600, priority: 3, topics: ['chinh-phu-so'] }),
      candidate('nen', { durationSec: 600, priority: 3, queuedAt: '2024-03-05T10:00:00+07:00' }),
    ];
    const result = buildRundown(channel, slot, pool, plan);
    expect(ids(chosenOf(result))).toEqual(['cu', 'nen', 'trong-tam']);
    expect(result.focusCovered).toEqual(['chinh-phu-so']);
  });

  it('tops up from evergreen items when approved material is short, and says so', () => {
    const pool = [
      candidate('tin-moi', { durationSec: 400, priority: 5 }),
      candidate('kho-1', { durationSec: 300, priority: 2, evergreen: true }),
      candidate('kho-2', { durationSec: 500, priority: 3, evergreen: true }),
      candidate('kho-3', { durationSec: 1500, priority: 5, evergreen: true }),
      candidate('nhap', { durationSec: 300, priority: 5, status: 'draft' }),
      candidate('khong-do-dai', { durationSec: 300, priority: 5 }),
      candidate('kenh-khac', { durationSec: 300, priority: 5, channels: ['cong-ttdt'] }),
    ];
    delete (pool[5] as { durationSec?: number }).durationSec;
    const result = buildRundown(channel, slot, pool, plan);
    expect(result.toppedUp).toBe(true);
    expect(result.belowMinimum).toBe(false);
    // the fresh item stays; the reserve fills the rest at the best priority that fits
    expect(ids(chosenOf(result))).toEqual(['kho-1', 'kho-2', 'tin-moi']);
    expect(result.evergreenUsed.sort()).toEqual(['kho-1', 'kho-2']);
    expect(chosenOf(result).filter((i) => i.evergreen).length).toBe(2);
    expect(result.skipped).toEqual([
      { itemId: 'nhap', reason: 'not-approved' },
      { itemId: 'khong-do-dai', reason: 'no-duration' },
    ]);
  });

  it('does not touch the evergreen reserve when approved material suffices', () => {
    const pool = [
      candidate('tin-1', { durationSec: 1000, priority: 3 }),
      candidate('kho', { durationSec: 700, priority: 5, evergreen: true }),
    ];
    const result = buildRundown(channel, slot, pool, plan);
    expect(result.toppedUp).toBe(false);
    expect(result.evergreenUsed).toEqual([]);
    expect(ids(chosenOf(result))).toEqual(['tin-1']);
  });

  it('reports a slot it cannot fill to the minimum, with the longest filling it has', () => {
    const pool = [
      candidate('a', { durationSec: 300, priority: 1 }),
      candidate('b', { durationSec: 200, priority: 5 }),
      candidate('qua-dai', { durationSec: 2000, priority: 5 }),
    ];
    const result = buildRundown(channel, slot, pool, plan);
    expect(result.belowMinimum).toBe(true);
    expect(result.totalSec).toBe(500);
    expect(result.skipped).toEqual([{ itemId: 'qua-dai', reason: 'too-long' }]);
  });

  it('groups items into segments in a stable order, and gives each a unique slug', () => {
    const pool = [
      candidate('hd', { durationSec: 300, priority: 2, segment: 'Hỏi – đáp', title: 'Hỏi đáp' }),
      candidate('t1', { durationSec: 300, priority: 5, title: 'Một cửa liên thông' }),
      candidate('t2', { durationSec: 300, priority: 4, title: 'Một cửa liên thông' }),
      candidate('gt', { durationSec: 300, priority: 3, segment: 'Giới thiệu', title: 'Mở đầu' }),
    ];
    const result = buildRundown(channel, slot, pool, plan, { segmentOrder: ['Giới thiệu'] });
    const segments = result.rundown.segments.map((s) => [s.title, s.items.map((i) => i.slug)]);
    expect(segments).toEqual([
      ['Giới thiệu', ['mo-dau']],
      ['Tin tức', ['mot-cua-lien-thong', 'mot-cua-lien-thong-2']],
      ['Hỏi – đáp', ['hoi-dap']],
    ]);
    expect(result.rundown.segments.map((s) => s.targetSec)).toEqual([300, 600, 300]);
    expect(result.rundown.state).toBe('draft');
    expect(result.rundown.id).toBe('truyen-hinh-tinh@20240308T130000Z');
  });
});
