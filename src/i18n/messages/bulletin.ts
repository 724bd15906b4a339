import type { MessageEntry } from '../entry.js';

/** E-bulletin issues: building, files, feed, `loa bulletin`. */
export const bulletinMessages = {
  BULLETIN_ISSUE_UNKNOWN: {
    vi: 'Bản tin "{channel}" không có số {number}/{year} (năm đó có {count} số)',
    en: 'Bulletin "{channel}" has no issue {number}/{year} (that year has {count, plural, one {# issue} other {# issues}})',
    hintVi: 'Số bản tin đánh liên tục trong năm theo các ngày phát hành của kênh (issueDays).',
    hintEn: "Issues are numbered through the year by the channel's issue days (issueDays).",
  },
  BULLETIN_SITE_URL_MISSING: {
    vi: 'Bản tin "{channel}" chưa khai báo địa chỉ công bố (siteUrl)',
    en: 'Bulletin "{channel}" has no public address (siteUrl)',
    hintVi:
      'Thêm siteUrl vào tệp kênh: địa chỉ nơi đăng các tệp RSS, Atom, JSON Feed và trang HTML.',
    hintEn:
      'Add siteUrl to the channel file: where the RSS, Atom, JSON Feed and HTML files are served.',
  },
  BULLETIN_KEY_INVALID: {
    vi: 'Khoá "{key}" không phải một số của bản tin "{channel}"',
    en: 'Key "{key}" is not an issue of bulletin "{channel}"',
    hintVi: 'Khoá của một số bản tin có dạng bulletin:<kênh>:<năm>-<số>.',
    hintEn: 'An issue key reads bulletin:<channel>:<year>-<number>.',
  },
  BULLETIN_ISSUE_UNREADABLE: {
    vi: 'Không đọc được tệp bản tin {path}: {reason}',
    en: 'Cannot read the bulletin file {path}: {reason}',
    hintVi: 'Tệp bị hỏng hoặc bị sửa tay; xoá nó rồi dựng lại số đó bằng `loa bulletin build`.',
    hintEn:
      'The file is damaged or was edited by hand; delete it and rebuild with `loa bulletin build`.',
  },
  BULLETIN_PAGE_CONTENTS: { vi: 'Trong số này', en: 'In this issue' },
  BULLETIN_PAGE_EMPTY: { vi: 'Số này không có bài.', en: 'This issue has no article.' },
  BULLETIN_PAGE_ISSUE_DATE: { vi: 'Phát hành ngày {date}', en: 'Issued on {date}' },
  BULLETIN_PAGE_AUTHOR: { vi: 'Tác giả: {author}', en: 'Author: {author}' },
  BULLETIN_PAGE_TOPICS: { vi: 'Chủ đề: {topics}', en: 'Topics: {topics}' },
  BULLETIN_PAGE_ARCHIVE: { vi: 'Các số đã phát hành', en: 'Issues' },
  BULLETIN_PAGE_BACK: { vi: 'Tất cả các số', en: 'All issues' },
  BULLETIN_PAGE_FEEDS: { vi: 'Theo dõi bản tin:', en: 'Follow the bulletin:' },
  BULLETIN_PAGE_CHECKPOINT: {
    vi: 'Mốc kiểm chứng của nhật ký minh chứng khi phát hành số này: {size} mục, mã băm gốc (SHA-256) {root}. Người nhận lưu giữ mốc này để phát hiện mọi thay đổi về sau đối với nhật ký.',
    en: 'Checkpoint of the evidence log when this issue was published: {size, plural, one {# entry} other {# entries}}, root hash (SHA-256) {root}. Receivers keep it to detect any later change to the log.',
  },
  BULLETIN_PAGE_ARTICLES: {
    vi: '{count} bài',
    en: '{count, plural, one {# article} other {# articles}}',
  },
  BULLETIN_ISSUE_EMPTY: {
    vi: 'Bản tin "{channel}" không có bài nào được duyệt từ {since} đến {until}; số này không phát hành',
    en: 'Bulletin "{channel}" has no approved item from {since} to {until}; the issue is not sent',
    hintVi:
      'Duyệt bài cho bản tin (channels có kênh này) trước ngày phát hành; số trống được báo là bỏ lỡ.',
    hintEn:
      'Approve items for the bulletin (channels listing it) before the issue day; an empty issue is reported missed.',
  },
  BULLETIN_LIST_HEADER: {
    vi: 'Bản tin {channel} ({title}):',
    en: 'Bulletin {channel} ({title}):',
  },
  BULLETIN_LIST_LINE: {
    vi: '  {label}  {date}  {items} bài  {state}',
    en: '  {label}  {date}  {items, plural, one {# item} other {# items}}  {state}',
  },
  BULLETIN_STATE_UPCOMING: { vi: 'chờ phát hành', en: 'upcoming' },
  BULLETIN_STATE_ISSUED: { vi: 'đã phát hành', en: 'issued' },
  BULLETIN_STATE_WARNING_EMPTY: { vi: 'cảnh báo: chưa có bài', en: 'warning: no item yet' },
  BULLETIN_STATE_MISSED_EMPTY: { vi: 'bỏ lỡ: không có bài', en: 'missed: no item' },
  BULLETIN_STATE_MISSED: { vi: 'bỏ lỡ', en: 'missed' },
  BULLETIN_STATE_FAILED: { vi: 'lỗi', en: 'failed' },
  BULLETIN_BUILT: {
    vi: 'Đã phát hành {label} của bản tin {channel}: {url}',
    en: 'Issued {label} of bulletin {channel}: {url}',
  },
} as const satisfies Record<string, MessageEntry>;
