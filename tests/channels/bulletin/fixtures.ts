import type { BulletinEntry } from '../../../src/channels/bulletin/model.js';
import { BulletinChannel } from '../../../src/model/channel.js';
import type { ContentItem } from '../../../src/model/item.js';

/** The ministry's bulletin as a test channel: four issues a month on the 7th, 14th, 21st, 28th. */
export function bulletinChannel(overrides: Record<string, unknown> = {}): BulletinChannel {
  return BulletinChannel.parse({
    id: 'bnv-ban-tin',
    name: 'Bản tin Cải cách hành chính',
    kind: 'bulletin',
    unit: 'van-phong-bcd-cchc',
    title: 'Bản tin Cải cách hành chính',
    description: 'Bản tin điện tử của Văn phòng Ban Chỉ đạo cải cách hành chính',
    issueDays: [7, 14, 21, 28],
    issueTime: '08:00',
    siteUrl: 'http://127.0.0.1:8082/ban-tin-cchc/',
    ...overrides,
  });
}

/** An approved item for the bulletin, approved at `at` (UTC ISO). */
export function entry(
  id: string,
  at: string,
  fields: Partial<ContentItem> = {},
  url?: string,
): BulletinEntry {
  const item: ContentItem = {
    id,
    title: `Đẩy mạnh cải cách thủ tục hành chính ${id}`,
    summary: 'Tóm tắt: người dân được phục vụ tốt hơn',
    topics: ['cai-cach-thu-tuc', 'chinh-phu-so'],
    channels: ['bnv-ban-tin'],
    unit: 'vu-cchc',
    author: 'Phòng Truyền thông',
    priority: 3,
    media: [],
    repost: false,
    evergreen: false,
    status: 'approved',
    body: 'Nội dung **chính** của bài.\n\n- Một\n- Hai\n',
    ...fields,
  };
  return url === undefined ? { item, at } : { item, at, url };
}
