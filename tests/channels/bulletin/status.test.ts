import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { bulletinIssuesIn } from '../../../src/calendar/slots.js';
import { bulletinStatus } from '../../../src/channels/bulletin/status.js';
import { bulletinChannel, entry } from './fixtures.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const channel = bulletinChannel();
const march = bulletinIssuesIn(
  channel,
  {
    start: DateTime.fromISO('2024-03-01T00:00', { zone: ZONE }),
    end: DateTime.fromISO('2024-04-01T00:00', { zone: ZONE }),
  },
  ZONE,
);
// Items for issues 9 and 11 only; issue 9 was issued.
const items = [entry('a', '2024-03-03T03:00:00Z'), entry('b', '2024-03-16T03:00:00Z')];
const planned = march.map((issue) => ({ ...issue, issued: issue.number === 9 }));

function states(now: string) {
  return bulletinStatus(channel, planned, items, DateTime.fromISO(now)).map((s) => [
    s.issue.label,
    s.state,
    s.items,
  ]);
}

describe('bulletinStatus', () => {
  it('warns about an empty issue in the two days before its day', () => {
    expect(states('2024-03-12T02:00:00Z')).toEqual([
      ['Số 9/2024', 'issued', 1],
      ['Số 10/2024', 'warning-empty', 0],
      ['Số 11/2024', 'ok', 1],
      ['Số 12/2024', 'ok', 0],
    ]);
  });

  it('reports an issue day that passed empty as missed, and is quiet before the warning', () => {
    expect(states('2024-03-14T01:00:00Z')[1]).toEqual(['Số 10/2024', 'missed-empty', 0]);
    expect(states('2024-03-10T00:00:00Z')[1]).toEqual(['Số 10/2024', 'ok', 0]);
  });

  it('counts only items for this channel, and a later item fills the gap', () => {
    const other = entry('c', '2024-03-10T03:00:00Z', { channels: ['thai-binh-portal'] });
    const late = entry('d', '2024-03-13T03:00:00Z');
    const now = DateTime.fromISO('2024-03-13T04:00:00Z');
    const [, tenth] = bulletinStatus(channel, planned, [...items, other], now);
    expect(tenth?.state).toBe('warning-empty');
    const [, filled] = bulletinStatus(channel, planned, [...items, other, late], now);
    expect(filled).toMatchObject({ state: 'ok', items: 1, key: 'bulletin:bnv-ban-tin:2024-10' });
  });

  it('takes the warning lead time as an option', () => {
    const now = DateTime.fromISO('2024-03-10T00:00:00Z');
    const [, tenth] = bulletinStatus(channel, planned, items, now, { warnHours: 120 });
    expect(tenth?.state).toBe('warning-empty');
  });
});
