import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Rundown } from '../../src/broadcast/model.js';
import { setFloated } from '../../src/broadcast/state.js';
import { rundownStatus } from '../../src/broadcast/status.js';
import { message } from '../../src/i18n/catalogue.js';
import { channel, fixedRundown, slot } from './sample.js';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Ho_Chi_Minh' });
const ready = fixedRundown();
const draft: Rundown = { ...ready, state: 'draft' };
const short = setFloated(ready, 'hoi-dap-cap-doi-cccd', true);
const source = { source: 'IV.1.d' };

function level(rundown: Rundown | undefined, now: string) {
  return rundownStatus(rundown, slot, channel, at(now), source).level;
}

describe('rundown enforcement status', () => {
  it('is ok before the lead time even with no rundown yet', () => {
    const status = rundownStatus(undefined, slot, channel, at('2024-03-06T19:59'), source);
    expect(status.level).toBe('ok');
    expect(status.problems).toEqual(['missing']);
    expect(status.dueAt.toISO()).toBe('2024-03-06T20:00:00.000+07:00');
  });

  it('warns inside the 48-hour lead time when missing, short or still a draft', () => {
    expect(level(undefined, '2024-03-06T20:00')).toBe('warning');
    expect(level(draft, '2024-03-07T08:00')).toBe('warning');
    expect(level(short, '2024-03-07T08:00')).toBe('warning');
    expect(level(ready, '2024-03-07T08:00')).toBe('ok');
    const status = rundownStatus(short, slot, channel, at('2024-03-07T08:00'), source);
    expect(status.problems).toEqual(['short']);
    expect(status.plannedSec).toBe(540);
    expect(status.source).toBe('IV.1.d');
  });

  it('is at risk in the last two hours before air, and on air, while still short', () => {
    expect(level(undefined, '2024-03-08T18:00')).toBe('at-risk');
    expect(level(draft, '2024-03-08T20:10')).toBe('at-risk');
    expect(level(ready, '2024-03-08T19:59')).toBe('ok');
  });

  it('is missed after air without an as-run record, and aired with one', () => {
    // as-run grace: the channel's maxLatenessMinutes (120) after the slot ends at 20:30
    expect(level(ready, '2024-03-08T22:29')).toBe('ok');
    expect(level(ready, '2024-03-08T22:30')).toBe('missed');
    expect(level(undefined, '2024-03-09T08:00')).toBe('missed');
    const aired: Rundown = { ...ready, state: 'aired' };
    expect(level(aired, '2024-03-09T08:00')).toBe('aired');
  });

  it('uses a channel lead time and the minimum when no rundown exists', () => {
    const quick = { ...channel, leadTimeHours: 6, minLengthSec: 1200 };
    const status = rundownStatus(undefined, slot, quick, at('2024-03-08T13:00'), {
      atRiskHours: 1,
    });
    expect(status.level).toBe('ok');
    expect(status.minimumSec).toBe(1200);
    expect(rundownStatus(undefined, slot, quick, at('2024-03-08T14:00')).level).toBe('warning');
    expect(
      rundownStatus(undefined, slot, quick, at('2024-03-08T19:00'), { atRiskHours: 1 }).level,
    ).toBe('at-risk');
  });

  it('cites the plan clause in the message a user reads', () => {
    const status = rundownStatus(undefined, slot, channel, at('2024-03-08T19:00'), source);
    const text = message(
      status.code,
      {
        programme: channel.programme,
        air: status.airAt.toFormat('dd/MM HH:mm'),
        problems: message('RUNDOWN_PROBLEM_MISSING', {}, 'vi'),
        source: status.source,
      },
      'vi',
    );
    expect(text).toBe(
      'Cải cách hành chính 08/03 20:00: có nguy cơ không phát đủ (chưa có kịch bản) [IV.1.d]',
    );
  });
});
