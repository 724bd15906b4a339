import type { MessageEntry } from '../entry.js';

/** The terminal: project folder, argument parser, `loa validate`, `loa start`, `loa schema`. */
export const cliMessages = {
  VALIDATE_SUMMARY: {
    vi: '{plans} kế hoạch, {channels} kênh, {items} bài; {errors} lỗi, {warnings} cảnh báo',
    en: '{plans, plural, one {# plan} other {# plans}}, {channels, plural, one {# channel} other {# channels}}, {items, plural, one {# item} other {# items}}; {errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}',
  },
  START_RUN: {
    vi: '== Bắt đầu lịch đăng (loa run); dừng bằng Ctrl+C ==',
    en: '== Starting the scheduler (loa run); stop with Ctrl+C ==',
  },
  PROGRESS_SIMULATE: { vi: 'mô phỏng {from} – {to}', en: 'simulating {from} – {to}' },
  PROGRESS_VERIFY: { vi: 'kiểm tra nhật ký minh chứng', en: 'verifying the evidence log' },
  PROGRESS_EXPORT: { vi: 'xuất gói minh chứng', en: 'exporting the evidence bundle' },
  PROGRESS_SYNC: { vi: 'đọc content/', en: 'reading content/' },
  PROGRESS_BACKUP: { vi: 'sao lưu', en: 'backing up' },
  PROGRESS_RESTORE: { vi: 'khôi phục', en: 'restoring' },
  START_NOW: { vi: 'Bây giờ: {now} ({zone})', en: 'Now: {now} ({zone})' },
  START_SERVING: {
    vi: 'Trang web và API: {url} (dừng bằng Ctrl+C)',
    en: 'Pages and API: {url} (stop with Ctrl+C)',
  },
  START_NOT_SERVING: {
    vi: 'Một lượt rồi thoát (--once): không mở trang web',
    en: 'One pass, then exit (--once): no web pages',
  },
  START_FIRST_ADMIN: {
    vi: 'Lần chạy đầu: đã tạo quản trị viên "{user}". Đăng nhập bằng liên kết dùng một lần này (hết hạn lúc {until}):',
    en: 'First start: administrator "{user}" created. Sign in with this one-time link (expires at {until}):',
  },
  START_EXAMPLES: {
    vi: 'Đã thêm các bài ví dụ hẹn giờ theo hôm nay: {items}',
    en: 'Example items dated from today were added: {items}',
  },
  START_NEXT: { vi: 'Sắp đăng ({count}):', en: 'Next to publish ({count}):' },
  START_IN: { vi: 'sau {in}', en: 'in {in}' },
  START_LATE: {
    vi: 'Trễ, chưa đăng ({count}):',
    en: 'Late, not yet published ({count}):',
  },
  START_LATE_BY: { vi: 'trễ {late}', en: 'late by {late}' },
  START_CHANNEL_WAITS: { vi: 'Kênh {channel} {reason}', en: 'Channel {channel} {reason}' },
  START_WAIT_NO_ADAPTER: {
    vi: 'chờ: loại kênh này chưa có bộ đăng',
    en: 'waits: this kind of channel has no adapter yet',
  },
  START_WAIT_CONFIG: {
    vi: 'chờ cấu hình: chưa đặt {vars} (README: Pointing the example portal at a WordPress)',
    en: 'waits for setup: {vars} not set (README: Pointing the example portal at a WordPress)',
  },
  START_FAILED_MISSED: {
    vi: 'Lỗi: {failed}, lỡ: {missed} (loa status)',
    en: 'Failed: {failed}, missed: {missed} (loa status)',
  },
  START_DRAFTS: {
    vi: 'Chờ duyệt: {count} bài (loa queue list --status draft)',
    en: 'Waiting for approval: {count, plural, one {# item} other {# items}} (loa queue list --status draft)',
  },
  START_REPORTS: {
    vi: 'Báo cáo đến hạn trong {days} ngày tới: {count}',
    en: 'Reports due within {days, plural, one {# day} other {# days}}: {count}',
  },
  START_PLANS: {
    vi: 'Kế hoạch đang hiệu lực: {inForce}; đã hết hạn: {ended}',
    en: 'Plans in force: {inForce}; ended: {ended}',
  },
  START_INGEST_OTHER: { vi: 'đọc {url}', en: 'reads {url}' },
  START_TRY: { vi: 'Thử:', en: 'Try:' },
  START_INGEST: {
    vi: 'đọc {url} (nguồn tin do chính loa phục vụ)',
    en: 'reads {url} (a feed loa serves itself)',
  },
  SCHEMA_WRITTEN: { vi: 'Đã ghi {path}', en: 'Wrote {path}' },
  ARG_UNKNOWN_COMMAND: {
    vi: 'Không có lệnh {name}',
    en: 'Unknown command {name}',
    hintVi: 'Xem các lệnh bằng `loa --help`.',
    hintEn: 'See the commands with `loa --help`.',
  },
  ARG_UNKNOWN_OPTION: {
    vi: 'Không có tuỳ chọn {name}',
    en: 'Unknown option {name}',
    hintVi: 'Xem các tuỳ chọn bằng `loa {command} --help`.',
    hintEn: 'See the options with `loa {command} --help`.',
  },
  ARG_MISSING: {
    vi: 'Thiếu đối số bắt buộc {name}',
    en: 'Missing required argument {name}',
    hintVi: 'Xem cách dùng bằng `loa {command} --help`.',
    hintEn: 'See the usage with `loa {command} --help`.',
  },
  ARG_OPTION_VALUE_MISSING: {
    vi: 'Tuỳ chọn {name} cần một giá trị',
    en: 'Option {name} needs a value',
    hintVi: 'Xem cách dùng bằng `loa {command} --help`.',
    hintEn: 'See the usage with `loa {command} --help`.',
  },
  ARG_REQUIRED_OPTION: {
    vi: 'Thiếu tuỳ chọn bắt buộc {name}',
    en: 'Required option {name} is missing',
    hintVi: 'Xem cách dùng bằng `loa {command} --help`.',
    hintEn: 'See the usage with `loa {command} --help`.',
  },
  ARG_TOO_MANY: {
    vi: 'Thừa đối số cho lệnh {name}',
    en: 'Too many arguments for {name}',
    hintVi:
      'Xem cách dùng bằng `loa {command} --help`; giá trị có dấu cách cần đặt trong ngoặc kép.',
    hintEn: 'See the usage with `loa {command} --help`; quote a value that has spaces.',
  },
  ARG_INVALID: {
    vi: 'Đối số không hợp lệ: {detail}',
    en: 'Invalid argument: {detail}',
    hintVi: 'Xem cách dùng bằng `loa {command} --help`.',
    hintEn: 'See the usage with `loa {command} --help`.',
  },
  DATE_RANGE_REVERSED: {
    vi: 'Khoảng thời gian ngược: từ {from} đến {to}',
    en: 'The range is reversed: from {from} to {to}',
    hintVi: '--from phải trước --to.',
    hintEn: '--from must come before --to.',
  },
  EXPECTED_POSITIVE_COUNT: {
    vi: 'Một số nguyên dương, ví dụ 50.',
    en: 'A positive whole number, e.g. 50.',
  },
} as const satisfies Record<string, MessageEntry>;
