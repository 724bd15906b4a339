import type { MessageEntry } from '../entry.js';

/** The terminal: project folder, argument parser, `loa validate`, `loa start`, `loa schema`. */
export const cliMessages = {
  VALIDATE_SUMMARY: {
    vi: '{plans} kế hoạch, {channels} kênh, {items} bài; {errors} lỗi, {warnings} cảnh báo',
    en: '{plans} {plans:plan|plans}, {channels} {channels:channel|channels}, {items} {items:item|items}; {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}',
  },
  START_RUN: {
    vi: '== Bắt đầu lịch đăng (loa run); dừng bằng Ctrl+C ==',
    en: '== Starting the scheduler (loa run); stop with Ctrl+C ==',
  },
  START_CALENDAR: {
    vi: '== Lịch tháng {month} của từng kế hoạch ==',
    en: '== Each plan in {month} ==',
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
