import type { MessageEntry } from '../entry.js';

/** The calendar: periods, weekdays, capacity, `loa calendar`. */
export const calendarMessages = {
  CAPACITY_SHORT: {
    vi: 'Nhiệm vụ "{task}" (mục {source}) cần {required} lần trong {period} nhưng lịch của kênh {channels} chỉ có {offered} (thiếu {missing}); {short}/{periods} kỳ không đủ',
    en: 'Task "{task}" (clause {source}) needs {required} in {period} but the schedule of {channels} offers only {offered} (short by {missing}); {short} of {periods, plural, one {# period} other {# periods}} fall short',
    hintVi:
      'Thêm khung giờ phát sóng, ngày phát hành hoặc giờ đăng cho kênh, hoặc thêm kênh thực hiện nhiệm vụ.',
    hintEn:
      'Add slots, issue days or posting times to the channel, or another channel that serves the task.',
  },
  CAPACITY_SHORT_UNIT: {
    vi: 'Nhiệm vụ "{task}" (mục {source}) cần mỗi đơn vị {required} lần trong {period} nhưng lịch của kênh {channels} của đơn vị {unit} chỉ có {offered} (thiếu {missing}); {short}/{periods} kỳ không đủ',
    en: 'Task "{task}" (clause {source}) needs {required} of each unit in {period} but the schedule of {channels} of unit {unit} offers only {offered} (short by {missing}); {short} of {periods, plural, one {# period} other {# periods}} fall short',
    hintVi: 'Thêm khung giờ phát sóng, ngày phát hành hoặc giờ đăng cho kênh của đơn vị này.',
    hintEn: "Add slots, issue days or posting times to this unit's channel.",
  },
  BAD_PERIOD: {
    vi: 'Kỳ không hợp lệ: "{value}"',
    en: 'Invalid period: "{value}"',
    hintVi:
      'Dùng 2024-W12 (tuần), 2024-03 (tháng), 2024-Q1 (quý), 2024-H1 (6 tháng) hoặc 2024 (năm).',
    hintEn:
      'Use 2024-W12 (week), 2024-03 (month), 2024-Q1 (quarter), 2024-H1 (half) or 2024 (year).',
  },
  WEEKDAY_MON: { vi: 'T2', en: 'Mon' },
  WEEKDAY_TUE: { vi: 'T3', en: 'Tue' },
  WEEKDAY_WED: { vi: 'T4', en: 'Wed' },
  WEEKDAY_THU: { vi: 'T5', en: 'Thu' },
  WEEKDAY_FRI: { vi: 'T6', en: 'Fri' },
  WEEKDAY_SAT: { vi: 'T7', en: 'Sat' },
  WEEKDAY_SUN: { vi: 'CN', en: 'Sun' },
  CALENDAR_HEADER: {
    vi: '{plan}: {title}\n  Lịch kỳ {period} ({start} – {end}), múi giờ {zone}',
    en: '{plan}: {title}\n  Calendar of {period} ({start} – {end}), zone {zone}',
  },
  CALENDAR_CLIPPED: {
    vi: '  Chỉ tính trong thời gian hiệu lực của kế hoạch: {start} – {end}',
    en: '  Only the part inside the plan period counts: {start} – {end}',
  },
  CALENDAR_OUTSIDE_PLAN: {
    vi: '  Kỳ này nằm ngoài thời gian hiệu lực của kế hoạch ({start} – {end}): không có lịch',
    en: '  This period lies outside the plan period ({start} – {end}): nothing is scheduled',
  },
  CALENDAR_TASK: { vi: '[{source}] {title} ({task})', en: '[{source}] {title} ({task})' },
  CALENDAR_NOT_SERVED: {
    vi: 'chưa có kênh nào thực hiện nhiệm vụ này',
    en: 'no channel serves this task',
  },
  CALENDAR_NOTHING: {
    vi: 'không có buổi phát sóng hay số bản tin nào trong kỳ (kênh: {channels})',
    en: 'no airing or bulletin issue in the period (channels: {channels})',
  },
  CALENDAR_COL_WHEN: { vi: 'Thời gian', en: 'When' },
  CALENDAR_COL_CHANNEL: { vi: 'Kênh', en: 'Channel' },
  CALENDAR_COL_WHAT: { vi: 'Nội dung', en: 'What' },
  CALENDAR_BROADCAST: { vi: 'phát sóng {minutes} phút', en: 'airs {minutes} min' },
  CALENDAR_BULLETIN: { vi: 'bản tin {label}', en: 'bulletin {label}' },
  CALENDAR_TASK_TOTAL: { vi: '{count} lần trong kỳ', en: '{count} in the period' },
  CALENDAR_REPORTS: { vi: 'Báo cáo đến hạn trong kỳ', en: 'Reports due in the period' },
  CALENDAR_NO_REPORTS: { vi: 'không có báo cáo nào đến hạn', en: 'no report falls due' },
  CALENDAR_REPORT_LINE: {
    vi: 'hạn {due}  [{source}] {title}, kỳ {period}; số liệu từ {from} đến {to}',
    en: 'due {due}  [{source}] {title}, period {period}; data from {from} to {to}',
  },
} as const satisfies Record<string, MessageEntry>;
