import { DateTime } from 'luxon';
import type { RundownCandidate } from '../../src/broadcast/assembly.js';
import { type Rundown, rundownId, rundownSlot } from '../../src/broadcast/model.js';
import { BroadcastChannel } from '../../src/model/channel.js';
import { ItemFrontMatter } from '../../src/model/item.js';
import { Plan } from '../../src/model/plan.js';

/** The provincial TV channel of the samples: CCHC programme Friday 20:00, 30 minutes. */
export const channel = BroadcastChannel.parse({
  id: 'truyen-hinh-tinh',
  name: 'Chuyên mục CCHC',
  kind: 'broadcast',
  unit: 'dai-ptth',
  station: 'Đài PT-TH tỉnh Mẫu',
  programme: 'Cải cách hành chính',
  medium: 'tv',
  serves: [{ plan: 'tinh-mau-2024', tasks: ['chuyen-muc-tuan'] }],
  slots: [
    { weekday: 'fri', start: '20:00', lengthSec: 1800 },
    { weekday: 'sun', start: '06:30', lengthSec: 1200 },
  ],
});

/** The plan: weekly programme of at least 15 minutes (IV.1.d), two focus topics. */
export const plan = Plan.parse({
  id: 'tinh-mau-2024',
  document: {
    number: '01/KH-UBND',
    date: '2024-01-05',
    issuer: 'Ủy ban nhân dân tỉnh Mẫu',
    title: 'Kế hoạch tuyên truyền cải cách hành chính năm 2024',
  },
  period: { start: '2024-01-01', end: '2024-12-31' },
  units: [{ id: 'dai-ptth', name: 'Đài Phát thanh và Truyền hình tỉnh' }],
  topics: [
    { id: 'cai-cach-tthc', title: 'Cải cách thủ tục hành chính', focus: true },
    { id: 'chinh-phu-so', title: 'Chính phủ số', focus: true },
    { id: 'cong-vu', title: 'Cải cách công vụ' },
  ],
  tasks: [
    {
      id: 'chuyen-muc-tuan',
      title: 'Chuyên mục CCHC trên truyền hình hằng tuần',
      unit: 'dai-ptth',
      source: 'IV.1.d',
      rule: { per: 'week', atLeast: 1, minDurationSec: 900, channelKinds: ['broadcast'] },
    },
  ],
});

/** Friday 8 March 2024, 20:00 in Hanoi time: the slot of the samples. */
export const slot = rundownSlot(
  DateTime.fromISO('2024-03-08T20:00', { zone: 'Asia/Ho_Chi_Minh' }),
  1800,
);

/** An approved content item for the channel, with front matter overrides. */
export function candidate(
  id: string,
  fields: Partial<RundownCandidate> & { durationSec: number },
): RundownCandidate {
  const { queuedAt, body, id: _id, ...front } = fields;
  const parsed = ItemFrontMatter.parse({
    title: `Tin ${id}`,
    channels: [channel.id],
    unit: 'dai-ptth',
    author: 'Phòng Thời sự',
    status: 'approved',
    ...front,
  });
  const item: RundownCandidate = { ...parsed, id, body: body ?? '' };
  if (queuedAt !== undefined) item.queuedAt = queuedAt;
  return item;
}

/** A fixed rundown for golden files: two segments, a floated item, Vietnamese text. */
export function fixedRundown(): Rundown {
  return {
    id: rundownId(channel.id, slot),
    channelId: channel.id,
    station: channel.station,
    programme: channel.programme,
    slot,
    minimumSec: 900,
    state: 'ready',
    history: [],
    segments: [
      {
        title: 'Tin tức',
        targetSec: 600,
        items: [
          {
            slug: 'mot-cua-lien-thong',
            itemId: 'tin/mot-cua',
            title: 'Bộ phận một cửa liên thông "hiện đại", phục vụ người dân',
            plannedSec: 300,
            presenter: 'Nguyễn Thu Hà',
            notes:
              'Dẫn: Sáng nay, tại Trung tâm Phục vụ hành chính công tỉnh…\nChạy phóng sự 4:30.',
            floated: false,
            media: [{ file: 'mot-cua.mp4', alt: 'Quầy một cửa' }],
            priority: 5,
            topics: ['cai-cach-tthc'],
            evergreen: false,
          },
          {
            slug: 'dich-vu-cong-truc-tuyen',
            itemId: 'tin/dvc',
            title: 'Dịch vụ công trực tuyến toàn trình, ưu tiên hồ sơ đất đai',
            plannedSec: 240,
            presenter: 'Trần Minh Đức',
            notes: 'Lời dẫn ngắn; đồ hoạ số liệu quý I.',
            floated: false,
            media: [],
            priority: 4,
            topics: ['chinh-phu-so'],
            evergreen: false,
          },
          {
            slug: 'tin-du-phong',
            itemId: 'tin/du-phong',
            title: 'Tin dự phòng: kết quả chỉ số PAR Index',
            plannedSec: 90,
            notes: '',
            floated: true,
            media: [],
            priority: 2,
            topics: [],
            evergreen: false,
          },
        ],
      },
      {
        title: 'Hỏi – đáp',
        targetSec: 600,
        items: [
          {
            slug: 'hoi-dap-cap-doi-cccd',
            itemId: 'hoi-dap/cccd',
            title: 'Hỏi – đáp: cấp đổi căn cước ở đâu, mất bao lâu?',
            plannedSec: 420,
            presenter: 'Nguyễn Thu Hà',
            notes: 'Khách mời: đại diện Công an tỉnh.',
            floated: false,
            media: [],
            priority: 3,
            topics: ['cai-cach-tthc'],
            evergreen: true,
          },
        ],
      },
    ],
  };
}
