import type { MessageEntry } from '../entry.js';

/** The audit: counting quotas against evidence, per-unit roll-up, `loa audit`. */
export const auditMessages = {
  AUDIT_OUTSIDE_PLAN: {
    vi: 'Kỳ {period} nằm ngoài thời gian thực hiện kế hoạch {plan} ({start} – {end})',
    en: 'Period {period} lies outside plan {plan} ({start} – {end})',
    hintVi: 'Chọn một kỳ trong thời gian thực hiện kế hoạch.',
    hintEn: "Choose a period inside the plan's period.",
  },
  AUDIT_UNIT_NOT_FOUND: {
    vi: 'Kế hoạch {plan} không có đơn vị "{unit}"',
    en: 'Plan {plan} has no unit "{unit}"',
    hintVi: 'Các đơn vị của kế hoạch: {known}',
    hintEn: "The plan's units: {known}",
  },
  AUDIT_BAD_FORMAT: {
    vi: 'Không hỗ trợ định dạng "{format}"',
    en: 'Format "{format}" is not supported',
    hintVi: 'Dùng một trong: {known}.',
    hintEn: 'Use one of: {known}.',
  },
  AUDIT_STATUS_MET: { vi: 'đạt', en: 'met' },
  AUDIT_STATUS_MISSED: { vi: 'không đạt', en: 'missed' },
  AUDIT_STATUS_AT_RISK: { vi: 'nguy cơ không đạt', en: 'at risk' },
  AUDIT_STATUS_OPEN: { vi: 'đang thực hiện', en: 'on track' },
  AUDIT_STATUS_NOT_YET_DUE: { vi: 'chưa đến kỳ', en: 'not yet due' },
  AUDIT_STATUS_COUNTED: { vi: 'thống kê', en: 'counted' },
  AUDIT_REJECT_TOO_SHORT: { vi: 'ngắn hơn thời lượng tối thiểu', en: 'shorter than the minimum' },
  AUDIT_REJECT_NO_DURATION: { vi: 'không ghi thời lượng', en: 'no duration recorded' },
  AUDIT_REJECT_OUTSIDE_WINDOW: { vi: 'ngoài khung giờ quy định', en: 'outside the time window' },
  AUDIT_REJECT_WEEKDAY: { vi: 'không đúng ngày trong tuần', en: 'on another weekday' },
  AUDIT_REJECT_TOPIC: { vi: 'không thuộc chủ đề yêu cầu', en: 'not on a required topic' },
  AUDIT_REJECT_CHANNEL_KIND: {
    vi: 'không qua loại kênh yêu cầu',
    en: 'not through a required kind of channel',
  },
  AUDIT_WARN_BAD_TIME: { vi: 'thời điểm không đọc được', en: 'its time does not read' },
  AUDIT_WARN_CORRECTION_TARGET_MISSING: {
    vi: 'đính chính một mục không có trong nhật ký',
    en: 'corrects an entry that is not in the log',
  },
  AUDIT_WARN_CORRECTION_NOT_LATER: {
    vi: 'đính chính không đứng sau mục được đính chính',
    en: 'a correction must come after the entry it corrects',
  },
  AUDIT_WARNING_LINE: {
    vi: 'Mục nhật ký #{index}: {problem}',
    en: 'Log entry #{index}: {problem}',
  },
  AUDIT_HEADER: {
    vi: 'Kiểm tra thực hiện kế hoạch {plan} ({number}), kỳ {period}, tính đến {now}',
    en: 'Audit of plan {plan} ({number}), period {period}, as of {now}',
  },
  AUDIT_UNIT_LINE: {
    vi: 'Đơn vị: {name} (gồm {count} đơn vị trực thuộc và chính đơn vị)',
    en: 'Unit: {name} ({count, plural, one {# unit} other {# units}} with those under it)',
  },
  AUDIT_COL_PLAN: { vi: 'Kế hoạch', en: 'Plan' },
  AUDIT_COL_TASK: { vi: 'Nhiệm vụ', en: 'Task' },
  AUDIT_COL_SOURCE: { vi: 'Mục', en: 'Clause' },
  AUDIT_COL_UNIT: { vi: 'Đơn vị', en: 'Unit' },
  AUDIT_COL_PERIOD: { vi: 'Kỳ', en: 'Period' },
  AUDIT_COL_START: { vi: 'Từ', en: 'From' },
  AUDIT_COL_END: { vi: 'Đến hết', en: 'Until' },
  AUDIT_COL_SPILLS: { vi: 'Vượt kỳ', en: 'Spills over' },
  AUDIT_COL_REQUIRED: { vi: 'Yêu cầu', en: 'Required' },
  AUDIT_COL_ACHIEVED: { vi: 'Đã thực hiện', en: 'Done' },
  AUDIT_COL_STATUS: { vi: 'Trạng thái', en: 'Status' },
  AUDIT_COL_EVIDENCE: { vi: 'Minh chứng (mục nhật ký)', en: 'Evidence (log entries)' },
  AUDIT_COL_REJECTED: { vi: 'Không được tính', en: 'Not counted' },
  AUDIT_YES: { vi: 'có', en: 'yes' },
  AUDIT_SPILL_NOTE: {
    vi: '* kỳ vượt ra ngoài kỳ kiểm tra: được tính một lần, trọn kỳ',
    en: '* reaches outside the audited period: counted once, whole',
  },
  AUDIT_COMPLETION: {
    vi: 'Tỷ lệ hoàn thành: {percent}% ({met}/{assessed} nhiệm vụ-kỳ đạt; {pending} chưa đến lúc đánh giá)',
    en: 'Completion: {percent}% ({met}/{assessed, plural, one {# task-period} other {# task-periods}} met; {pending} not yet decided)',
  },
  AUDIT_COMPLETION_NONE: {
    vi: 'Tỷ lệ hoàn thành: chưa có nhiệm vụ-kỳ nào đến lúc đánh giá ({pending} đang chờ)',
    en: 'Completion: no task-period is decided yet ({pending} pending)',
  },
  AUDIT_FOCUS_HEADER: { vi: 'Chủ đề trọng tâm:', en: 'Focus topics:' },
  AUDIT_FOCUS_COVERED: {
    vi: '  có {entries} tin, bài: {title}',
    en: '  {entries, plural, one {# entry} other {# entries}}: {title}',
  },
  AUDIT_FOCUS_UNCOVERED: { vi: '  CHƯA CÓ tin, bài: {title}', en: '  NOT COVERED: {title}' },
  AUDIT_FOCUS_NONE: {
    vi: 'Kế hoạch không nêu chủ đề trọng tâm',
    en: 'The plan names no focus topic',
  },
  // audit: counting an auditor can follow, per-unit quotas, roll-up (issue 12)
  AUDIT_ALSO_COUNTS: { vi: 'cũng tính cho {tasks}', en: 'also counts for {tasks}' },
  AUDIT_REJECTED_SUMMARY: {
    vi: '{count} mục không được tính: {reasons} (--verbose để xem từng mục)',
    en: '{count, plural, one {# entry} other {# entries}} not counted: {reasons} (--verbose lists them)',
  },
  AUDIT_PARTIAL_NOTE: {
    vi: '° Kỳ bị cắt bởi thời gian hiệu lực của kế hoạch: định mức tính theo tỷ lệ số ngày trong kế hoạch (làm tròn xuống; 0 thì kỳ đó không tính).',
    en: "° A period cut by the plan's dates: its quota is in proportion to its days inside the plan (rounded down; a quota of 0 is not weighed).",
  },
  AUDIT_REJECT_UNIT: {
    vi: 'không thuộc đơn vị nào phải thực hiện',
    en: 'of none of the units held to the quota',
  },
  AUDIT_UNITS_MET: {
    vi: '{met}/{total} đơn vị đạt',
    en: '{met}/{total, plural, one {# unit} other {# units}} met',
  },
  AUDIT_UNIT_SHORT: {
    vi: '{name} ({unit}): {achieved}/{required} {status}',
    en: '{name} ({unit}): {achieved}/{required} {status}',
  },
  AUDIT_EACH_LINE: {
    vi: 'Định mức áp dụng cho từng đơn vị ({count} đơn vị); hoàn thành tính theo đơn vị × kỳ',
    en: 'The quota applies to each unit ({count, plural, one {# unit} other {# units}}); completion counts unit-periods',
  },
  AUDIT_ROLLUP_HEADER: {
    vi: 'Tổng hợp theo đơn vị (nhiệm vụ áp dụng cho từng đơn vị):',
    en: 'By unit (tasks held by each unit):',
  },
  AUDIT_ROLLUP_LINE: {
    vi: '{name} ({unit}): {percent} — đạt {met}/{assessed} kỳ đã đánh giá, {pending} kỳ chưa đến hạn',
    en: '{name} ({unit}): {percent} — {met}/{assessed, plural, one {# assessed period} other {# assessed periods}} met, {pending} pending',
  },
  AUDIT_REJECT_AUDIO_MISMATCH: {
    vi: 'tệp âm thanh đã phát khác tệp đã lên lịch',
    en: 'the audio played differs from the audio scheduled',
  },
} as const satisfies Record<string, MessageEntry>;
