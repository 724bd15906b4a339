import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type PlayoutLevel, playoutM3u8, playoutSchedule } from '../../src/audio/playout.js';
import type { Rundown } from '../../src/broadcast/model.js';

const ZONE = 'Asia/Ho_Chi_Minh';

function programme(id: string, start: string, durationSec: number, title: string): Rundown {
  return {
    id,
    channelId: id.split('@')[0] ?? id,
    station: 'Đài truyền thanh xã Vũ Ninh',
    programme: 'Chuyên mục CCHC',
    slot: { start, lengthSec: 600, zone: ZONE },
    minimumSec: 0,
    state: 'locked',
    history: [],
    segments: [
      {
        title: 'Tin tức',
        targetSec: durationSec,
        items: [
          {
            slug: 'tin',
            itemId: 'tin',
            title,
            plannedSec: durationSec,
            notes: '',
            floated: false,
            media: [],
            priority: 3,
            topics: [],
            evergreen: false,
          },
        ],
      },
    ],
    audio: {
      file: `${id.replace('@', '-')}.mp3`,
      sha256: id.padEnd(64, '0').slice(0, 64),
      durationSec,
      loudnessLufs: -16,
      peakDb: -1,
      openingSec: 0,
      closingSec: 0,
      engine: 'espeak-ng@1.0.2',
      voice: 'vi',
      builtAt: '2024-03-01T00:00:00.000Z',
    },
  };
}

const at = (level: PlayoutLevel, r: Rundown) => ({ rundown: r, level });

describe('playout schedule', () => {
  const normal = programme('xa@1', '2024-03-15T17:30:00.000+07:00', 600, 'Chuyên mục tuần');
  const notice = programme('thong-bao@1', '2024-03-15T07:00:00.000+07:00', 60, 'Lịch tiêm chủng');
  const storm = programme('khan-cap@1', '2024-03-15T17:35:00.000+07:00', 90, 'Cảnh báo bão số 3');

  it('orders the station’s files by play time in the plan’s zone, each with its level', () => {
    const list = playoutSchedule(
      [at('normal', normal), at('priority', notice)],
      (r) => `/audio/${r.id}`,
    );
    expect(list.map((e) => [e.start, e.level])).toEqual([
      ['2024-03-15T07:00:00.000+07:00', 'priority'],
      ['2024-03-15T17:30:00.000+07:00', 'normal'],
    ]);
    expect(list[1]?.end).toBe('2024-03-15T17:40:00.000+07:00');
  });

  it('marks an emergency that cuts into a programme, and the programme it preempts', () => {
    const list = playoutSchedule(
      [at('normal', normal), at('priority', notice), at('emergency', storm)],
      (r) => `/audio/${r.id}`,
    );
    const alert = list.find((e) => e.level === 'emergency');
    expect(alert).toMatchObject({ title: 'Cảnh báo bão số 3', preempts: ['xa@1'] });
    expect(list.find((e) => e.rundown === 'xa@1')?.preemptedBy).toBe('khan-cap@1');
    expect(list.find((e) => e.rundown === 'thong-bao@1')?.preemptedBy).toBeUndefined();
    const m3u = playoutM3u8(list);
    expect(m3u).toContain('#LOA-LEVEL:emergency preempts=xa@1');
    expect(m3u).toContain('#LOA-LEVEL:normal preempted-by=khan-cap@1');
  });

  it('puts an announced emergency not yet over first, preempting what it overlaps; a past one stays in its place', () => {
    const announcement = (start: string, item: string) => ({
      announcement: {
        id: `xa@${start}`,
        channel: 'xa',
        item,
        title: 'Cảnh báo lũ',
        start,
        durationSec: 45,
        file: 'xa-khan-cap.mp3',
        sha256: 'e'.repeat(64),
        loudnessLufs: -16,
        actor: 'test',
        announcedAt: start,
      },
      url: '/audio/xa/xa-khan-cap.mp3',
      zone: ZONE,
    });
    const now = DateTime.fromISO('2024-03-15T17:32:00', { zone: ZONE });
    const list = playoutSchedule(
      [at('priority', notice), at('normal', normal)],
      (r) => `/audio/${r.id}`,
      [
        announcement('2024-03-15T10:31:30.000Z', 'lu'),
        announcement('2024-03-14T01:00:00.000Z', 'cu'),
      ],
      now,
    );
    expect(list.map((e) => [e.start, e.level, e.item])).toEqual([
      ['2024-03-15T17:31:30.000+07:00', 'emergency', 'lu'],
      ['2024-03-14T08:00:00.000+07:00', 'emergency', 'cu'],
      ['2024-03-15T07:00:00.000+07:00', 'priority', undefined],
      ['2024-03-15T17:30:00.000+07:00', 'normal', undefined],
    ]);
    expect(list[0]).toMatchObject({ preempts: ['xa@1'], end: '2024-03-15T17:32:15.000+07:00' });
    expect(list[3]?.preemptedBy).toBe('xa@2024-03-15T10:31:30.000Z');
  });

  it('leaves out rundowns with no audio built yet', () => {
    const { audio: _none, ...bare } = normal;
    expect(playoutSchedule([at('normal', bare)], () => '')).toEqual([]);
  });
});
