import type { MessageEntry } from '../entry.js';

/** Feed ingest: `loa ingest` and the sources it reads. */
export const ingestMessages = {
  INGEST_HTTP_STATUS: {
    vi: 'Nguồn tin {url} trả về mã HTTP {status}',
    en: 'The feed {url} answered HTTP {status}',
    hintVi: 'Nguồn tin được bỏ qua lần này và đọc lại ở lần sau; kiểm tra địa chỉ nếu lỗi kéo dài.',
    hintEn:
      'The feed is skipped this time and read again next time; check the address if it persists.',
  },
  INGEST_UNREACHABLE: {
    vi: 'Không kết nối được nguồn tin {url}: {reason}',
    en: 'Cannot reach the feed {url}: {reason}',
    hintVi: 'Kiểm tra mạng và địa chỉ nguồn tin; lần đọc sau sẽ thử lại.',
    hintEn: 'Check the network and the feed address; the next run tries again.',
  },
  INGEST_TIMEOUT: {
    vi: 'Nguồn tin {url} không trả lời đủ trong {seconds} giây',
    en: 'The feed {url} did not finish within {seconds} s',
    hintVi: 'Tăng timeoutSec trong tệp kênh nếu nguồn tin vốn chậm.',
    hintEn: 'Raise timeoutSec in the channel file if the feed is slow by nature.',
  },
  INGEST_TOO_LARGE: {
    vi: 'Nguồn tin {url} vượt quá {max} byte, đã dừng tải',
    en: 'The feed {url} is larger than {max, plural, one {# byte} other {# bytes}}; download stopped',
    hintVi: 'Tăng maxBytes trong tệp kênh nếu nguồn tin hợp lệ nhưng lớn.',
    hintEn: 'Raise maxBytes in the channel file if the feed is genuine but large.',
  },
  INGEST_MALFORMED: {
    vi: 'Nguồn tin {url} không phải RSS/Atom đọc được: {reason}',
    en: 'The feed {url} is not readable RSS/Atom: {reason}',
    hintVi: 'Mở địa chỉ trong trình duyệt để xem nguồn trả về gì; báo cho bên cung cấp nguồn tin.',
    hintEn: 'Open the address in a browser to see what it returns; tell the feed provider.',
  },
  INGEST_LEGACY_ENCODING: {
    vi: 'Tin "{title}" của nguồn {url} gõ bằng bảng mã cũ {encoding} ("{sample}"), không nhận',
    en: 'Entry "{title}" of {url} is in the legacy {encoding} encoding ("{sample}"); refused',
    hintVi: 'Đề nghị bên cung cấp nguồn tin chuyển sang Unicode dựng sẵn.',
    hintEn: 'Ask the feed provider to switch to precomposed Unicode.',
  },
  INGEST_STATE_UNREADABLE: {
    vi: 'Không đọc được tệp trạng thái nguồn tin {path}: {reason}',
    en: 'Cannot read the feed state file {path}: {reason}',
    hintVi:
      'Tệp bị hỏng; xoá nó thì lần đọc sau nhận lại tin theo các bản nháp đã có, không tạo trùng.',
    hintEn:
      'It is damaged; delete it and the next run re-reads feeds without duplicating existing drafts.',
  },
  INGEST_REPORT_LINE: {
    vi: '{feed}: {status}, {newItems} tin mới, {skipped} bỏ qua',
    en: '{feed}: {status}, {newItems} new, {skipped} skipped',
  },
  INGEST_NO_CHANNELS: {
    vi: 'Không có kênh đọc nguồn tin nào (kind: ingest)',
    en: 'No feed-ingest channel (kind: ingest)',
  },
  INGEST_CHANNEL_HEADER: {
    vi: 'Kênh {channel} ({creates}):',
    en: 'Channel {channel} ({creates}):',
  },
  INGEST_FEED_ERROR: { vi: '    {error}', en: '    {error}' },
  INGEST_NEW_PRESS: {
    vi: '    + {title} ({time}) → mục nhật ký {evidence}',
    en: '    + {title} ({time}) → evidence {evidence}',
  },
  INGEST_NEW_DRAFT: { vi: '    + {title} → {draft}', en: '    + {title} → {draft}' },
  INGEST_NO_EVIDENCE: {
    vi: 'không ghi (kênh không phục vụ nhiệm vụ nào của kế hoạch)',
    en: 'none (the channel serves no plan task)',
  },
  INGEST_TIME_INGESTED: {
    vi: 'nguồn không ghi ngày đăng; tính theo lúc đọc vào {time}',
    en: 'no publication date in the feed; dated when read, {time}',
  },
  INGEST_SKIPPED_WHY: {
    vi: '    bỏ qua: {seen} tin đã nhận trước đó, {legacy} tin gõ bảng mã cũ, {unidentified} tin không có mã nhận dạng (guid, id, link)',
    en: '    skipped: {seen} already taken in, {legacy} in a legacy encoding, {unidentified} without guid, id or link',
  },
  INGEST_STATE_IMPORTED: {
    vi: '  Đã nhập trạng thái cũ từ {path} (lần đầu, tệp giữ nguyên): {feeds} nguồn, {entries} tin đã nhận, mục nhật ký {evidence}',
    en: '  Imported the old state from {path} (first run; the file is left in place): {feeds, plural, one {# feed} other {# feeds}}, {entries, plural, one {# entry} other {# entries}} taken in, evidence {evidence}',
  },
} as const satisfies Record<string, MessageEntry>;
