import type { MessageEntry } from '../entry.js';

/** Content items and their queue: `loa queue`, `loa sync`, times given by editors. */
export const queueMessages = {
  SYNC_REAPPROVE: {
    vi: 'Bài {id} đã bị rút; bản sửa mới chờ duyệt lại, chưa được đăng: loa queue approve {id}',
    en: 'Item {id} was withdrawn; its edited version waits for a new approval and is not sent: loa queue approve {id}',
  },
  SYNC_SUMMARY: {
    vi: 'Đồng bộ content/: {added} bài mới, {changed} bài sửa, {withdrawn} bài rút, {unchanged} không đổi; {scheduled} lượt đăng được lên lịch, {cancelled} bị huỷ',
    en: 'Synced content/: {added} new, {changed} changed, {withdrawn} withdrawn, {unchanged} unchanged; {scheduled, plural, one {# publication} other {# publications}} scheduled, {cancelled} cancelled',
  },
  SYNC_SKIPPED: {
    vi: 'Bỏ qua tệp {file}: {count} lỗi (bài giữ phiên bản hợp lệ trước đó, nếu có)',
    en: 'Skipped {file}: {count, plural, one {# error} other {# errors}} (the item keeps its last valid version, if any)',
  },
  SYNC_SKIPPED_SUMMARY: {
    vi: '{count} tệp trong content/ bị bỏ qua vì có lỗi',
    en: '{count, plural, one {# file} other {# files}} in content/ skipped for errors',
    hintVi: 'Sửa các lỗi trên rồi chạy lại loa sync',
    hintEn: 'Fix the errors above and run loa sync again',
  },
  ITEM_NOT_FOUND: {
    vi: 'Không có bài "{id}" trong hàng đợi',
    en: 'No item "{id}" in the queue',
    hintVi: 'Xem mã các bài bằng `loa queue list`.',
    hintEn: 'See the item ids with `loa queue list`.',
  },
  ITEM_ID_TAKEN: {
    vi: 'Mã bài "{id}" đã dùng cho {path}',
    en: 'Item id "{id}" is already used by {path}',
    hintVi: 'Đổi tên tệp (mã bài lấy từ tên tệp) rồi thêm lại.',
    hintEn: 'Rename the file (the id comes from its name) and add it again.',
  },
  ITEM_TRANSITION: {
    vi: 'Bài "{id}" đang ở trạng thái {from}, không thể chuyển sang {to}',
    en: 'Item "{id}" is {from}; it cannot become {to}',
    hintVi:
      'Trạng thái: draft → submitted → approved → scheduled → published; failed và withdrawn là kết thúc.',
    hintEn:
      'States: draft → submitted → approved → scheduled → published; failed and withdrawn end it.',
  },
  ITEM_FILE_INVALID: {
    vi: 'Tệp bài {file} có {count} lỗi:\n{errors}',
    en: 'The item file {file} has {count, plural, one {# error} other {# errors}}:\n{errors}',
    hintVi: 'Sửa từng lỗi ở dòng đã nêu rồi chạy lại lệnh; chưa có gì được thêm vào hàng đợi.',
    hintEn: 'Fix each error at the line given and run the command again; nothing was queued.',
  },
  ITEM_CHANGED_SINCE_READ: {
    vi: 'Bài "{id}" đã được sửa (nay là phiên bản {version}) sau khi bạn mở nó: chưa duyệt',
    en: 'Item "{id}" was edited (now version {version}) after you opened it: not approved',
    hintVi: 'Đọc lại phiên bản mới rồi duyệt nếu đồng ý.',
    hintEn: 'Read the new version, then approve it if you agree.',
  },
  ITEM_FOUR_EYES: {
    vi: 'Bạn ({actor}) là người viết phiên bản {version} của bài "{id}": kênh {channels} cần một người khác duyệt',
    en: 'You ({actor}) wrote version {version} of item "{id}": channel {channels} needs someone else to approve it',
    hintVi: 'Nhờ một biên tập viên khác duyệt bài (nguyên tắc bốn mắt).',
    hintEn: 'Ask another editor to approve it (four-eyes rule).',
  },
  WHEN_INVALID: {
    vi: 'Thời điểm không hợp lệ: "{value}"',
    en: 'Invalid date and time: "{value}"',
    hintVi: 'Viết dạng 2024-03-04T08:00 (giờ địa phương của kế hoạch) hoặc 2024-03-04T08:00+07:00.',
    hintEn: "Write it as 2024-03-04T08:00 (the plan's local time) or 2024-03-04T08:00+07:00.",
  },
  WHEN_IN_PAST: {
    vi: 'Thời điểm {value} đã qua (bây giờ là {now})',
    en: '{value} is in the past (it is now {now})',
    hintVi: 'Chọn một thời điểm trong tương lai.',
    hintEn: 'Pick a time in the future.',
  },
  UNPLANNABLE: {
    vi: 'Bài "{item}" chưa xếp được lịch trên kênh "{channel}": {reason}',
    en: 'Item "{item}" cannot be scheduled on "{channel}": {reason}',
  },
  QUEUE_ADDED: {
    vi: 'Đã thêm bài "{id}" (phiên bản {version}, {status})',
    en: 'Added item "{id}" (version {version}, {status})',
  },
  QUEUE_UNCHANGED: {
    vi: 'Bài "{id}" không thay đổi (phiên bản {version})',
    en: 'Item "{id}" is unchanged (version {version})',
  },
  QUEUE_STATE_CHANGED: {
    vi: 'Bài "{id}": {from} → {to}',
    en: 'Item "{id}": {from} → {to}',
  },
  QUEUE_RESCHEDULED: {
    vi: 'Bài "{id}" dời sang {when}',
    en: 'Item "{id}" moved to {when}',
  },
  QUEUE_CHANNEL_RESUMED: { vi: 'Kênh "{channel}" chạy lại', en: 'Channel "{channel}" resumed' },
  QUEUE_EMPTY: { vi: 'Hàng đợi trống', en: 'The queue is empty' },
  QUEUE_LINE: {
    vi: '{id}  {status}  v{version}  {channels}  {next}',
    en: '{id}  {status}  v{version}  {channels}  {next}',
  },
} as const satisfies Record<string, MessageEntry>;
