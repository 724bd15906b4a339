import type { MessageEntry } from '../entry.js';

/** Broadcast rundowns: model, assembly, storage, exports, as-run, reposts, `loa rundown`. */
export const broadcastMessages = {
  RUNDOWN_TRANSITION: {
    vi: 'Kịch bản {id} không thể chuyển từ "{from}" sang "{to}"',
    en: 'Rundown {id} cannot go from "{from}" to "{to}"',
    hintVi:
      'Thứ tự là nháp → sẵn sàng → khoá → đã phát; kịch bản đã khoá chỉ mở lại bằng lệnh mở khoá kèm lý do.',
    hintEn:
      'The order is draft → ready → locked → aired; a locked rundown reopens only by an unlock with a reason.',
  },
  RUNDOWN_UNLOCK_REASON: {
    vi: 'Mở khoá kịch bản {id} cần ghi lý do',
    en: 'Unlocking rundown {id} needs a reason',
    hintVi: 'Ghi rõ vì sao phải sửa kịch bản đã khoá; lý do được lưu vào lịch sử.',
    hintEn: 'Say why the locked rundown must change; the reason is kept in its history.',
  },
  RUNDOWN_NOT_EDITABLE: {
    vi: 'Kịch bản {id} đang ở trạng thái "{state}", không sửa được',
    en: 'Rundown {id} is "{state}" and cannot be edited',
    hintVi: 'Mở khoá kịch bản (kèm lý do) rồi sửa; kịch bản đã phát thì không sửa.',
    hintEn: 'Unlock it (with a reason) first; an aired rundown never changes.',
  },
  RUNDOWN_POSITION_INVALID: {
    vi: 'Không có vị trí {position} trong kịch bản {id} ({count} tin)',
    en: 'Rundown {id} has no position {position} ({count, plural, one {# item} other {# items}})',
    hintVi: 'Chọn một vị trí từ 1 đến {count}.',
    hintEn: 'Pick a position from 1 to {count}.',
  },
  RUNDOWN_ITEM_UNKNOWN: {
    vi: 'Kịch bản {id} không có tin "{slug}"',
    en: 'Rundown {id} has no item "{slug}"',
    hintVi: 'Xem danh sách mã tin trong kịch bản.',
    hintEn: 'List the rundown to see its item slugs.',
  },
  RUNDOWN_STATE_DRAFT: { vi: 'nháp', en: 'draft' },
  RUNDOWN_STATE_READY: { vi: 'sẵn sàng', en: 'ready' },
  RUNDOWN_STATE_LOCKED: { vi: 'đã khoá', en: 'locked' },
  RUNDOWN_STATE_AIRED: { vi: 'đã phát', en: 'aired' },
  RUNDOWN_PROBLEM_MISSING: { vi: 'chưa có kịch bản', en: 'no rundown yet' },
  RUNDOWN_PROBLEM_SHORT: { vi: 'chưa đủ thời lượng tối thiểu', en: 'below the minimum length' },
  RUNDOWN_PROBLEM_NOT_READY: { vi: 'kịch bản còn là bản nháp', en: 'the rundown is still a draft' },
  RUNDOWN_STATUS_OK: { vi: '{programme} {air}: ổn', en: '{programme} {air}: ok' },
  RUNDOWN_STATUS_WARNING: {
    vi: '{programme} {air}: cần hoàn thiện trước {due} ({problems}) [{source}]',
    en: '{programme} {air}: due by {due} ({problems}) [{source}]',
  },
  RUNDOWN_STATUS_AT_RISK: {
    vi: '{programme} {air}: có nguy cơ không phát đủ ({problems}) [{source}]',
    en: '{programme} {air}: at risk ({problems}) [{source}]',
  },
  RUNDOWN_STATUS_MISSED: {
    vi: '{programme} {air}: bỏ lỡ, chưa có xác nhận đã phát [{source}]',
    en: '{programme} {air}: missed, no as-run record [{source}]',
  },
  RUNDOWN_STATUS_AIRED: { vi: '{programme} {air}: đã phát', en: '{programme} {air}: aired' },
  RUNDOWN_COL_ORDER: { vi: 'STT', en: 'No.' },
  RUNDOWN_COL_SEGMENT: { vi: 'Phân đoạn', en: 'Segment' },
  RUNDOWN_COL_SLUG: { vi: 'Mã tin', en: 'Slug' },
  RUNDOWN_COL_TITLE: { vi: 'Tiêu đề', en: 'Title' },
  RUNDOWN_COL_PRESENTER: { vi: 'Người dẫn', en: 'Presenter' },
  RUNDOWN_COL_PLANNED: { vi: 'Thời lượng', en: 'Planned' },
  RUNDOWN_COL_SECONDS: { vi: 'Số giây', en: 'Seconds' },
  RUNDOWN_COL_CUME: { vi: 'Cộng dồn', en: 'Cume' },
  RUNDOWN_COL_BACK: { vi: 'Tính lùi', en: 'Back-time' },
  RUNDOWN_COL_FLOATED: { vi: 'Thả nổi', en: 'Floated' },
  RUNDOWN_COL_NOTES: { vi: 'Lời dẫn / ghi chú', en: 'Script / notes' },
  RUNDOWN_COL_MEDIA: { vi: 'Tư liệu', en: 'Media' },
  RUNDOWN_YES: { vi: 'có', en: 'yes' },
  RUNDOWN_EVERGREEN: { vi: 'dự phòng', en: 'evergreen' },
  RUNDOWN_TITLE: { vi: 'Kịch bản chương trình', en: 'Programme rundown' },
  RUNDOWN_AIR_LINE: {
    vi: 'Phát sóng {date} lúc {time} (múi giờ {zone}), khung {length}; trạng thái: {state}',
    en: 'Airs {date} at {time} (zone {zone}), slot {length}; state: {state}',
  },
  RUNDOWN_TOTAL_LINE: {
    vi: 'Tổng dự kiến {planned} / khung {slot}, chênh {overUnder}; tối thiểu {minimum}',
    en: 'Planned {planned} of {slot}, over/under {overUnder}; minimum {minimum}',
  },
  RUNDOWN_SEGMENT_LINE: {
    vi: 'Phân đoạn {title}: {planned} (dự kiến {target}, chênh {overUnder})',
    en: 'Segment {title}: {planned} (target {target}, over/under {overUnder})',
  },
  RUNDOWN_BELOW_MINIMUM: {
    vi: 'Chưa đủ thời lượng tối thiểu {minimum}',
    en: 'Below the minimum length {minimum}',
  },
  RUNDOWN_ICS_NONE: { vi: 'Chưa có kịch bản.', en: 'No rundown yet.' },
  RUNDOWN_CHANNEL_NOT_BROADCAST: {
    vi: 'Kênh {id} không phải kênh phát thanh – truyền hình (loại {kind})',
    en: 'Channel {id} is not a broadcast channel (kind {kind})',
    hintVi: 'Kịch bản chỉ dựng cho kênh có kind: broadcast.',
    hintEn: 'Rundowns are built for channels of kind: broadcast only.',
  },
  RUNDOWN_SLOT_UNKNOWN: {
    vi: '{channel} không có khung phát sóng thứ {slot} trong {period} (có {count} khung)',
    en: '{channel} has no slot {slot} in {period} ({count, plural, one {# slot} other {# slots}})',
    hintVi: 'Khung được đánh số từ 1 theo thứ tự phát sóng trong kỳ; bỏ --slot để chọn tất cả.',
    hintEn: 'Slots are numbered from 1 in airing order within the period; omit --slot for all.',
  },
  RUNDOWN_NOT_FOUND: {
    vi: 'Chưa có kịch bản cho {channel} lúc {air}',
    en: 'No rundown for {channel} at {air}',
    hintVi: 'Dựng kịch bản trước: loa rundown build {channel} {period}',
    hintEn: 'Build it first: loa rundown build {channel} {period}',
  },
  RUNDOWN_ALREADY_AIRED: {
    vi: 'Kịch bản {id} đã được xác nhận phát sóng ({at}); không ghi nhận lại',
    en: 'Rundown {id} was already confirmed as aired ({at}); not recorded again',
    hintVi: 'Nếu số liệu đã ghi sai, thêm một bản đính chính vào nhật ký minh chứng.',
    hintEn: 'If what was recorded is wrong, append a correction to the evidence log.',
  },
  RUNDOWN_AS_RUN_DURATION: {
    vi: 'Chưa có thời lượng phát sóng thực tế của {id}',
    en: 'No aired length for {id}',
    hintVi:
      'Ghi --duration <giây>, hoặc ghi từng tin trước bằng --item <mã tin> --duration <giây>.',
    hintEn: 'Give --duration <sec>, or record each item first with --item <slug> --duration <sec>.',
  },
  RUNDOWN_NO_SLOTS: {
    vi: '{channel} không có khung phát sóng nào trong {period}',
    en: '{channel} has no slot in {period}',
  },
  RUNDOWN_BUILT: {
    vi: '{air}: đã dựng kịch bản {id}: {count} tin, {planned} / khung {slot}, tối thiểu {minimum}',
    en: '{air}: built rundown {id}: {count, plural, one {# item} other {# items}}, {planned} of {slot}, minimum {minimum}',
  },
  RUNDOWN_REPLACED: {
    vi: '{air}: đã dựng lại kịch bản {id}: {count} tin, {planned} / khung {slot}, tối thiểu {minimum}',
    en: '{air}: rebuilt rundown {id}: {count, plural, one {# item} other {# items}}, {planned} of {slot}, minimum {minimum}',
  },
  RUNDOWN_KEPT: {
    vi: '{air}: giữ nguyên kịch bản {id} ({state})',
    en: '{air}: kept rundown {id} ({state})',
    hintVi:
      'Kịch bản sẵn sàng chỉ dựng lại khi có --force; kịch bản đã khoá phải mở khoá (kèm lý do) trước.',
    hintEn:
      'A ready rundown is rebuilt only with --force; a locked one must be unlocked (with a reason) first.',
  },
  RUNDOWN_TOPPED_UP: {
    vi: '  đã bổ sung từ bài evergreen: {items}',
    en: '  topped up from evergreen items: {items}',
  },
  RUNDOWN_SHORT: {
    vi: '  cảnh báo: chưa đủ thời lượng tối thiểu {minimum} (mới có {planned}); cần thêm bài đã duyệt cho kênh {channel}',
    en: '  warning: below the minimum length {minimum} (only {planned}); approve more items for {channel}',
  },
  RUNDOWN_MOVED: {
    vi: '{air}: kịch bản {id}: {from} → {to}',
    en: '{air}: rundown {id}: {from} → {to}',
  },
  RUNDOWN_ITEM_AIRED: {
    vi: '{air}: tin {slug} đã phát {duration}',
    en: '{air}: item {slug} ran {duration}',
  },
  RUNDOWN_AIRED: {
    vi: '{air}: đã ghi nhận phát sóng lúc {start}, thời lượng {duration}: {compliance} (minh chứng số {index})',
    en: '{air}: recorded the airing at {start}, {duration}: {compliance} (evidence entry {index})',
  },
  RUNDOWN_COMPLIANT: { vi: 'đạt yêu cầu', en: 'compliant' },
  RUNDOWN_NON_COMPLIANT: { vi: 'KHÔNG đạt: {reasons}', en: 'NOT compliant: {reasons}' },
  RUNDOWN_REASON_TOO_SHORT: {
    vi: 'ngắn hơn tối thiểu {minimum}',
    en: 'shorter than the minimum {minimum}',
  },
  RUNDOWN_REASON_OUTSIDE_PRIME_TIME: {
    vi: 'ngoài khung giờ có nhiều người xem',
    en: 'outside prime time',
  },
  RUNDOWN_REPOSTED: {
    vi: '  đăng lại trên {portal}: {item} ({when})',
    en: '  reposted on {portal}: {item} ({when})',
  },
  RUNDOWN_REPOST_KEPT: {
    vi: '  đã có trong hàng đợi của {portal}: {item}',
    en: '  already queued on {portal}: {item}',
  },
  RUNDOWN_NO_SLOT_YET: { vi: 'chưa có lượt đăng', en: 'no slot yet' },
} as const satisfies Record<string, MessageEntry>;
