import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { escapeText, rundownCalendar } from '../../src/broadcast/export-ics.js';
import { updateItem } from '../../src/broadcast/state.js';
import { channel, fixedRundown } from './sample.js';

const zone = 'Asia/Ho_Chi_Minh';
const from = DateTime.fromISO('2024-03-04T00:00', { zone });
const to = DateTime.fromISO('2024-03-18T00:00', { zone });
const generatedAt = DateTime.fromISO('2024-03-01T09:00:00Z');

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text))
    .filter((c): c is VEvent => c?.type === 'VEVENT')
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

describe('iCalendar export of a programme', () => {
  const text = rundownCalendar(channel, from, to, [fixedRundown()], { generatedAt });

  it('is read back by an iCalendar parser with the right instants', () => {
    const parsed = events(text);
    expect(parsed.map((e) => [e.start.toISOString(), e.end?.toISOString()])).toEqual([
      ['2024-03-08T13:00:00.000Z', '2024-03-08T13:30:00.000Z'],
      ['2024-03-09T23:30:00.000Z', '2024-03-09T23:50:00.000Z'],
      ['2024-03-15T13:00:00.000Z', '2024-03-15T13:30:00.000Z'],
      ['2024-03-16T23:30:00.000Z', '2024-03-16T23:50:00.000Z'],
    ]);
    expect(parsed[0]?.start.tz).toBe(zone);
    expect(parsed.map((e) => e.summary)).toEqual(Array(4).fill('Cải cách hành chính'));
    expect(parsed[0]?.location).toBe('Đài PT-TH tỉnh Mẫu');
  });

  it('gives stable UIDs from the channel and the slot start', () => {
    const again = rundownCalendar(channel, from.plus({ days: 4 }), to, [], { generatedAt });
    const uids = events(text).map((e) => e.uid);
    expect(uids[0]).toBe('truyen-hinh-tinh-20240308T130000Z@loa');
    expect(events(again).map((e) => e.uid)).toEqual(uids);
  });

  it('lists the rundown in the description of its airing', () => {
    const [first, second] = events(text);
    const description = String(first?.description);
    expect(description.split('\n').slice(0, 4)).toEqual([
      '1. [Tin tức] Bộ phận một cửa liên thông "hiện đại", phục vụ người dân (5:00) — Nguyễn Thu Hà',
      '2. [Tin tức] Dịch vụ công trực tuyến toàn trình, ưu tiên hồ sơ đất đai (4:00) — Trần Minh Đức',
      '3. [Tin tức] Tin dự phòng: kết quả chỉ số PAR Index (1:30) (Thả nổi)',
      '4. [Hỏi – đáp] Hỏi – đáp: cấp đổi căn cước ở đâu, mất bao lâu? (7:00) — Nguyễn Thu Hà',
    ]);
    expect(description).toContain('Tổng dự kiến 16:00 / khung 30:00');
    expect(String(second?.description)).toBe('Chưa có kịch bản.');
  });

  it('folds long lines at 75 octets without splitting a character, with CRLF', () => {
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh');
  });

  it('encodes a hostile title per RFC 5545: escapes , ; \\ and line breaks, drops controls, no injected event', () => {
    const hostile =
      'Tin <b>nóng</b> & "mới", giờ; C:\\thu-muc\r\nEND:VEVENT\r\nBEGIN:VEVENT\rSUMMARY:giả\nx\u0000\u0007\u001b[31m ' +
      'Cải cách hành chính '.repeat(8);
    const rundown = updateItem(fixedRundown(), 'mot-cua-lien-thong', { title: hostile });
    const hostileChannel = { ...channel, programme: 'CCHC; tuần, "số 1"\r\nX-INJECTED:1' };
    const out = rundownCalendar(hostileChannel, from, to, [rundown], { generatedAt });
    // Only the lines loa meant: four events, no line starting with an injected property.
    const lines = out.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(4);
    expect(lines.filter((l) => /^(X-INJECTED|SUMMARY:giả)/.test(l))).toEqual([]);
    // No bare CR or LF, no control character other than CRLF line ends; 75-octet folds.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point.
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(escapeText('a,b;c\\d\re\nf\u0000g')).toBe('a\\,b\\;c\\\\d\\ne\\nf' + 'g');
    // A parser reads back exactly the text, with its commas, semicolons and line breaks.
    const [first] = events(out);
    expect(first?.summary).toBe('CCHC; tuần, "số 1"\nX-INJECTED:1');
    const description = String(first?.description);
    expect(description).toContain(
      'Tin <b>nóng</b> & "mới", giờ; C:\\thu-muc\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:giả\nx[31m Cải cách',
    );
  });
});
