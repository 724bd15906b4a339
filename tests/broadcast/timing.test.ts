import { describe, expect, it } from 'vitest';
import { setFloated, updateItem } from '../../src/broadcast/state.js';
import { computeTiming, formatDuration, formatOverUnder } from '../../src/broadcast/timing.js';
import { fixedRundown } from './sample.js';

describe('rundown timing', () => {
  it('computes cume time and back-time from the slot, floated items not counted', () => {
    const timing = computeTiming(fixedRundown());
    const rows = timing.items.map((t) => [
      t.item.slug,
      t.cumeSec,
      t.cumeAt.toFormat('HH:mm:ss'),
      t.backSec,
      t.backAt.toFormat('HH:mm:ss'),
      t.countedSec,
    ]);
    expect(rows).toEqual([
      ['mot-cua-lien-thong', 0, '20:00:00', 840, '20:14:00', 300],
      ['dich-vu-cong-truc-tuyen', 300, '20:05:00', 1140, '20:19:00', 240],
      ['tin-du-phong', 540, '20:09:00', 1380, '20:23:00', 0],
      ['hoi-dap-cap-doi-cccd', 540, '20:09:00', 1380, '20:23:00', 420],
    ]);
    expect(timing.plannedSec).toBe(960);
    expect(timing.overUnderSec).toBe(-840);
    expect(timing.belowMinimum).toBe(false);
  });

  it('gives over/under per segment against its target', () => {
    const timing = computeTiming(fixedRundown());
    expect(timing.segments.map((s) => [s.title, s.plannedSec, s.overUnderSec])).toEqual([
      ['Tin tức', 540, -60],
      ['Hỏi – đáp', 420, -180],
    ]);
  });

  it('counts a floated item again once it is unfloated, and shows the show over', () => {
    const longer = updateItem(fixedRundown(), 'hoi-dap-cap-doi-cccd', { plannedSec: 1400 });
    const unfloated = setFloated(longer, 'tin-du-phong', false);
    const timing = computeTiming(unfloated);
    expect(timing.plannedSec).toBe(300 + 240 + 90 + 1400);
    expect(timing.overUnderSec).toBe(230);
    expect(timing.segments[0]?.overUnderSec).toBe(30);
    // the last item must start before the top of the show to end on time: back-time shows it
    expect(timing.items[3]?.backSec).toBe(1800 - 1400);
    expect(timing.items[0]?.backSec).toBe(-230);
    expect(timing.items[0]?.backAt.toFormat('HH:mm:ss')).toBe('19:56:10');
  });

  it('flags a show below its minimum', () => {
    const short = setFloated(fixedRundown(), 'hoi-dap-cap-doi-cccd', true);
    const timing = computeTiming(short);
    expect(timing.plannedSec).toBe(540);
    expect(timing.belowMinimum).toBe(true);
  });

  it('formats durations and signed over/under', () => {
    expect(formatDuration(95)).toBe('1:35');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatOverUnder(30)).toBe('+0:30');
    expect(formatOverUnder(-70)).toBe('-1:10');
    expect(formatOverUnder(0)).toBe('0:00');
  });
});
