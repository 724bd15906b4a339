import { currentLang, type Lang } from './lang.js';

/** One catalogue entry: what happened (vi, en) and, for errors, what to do. */
export interface MessageEntry {
  vi: string;
  en: string;
  hintVi?: string;
  hintEn?: string;
}

/**
 * Every message a user reads, keyed by a stable code. Codes are permanent: a code that
 * changes meaning gets a new name. `{name}` placeholders are filled from params.
 */
export const CATALOGUE = {
  // --- labels and summaries
  LABEL_ERROR: { vi: 'lỗi', en: 'error' },
  LABEL_WARNING: { vi: 'cảnh báo', en: 'warning' },
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
  // --- plans in words
  PER_WEEK: { vi: 'mỗi tuần', en: 'per week' },
  PER_MONTH: { vi: 'mỗi tháng', en: 'per month' },
  PER_QUARTER: { vi: 'mỗi quý', en: 'per quarter' },
  PER_HALF_YEAR: { vi: 'mỗi 6 tháng', en: 'per half-year' },
  PER_YEAR: { vi: 'mỗi năm', en: 'per year' },
  PER_PLAN: { vi: 'trong cả kỳ kế hoạch', en: 'over the whole plan' },
  RULE_AT_LEAST: { vi: 'ít nhất {count} lần {per}', en: 'at least {count} {per}' },
  RULE_COUNTED: {
    vi: 'thống kê số lượng {per}, không định mức',
    en: 'counted {per}, no fixed quota',
  },
  RULE_MIN_DURATION: { vi: 'mỗi lần ít nhất {minutes} phút', en: 'each at least {minutes} min' },
  RULE_WINDOW: { vi: 'trong khung {from}–{to}', en: 'between {from} and {to}' },
  RULE_VIA: { vi: 'qua kênh {kinds}', en: 'through {kinds} channels' },
  RULE_MANUAL: { vi: 'minh chứng nhập tay ({form})', en: 'evidence entered by hand ({form})' },
  PLAN_NO_CHANNEL: { vi: 'chưa có kênh nào thực hiện', en: 'no channel serves it' },
  PLAN_HEADER: {
    vi: '{id}: {title}\n  Số {number} ngày {date}, {issuer}; hiệu lực {start} – {end}; múi giờ {zone}',
    en: '{id}: {title}\n  No. {number} of {date}, {issuer}; in force {start} – {end}; zone {zone}',
  },
  PLAN_TASK_LINE: { vi: '[{source}] {title}', en: '[{source}] {title}' },
  PLAN_TASK_DETAIL: {
    vi: 'đơn vị: {unit}; yêu cầu: {rule}; kênh: {channels}',
    en: 'unit: {unit}; rule: {rule}; channels: {channels}',
  },
  PLAN_LIST_LINE: {
    vi: '{id}  {number}  {period}  {tasks} nhiệm vụ, {unserved} chưa có kênh',
    en: '{id}  {number}  {period}  {tasks} tasks, {unserved} without a channel',
  },
  // --- reading files
  FILE_TOO_LARGE: {
    vi: 'Tệp quá lớn ({size} byte, tối đa {max} byte)',
    en: 'File too large ({size} bytes, at most {max})',
    hintVi: 'Tách tệp thành nhiều tệp nhỏ hơn.',
    hintEn: 'Split the file into smaller files.',
  },
  FILE_EMPTY: {
    vi: 'Tệp rỗng',
    en: 'File is empty',
    hintVi: 'Điền nội dung theo mẫu trong README hoặc xoá tệp.',
    hintEn: 'Fill it in as the README shows, or delete it.',
  },
  FILE_UNREADABLE: {
    vi: 'Không đọc được tệp: {reason}',
    en: 'Cannot read the file: {reason}',
    hintVi: 'Kiểm tra đường dẫn và quyền đọc.',
    hintEn: 'Check the path and the read permission.',
  },
  FILE_NOT_UTF8: {
    vi: 'Tệp không phải UTF-8 (byte lỗi ở vị trí {offset})',
    en: 'File is not UTF-8 (bad byte at offset {offset})',
    hintVi: 'Lưu lại tệp với mã hoá UTF-8 (Unicode dựng sẵn).',
    hintEn: 'Save the file again as UTF-8 (precomposed Unicode).',
  },
  TEXT_CONTROL_CHARACTER: {
    vi: 'Văn bản chứa ký tự điều khiển {char} (không hiển thị được)',
    en: 'Text contains the control character {char} (not printable)',
    hintVi: 'Xoá ký tự này; chỉ dùng được dấu tab và xuống dòng.',
    hintEn: 'Remove it; only tab and line breaks are allowed.',
  },
  TEXT_LEGACY_ENCODING: {
    vi: 'Văn bản có vẻ gõ bằng bảng mã cũ {encoding}: "{sample}"',
    en: 'Text looks like the legacy {encoding} encoding: "{sample}"',
    hintVi: 'Chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã, đích Unicode dựng sẵn).',
    hintEn: 'Convert it to Unicode (e.g. Unikey converter, target: precomposed Unicode).',
  },
  YAML_SYNTAX: {
    vi: 'Lỗi cú pháp YAML: {detail}',
    en: 'YAML syntax error: {detail}',
    hintVi: 'Kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm và dấu ngoặc kép.',
    hintEn: 'Check the indentation (spaces, not tabs), colons and quotes.',
  },
  FRONT_MATTER_MISSING: {
    vi: 'Thiếu phần đầu YAML (front matter) giữa hai dòng ---',
    en: 'Missing YAML front matter between two --- lines',
    hintVi: 'Bắt đầu tệp bằng dòng --- , các trường title, channels…, rồi một dòng --- nữa.',
    hintEn: 'Start the file with a --- line, the fields (title, channels…), then another --- line.',
  },
  // --- schema checks (mapped from zod issues)
  FIELD_REQUIRED: {
    vi: 'Thiếu trường bắt buộc',
    en: 'Required field is missing',
    hintVi: 'Thêm trường này ({expected}).',
    hintEn: 'Add this field ({expected}).',
  },
  FIELD_TYPE: {
    vi: 'Sai kiểu: cần {expected}, nhận được {received}',
    en: 'Wrong type: expected {expected}, got {received}',
    hintVi: 'Sửa giá trị cho đúng kiểu.',
    hintEn: 'Change the value to the expected type.',
  },
  FIELD_UNKNOWN: {
    vi: 'Trường không được hỗ trợ: {keys}',
    en: 'Unknown field: {keys}',
    hintVi: 'Kiểm tra chính tả hoặc xoá trường; xem lược đồ JSON từ `loa schema`.',
    hintEn: 'Check the spelling or remove it; see the JSON Schema from `loa schema`.',
  },
  FIELD_ENUM: {
    vi: 'Giá trị không hợp lệ, cần một trong: {values}',
    en: 'Invalid value, expected one of: {values}',
  },
  FIELD_TOO_SMALL: {
    vi: 'Giá trị quá nhỏ (tối thiểu {minimum})',
    en: 'Value too small (minimum {minimum})',
  },
  FIELD_TOO_BIG: {
    vi: 'Giá trị quá lớn (tối đa {maximum})',
    en: 'Value too large (maximum {maximum})',
  },
  FIELD_FORMAT: {
    vi: 'Sai định dạng ({format})',
    en: 'Wrong format ({format})',
  },
  FIELD_INVALID: {
    vi: 'Giá trị không hợp lệ',
    en: 'Invalid value',
  },
  BAD_DATE: {
    vi: 'Ngày không hợp lệ: "{value}"',
    en: 'Invalid date: "{value}"',
    hintVi: 'Dùng dạng YYYY-MM-DD với ngày có thật (ví dụ 2024-02-29).',
    hintEn: 'Use YYYY-MM-DD with a real date (e.g. 2024-02-29).',
  },
  BAD_DATETIME: {
    vi: 'Thời điểm không hợp lệ: "{value}"',
    en: 'Invalid date-time: "{value}"',
    hintVi: 'Dùng dạng 2024-03-04T08:00 (giờ theo múi giờ của kế hoạch) hoặc có độ lệch +07:00.',
    hintEn: "Use 2024-03-04T08:00 (in the plan's time zone) or add an offset such as +07:00.",
  },
  BAD_TIME: {
    vi: 'Giờ không hợp lệ: "{value}"',
    en: 'Invalid time of day: "{value}"',
    hintVi: 'Dùng dạng HH:mm, 24 giờ (ví dụ 20:00).',
    hintEn: 'Use HH:mm on a 24-hour clock (e.g. 20:00).',
  },
  BAD_ZONE: {
    vi: 'Múi giờ không tồn tại: "{value}"',
    en: 'Unknown time zone: "{value}"',
    hintVi: 'Dùng tên IANA, ví dụ Asia/Ho_Chi_Minh.',
    hintEn: 'Use an IANA name such as Asia/Ho_Chi_Minh.',
  },
  BAD_ID: {
    vi: 'Mã không hợp lệ: "{value}"',
    en: 'Invalid id: "{value}"',
    hintVi: 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ so-noi-vu).',
    hintEn: 'Ids use lower-case ASCII letters, digits and hyphens (e.g. so-noi-vu).',
  },
  PERIOD_REVERSED: {
    vi: 'Ngày kết thúc trước ngày bắt đầu',
    en: 'The end date is before the start date',
  },
  WINDOW_REVERSED: {
    vi: 'Khung giờ kết thúc trước khi bắt đầu',
    en: 'The time window ends before it starts',
  },
  PUBLISH_AT_AND_SLOT: {
    vi: 'Chỉ dùng một trong publishAt hoặc slot: next',
    en: 'Use either publishAt or slot: next, not both',
  },
  EACH_EMPTY_SELECTOR: {
    vi: 'each cần danh sách đơn vị, hoặc parent và/hoặc type',
    en: 'each needs a list of units, or a parent and/or a type',
    hintVi: 'Ví dụ: each: [xa-a, xa-b] hoặc each: { parent: ubnd-huyen, type: xa }.',
    hintEn: 'E.g. each: [xa-a, xa-b] or each: { parent: ubnd-huyen, type: xa }.',
  },
  TASK_EVIDENCE: {
    vi: 'Nhiệm vụ phải có rule.channelKinds (kênh đăng) hoặc manual (minh chứng nhập tay), không cả hai',
    en: 'A task needs rule.channelKinds (published) or manual (evidence entered by hand), not both',
  },
  // schema checks: cadences in one recurrence model (issue 12: plans as they are really written)
  RECURRENCE_NO_DAYS: {
    vi: 'Chưa nói ngày nào: cần weekday, rrule hoặc dates',
    en: 'No days given: needs weekday, rrule or dates',
    hintVi:
      'Ví dụ: weekday: fri (hằng tuần); rrule: FREQ=MONTHLY;BYDAY=1TH,3TH (thứ Năm tuần 1 và 3); dates: [2024-07-01] (một lần).',
    hintEn:
      'E.g. weekday: fri (weekly); rrule: FREQ=MONTHLY;BYDAY=1TH,3TH (1st and 3rd Thursday); dates: [2024-07-01] (once).',
  },
  SLOT_WEEKDAY_AND_RRULE: {
    vi: 'Chỉ dùng một trong weekday hoặc rrule cho một khung giờ',
    en: 'Use either weekday or rrule for a slot, not both',
    hintVi: 'weekday: fri tương đương rrule: FREQ=WEEKLY;BYDAY=FR; giữ một trong hai.',
    hintEn: 'weekday: fri is rrule: FREQ=WEEKLY;BYDAY=FR; keep one of them.',
  },
  RRULE_SYNTAX: {
    vi: 'Quy tắc lặp (RRULE) không đọc được: "{value}"',
    en: 'Unreadable recurrence rule (RRULE): "{value}"',
    hintVi:
      'Viết theo RFC 5545, ví dụ FREQ=MONTHLY;BYDAY=-1FR (thứ Sáu cuối tháng), FREQ=WEEKLY;INTERVAL=2;BYDAY=WE (cách tuần, thứ Tư).',
    hintEn:
      'Write it as in RFC 5545, e.g. FREQ=MONTHLY;BYDAY=-1FR (last Friday), FREQ=WEEKLY;INTERVAL=2;BYDAY=WE (every other Wednesday).',
  },
  RRULE_NO_FREQ: {
    vi: 'Quy tắc lặp thiếu FREQ: "{value}"',
    en: 'The recurrence rule has no FREQ: "{value}"',
    hintVi: 'Thêm FREQ=WEEKLY, FREQ=MONTHLY, FREQ=YEARLY hoặc FREQ=DAILY.',
    hintEn: 'Add FREQ=WEEKLY, FREQ=MONTHLY, FREQ=YEARLY or FREQ=DAILY.',
  },
  RRULE_TIME_PARTS: {
    vi: 'Quy tắc lặp chỉ chọn ngày; giờ lấy từ start: "{value}"',
    en: 'The recurrence rule picks days only; the time comes from start: "{value}"',
    hintVi: 'Bỏ FREQ=HOURLY/MINUTELY/SECONDLY và BYHOUR, BYMINUTE, BYSECOND; đặt giờ ở start.',
    hintEn:
      'Drop FREQ=HOURLY/MINUTELY/SECONDLY and BYHOUR, BYMINUTE, BYSECOND; set the time in start.',
  },
  RRULE_DTSTART: {
    vi: 'Không ghi DTSTART trong quy tắc lặp: "{value}"',
    en: 'Do not put DTSTART in the recurrence rule: "{value}"',
    hintVi: 'Ngày bắt đầu ghi ở trường from (YYYY-MM-DD), giờ ở start.',
    hintEn: 'Put the first day in from (YYYY-MM-DD) and the time in start.',
  },
  RRULE_NEEDS_FROM: {
    vi: 'Quy tắc lặp có INTERVAL hoặc COUNT cần ngày bắt đầu: "{value}"',
    en: 'A recurrence rule with INTERVAL or COUNT needs a first day: "{value}"',
    hintVi: 'Thêm from: YYYY-MM-DD, ngày của lần đầu tiên (ví dụ thứ Tư đầu tiên có phát sóng).',
    hintEn:
      'Add from: YYYY-MM-DD, the day of the first occurrence (e.g. the first Wednesday it airs).',
  },
  RRULE_WEEKLY_NEEDS_BYDAY: {
    vi: 'Quy tắc lặp hằng tuần cần BYDAY hoặc ngày bắt đầu: "{value}"',
    en: 'A weekly recurrence rule needs BYDAY or a first day: "{value}"',
    hintVi: 'Thêm BYDAY=WE (thứ Tư)… hoặc from: YYYY-MM-DD.',
    hintEn: 'Add BYDAY=WE (Wednesday)… or from: YYYY-MM-DD.',
  },
  // --- cross references
  DUPLICATE_ID: {
    vi: 'Mã "{id}" bị trùng (đã có ở {other})',
    en: 'Duplicate id "{id}" (also in {other})',
    hintVi: 'Đổi mã để mỗi {what} có một mã riêng.',
    hintEn: 'Rename it so that each {what} has its own id.',
  },
  UNKNOWN_PLAN: {
    vi: 'Không có kế hoạch "{id}" trong schedules/',
    en: 'No plan "{id}" in schedules/',
    hintVi: 'Kiểm tra mã kế hoạch (xem `loa plan list`).',
    hintEn: 'Check the plan id (see `loa plan list`).',
  },
  UNKNOWN_TASK: {
    vi: 'Kế hoạch "{plan}" không có nhiệm vụ "{id}"',
    en: 'Plan "{plan}" has no task "{id}"',
    hintVi: 'Kiểm tra mã nhiệm vụ (xem `loa plan show {plan}`).',
    hintEn: 'Check the task id (see `loa plan show {plan}`).',
  },
  TASK_KIND_MISMATCH: {
    vi: 'Nhiệm vụ "{task}" ({source}) không được thực hiện qua kênh loại {kind}',
    en: 'Task "{task}" ({source}) is not carried out by a {kind} channel',
    hintVi: 'Chỉ gắn kênh với nhiệm vụ có rule.channelKinds chứa {kind}.',
    hintEn: 'Only attach the channel to tasks whose rule.channelKinds include {kind}.',
  },
  UNKNOWN_CHANNEL: {
    vi: 'Không có kênh "{id}" trong channels/',
    en: 'No channel "{id}" in channels/',
    hintVi: 'Kiểm tra mã kênh (tên tệp trong channels/).',
    hintEn: 'Check the channel id (the file names in channels/).',
  },
  UNKNOWN_UNIT: {
    vi: 'Đơn vị "{id}" không có trong kế hoạch {plans}',
    en: 'Unit "{id}" is not in plan {plans}',
    hintVi: 'Dùng mã đơn vị khai báo ở mục units của kế hoạch.',
    hintEn: "Use a unit id declared under the plan's units.",
  },
  UNKNOWN_TOPIC: {
    vi: 'Chủ đề "{id}" không có trong kế hoạch {plans}',
    en: 'Topic "{id}" is not in plan {plans}',
    hintVi: 'Dùng mã chủ đề khai báo ở mục topics của kế hoạch.',
    hintEn: "Use a topic id declared under the plan's topics.",
  },
  UNKNOWN_MEDIA: {
    vi: 'Không tìm thấy tệp media "{file}"',
    en: 'Media file "{file}" not found',
    hintVi: 'Đặt tệp cạnh bài viết, đường dẫn tính từ thư mục của bài.',
    hintEn: "Put the file beside the item; the path is relative to the item's folder.",
  },
  SLOT_TOO_SHORT: {
    vi: 'Khung phát {slot} dài {length} giây, ngắn hơn mức tối thiểu {minimum} giây của nhiệm vụ "{task}" (mục {source})',
    en: 'Slot {slot} is {length} s long, shorter than the {minimum} s minimum of task "{task}" (clause {source})',
    hintVi: 'Kéo dài khung phát (lengthSec) tới ít nhất {minimum} giây.',
    hintEn: 'Make the slot (lengthSec) at least {minimum} s long.',
  },
  SLOT_OUTSIDE_WINDOW: {
    vi: 'Khung phát {slot} nằm ngoài giờ vàng {window} của nhiệm vụ "{task}" (mục {source})',
    en: 'Slot {slot} is outside the prime-time window {window} of task "{task}" (clause {source})',
    hintVi: 'Dời khung phát vào trong khung giờ vàng.',
    hintEn: 'Move the slot inside the prime-time window.',
  },
  SLOT_BELOW_CHANNEL_MINIMUM: {
    vi: 'Khung phát {slot} dài {length} giây, ngắn hơn minLengthSec ({minimum} giây) của kênh',
    en: "Slot {slot} is {length} s long, shorter than the channel's minLengthSec ({minimum} s)",
    hintVi: 'Kéo dài khung phát hoặc sửa minLengthSec.',
    hintEn: 'Lengthen the slot or change minLengthSec.',
  },
  SLOT_OUTSIDE_CHANNEL_PRIME_TIME: {
    vi: 'Khung phát {slot} nằm ngoài giờ vàng {window} khai báo ở primeTime của kênh',
    en: "Slot {slot} is outside the channel's primeTime {window}",
    hintVi: 'Dời khung phát vào trong primeTime hoặc sửa primeTime.',
    hintEn: 'Move the slot inside primeTime or change primeTime.',
  },
  CHANNEL_SECRET_INLINE: {
    vi: 'Không ghi mật khẩu trong tệp kênh',
    en: 'Do not write the password in the channel file',
    hintVi: 'Khai báo tên biến môi trường (credentials.passwordEnv) và đặt mật khẩu trong biến đó.',
    hintEn: 'Name an environment variable (credentials.passwordEnv) and put the password there.',
  },
  CHANNEL_NOT_CONFIGURED: {
    vi: 'Kênh "{channel}" chưa được cấu hình: chưa đặt biến môi trường {vars}',
    en: 'Channel "{channel}" is not configured: environment variable(s) {vars} not set',
    hintVi: 'Đặt các biến này trước khi chạy `loa run`; các bài của kênh sẽ chờ, không bị lỗi.',
    hintEn: "Set them before `loa run`; the channel's publications wait, nothing fails.",
  },
  // cross references: per-unit quotas (issue 12)
  EACH_NO_UNITS: {
    vi: 'Nhiệm vụ "{task}" áp dụng cho từng đơn vị nhưng không có đơn vị nào khớp (parent: {parent}, type: {type})',
    en: 'Task "{task}" applies to each unit but no unit matches (parent: {parent}, type: {type})',
    hintVi: 'Khai báo các đơn vị trong units với parent và type tương ứng, hoặc sửa each.',
    hintEn: 'List the units under units with that parent and type, or correct each.',
  },
  CAPACITY_SHORT: {
    vi: 'Nhiệm vụ "{task}" (mục {source}) cần {required} lần trong {period} nhưng lịch của kênh {channels} chỉ có {offered} (thiếu {missing}); {short}/{periods} kỳ không đủ',
    en: 'Task "{task}" (clause {source}) needs {required} in {period} but the schedule of {channels} offers only {offered} (short by {missing}); {short} of {periods} periods fall short',
    hintVi:
      'Thêm khung giờ phát sóng, ngày phát hành hoặc giờ đăng cho kênh, hoặc thêm kênh thực hiện nhiệm vụ.',
    hintEn:
      'Add slots, issue days or posting times to the channel, or another channel that serves the task.',
  },
  CAPACITY_SHORT_UNIT: {
    vi: 'Nhiệm vụ "{task}" (mục {source}) cần mỗi đơn vị {required} lần trong {period} nhưng lịch của kênh {channels} của đơn vị {unit} chỉ có {offered} (thiếu {missing}); {short}/{periods} kỳ không đủ',
    en: 'Task "{task}" (clause {source}) needs {required} of each unit in {period} but the schedule of {channels} of unit {unit} offers only {offered} (short by {missing}); {short} of {periods} periods fall short',
    hintVi: 'Thêm khung giờ phát sóng, ngày phát hành hoặc giờ đăng cho kênh của đơn vị này.',
    hintEn: "Add slots, issue days or posting times to this unit's channel.",
  },
  // --- periods and calendar
  BAD_PERIOD: {
    vi: 'Kỳ không hợp lệ: "{value}"',
    en: 'Invalid period: "{value}"',
    hintVi:
      'Dùng 2024-W12 (tuần), 2024-03 (tháng), 2024-Q1 (quý), 2024-H1 (6 tháng) hoặc 2024 (năm).',
    hintEn:
      'Use 2024-W12 (week), 2024-03 (month), 2024-Q1 (quarter), 2024-H1 (half) or 2024 (year).',
  },
  // --- commands
  CONFIG_INVALID: {
    vi: 'Cấu hình có {count} lỗi',
    en: 'The configuration has {count} {count:error|errors}',
    hintVi: 'Chạy `loa validate` để xem từng lỗi.',
    hintEn: 'Run `loa validate` to see each error.',
  },
  PLAN_NOT_FOUND: {
    vi: 'Không có kế hoạch "{id}"',
    en: 'No plan "{id}"',
    hintVi: 'Các kế hoạch hiện có: {known}.',
    hintEn: 'Known plans: {known}.',
  },
  INTERNAL: {
    vi: 'Lỗi nội bộ: {detail}',
    en: 'Internal error: {detail}',
    hintVi: 'Hãy báo lỗi này kèm lệnh đã chạy.',
    hintEn: 'Please report this with the command you ran.',
  },
  // --- the terminal: project folder, argument parser (issue 17: daemon and terminal)
  PROJECT_DIR_MISSING: {
    vi: 'Không có thư mục dự án "{dir}"',
    en: 'There is no project folder "{dir}"',
    hintVi: 'Kiểm tra --dir: thư mục dự án chứa schedules/, channels/ và content/.',
    hintEn: 'Check --dir: a project folder holds schedules/, channels/ and content/.',
  },
  PROJECT_DIR_NOT_PROJECT: {
    vi: 'Thư mục "{dir}" không phải dự án loa: không có schedules/, channels/ hay content/',
    en: 'The folder "{dir}" is not a loa project: it has no schedules/, channels/ or content/',
    hintVi: 'Chạy lệnh trong thư mục dự án, hoặc chỉ đúng thư mục bằng --dir.',
    hintEn: 'Run the command in the project folder, or name it with --dir.',
  },
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
  SYNC_REAPPROVE: {
    vi: 'Bài {id} đã bị rút; bản sửa mới chờ duyệt lại, chưa được đăng: loa queue approve {id}',
    en: 'Item {id} was withdrawn; its edited version waits for a new approval and is not sent: loa queue approve {id}',
  },
  STATUS_RETRYING: {
    vi: '  đang thử lại: {when}  {item}: lần thử {attempts}/{max} lỗi, thử lại lúc {next}; lỗi cuối: {error}',
    en: '  retrying: {when}  {item}: attempt {attempts} of {max} failed, next try {next}; last error: {error}',
  },
  BACKUP_WRITTEN: {
    vi: 'Đã sao lưu vào {path} (cơ sở dữ liệu, khoá ký và {files} tệp của thư mục dữ liệu)',
    en: 'Backed up to {path} (the database, the signing key and {files} {files:file|files} of the data folder)',
  },
  RESTORE_DONE: {
    vi: 'Đã khôi phục {path} vào {dir} ({files} tệp); `loa run` tiếp tục từ đó, không đăng lại',
    en: 'Restored {path} into {dir} ({files} {files:file|files}); `loa run` goes on from there, reposting nothing',
  },
  BACKUP_NO_STORE: {
    vi: 'Không có cơ sở dữ liệu để sao lưu: {path}',
    en: 'There is no database to back up: {path}',
    hintVi: 'Kiểm tra LOA_DATA_DIR: đó phải là thư mục dữ liệu mà `loa run` dùng.',
    hintEn: 'Check LOA_DATA_DIR: it must be the data folder `loa run` uses.',
  },
  BACKUP_POSTGRES: {
    vi: '`loa backup` và `loa restore` dành cho SQLite; kho đang dùng là PostgreSQL',
    en: '`loa backup` and `loa restore` are for SQLite; the store in use is PostgreSQL',
    hintVi:
      'Dùng pg_dump -Fc để sao lưu và pg_restore để khôi phục, rồi chép khoá ký và thư mục evidence-files của thư mục dữ liệu (xem README).',
    hintEn:
      'Use pg_dump -Fc to back up and pg_restore to restore, and copy the signing key and evidence-files of the data folder (see the README).',
  },
  RESTORE_TARGET_EXISTS: {
    vi: 'Thư mục dữ liệu đã có cơ sở dữ liệu: {path}; không ghi đè',
    en: 'The data folder already holds a database: {path}; it is not overwritten',
    hintVi:
      'Khôi phục vào một thư mục dữ liệu trống (LOA_DATA_DIR), hoặc tự chuyển tệp cũ đi trước.',
    hintEn: 'Restore into an empty data folder (LOA_DATA_DIR), or move the old file away first.',
  },
  RESTORE_NOT_A_BACKUP: {
    vi: 'Tệp {path} không phải bản sao lưu của loa',
    en: 'The file {path} is not a loa backup',
    hintVi: 'Dùng một tệp do `loa backup --out` tạo ra.',
    hintEn: 'Use a file that `loa backup --out` made.',
  },
  ARG_INVALID: {
    vi: 'Đối số không hợp lệ: {detail}',
    en: 'Invalid argument: {detail}',
    hintVi: 'Xem cách dùng bằng `loa {command} --help`.',
    hintEn: 'See the usage with `loa {command} --help`.',
  },
  // --- calendar: `loa calendar` and dates shown to users (calendar area)
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
  // --- evidence log: canonical entries, Merkle proofs, signing key, checkpoints (src/evidence)
  EVIDENCE_VALUE_UNSUPPORTED: {
    vi: 'Minh chứng chứa giá trị không ghi được ở {path} (kiểu {type})',
    en: 'Evidence entry holds a value that cannot be recorded at {path} (type {type})',
    hintVi:
      'Chỉ dùng chuỗi, số, true/false, null, mảng và đối tượng thường; thời điểm ghi dạng chuỗi ISO UTC.',
    hintEn:
      'Use only strings, numbers, booleans, null, arrays and plain objects; instants as UTC ISO strings.',
  },
  EVIDENCE_NUMBER_NOT_FINITE: {
    vi: 'Minh chứng chứa số không hữu hạn ở {path}: {value}',
    en: 'Evidence entry holds a non-finite number at {path}: {value}',
    hintVi: 'Kiểm tra phép tính tạo ra giá trị này; ghi null nếu không có số liệu.',
    hintEn: 'Check the computation that produced it; record null when there is no figure.',
  },
  EVIDENCE_TEXT_MALFORMED: {
    vi: 'Minh chứng chứa chuỗi Unicode hỏng (nửa cặp surrogate) ở {path}',
    en: 'Evidence entry holds broken Unicode text (a lone surrogate) at {path}',
    hintVi: 'Văn bản có thể bị cắt giữa một ký tự; lấy lại văn bản gốc.',
    hintEn: 'The text was probably cut inside a character; take the original text again.',
  },
  EVIDENCE_DUPLICATE_KEY: {
    vi: 'Minh chứng có hai trường cùng tên "{key}" sau khi chuẩn hoá NFC ở {path}',
    en: 'Evidence entry has two fields named "{key}" once normalised to NFC, at {path}',
    hintVi: 'Hai tên trường chỉ khác nhau về cách dựng dấu; giữ lại một.',
    hintEn: 'The two names differ only in how diacritics are composed; keep one.',
  },
  EVIDENCE_VALUE_CYCLE: {
    vi: 'Minh chứng tham chiếu vòng tới chính nó ở {path}',
    en: 'Evidence entry refers back to itself at {path}',
    hintVi: 'Ghi bản sao dữ liệu dạng cây, không có tham chiếu vòng.',
    hintEn: 'Record a tree-shaped copy of the data, without cycles.',
  },
  EVIDENCE_TREE_RANGE: {
    vi: 'Yêu cầu ngoài phạm vi cây Merkle: {detail}',
    en: 'Request outside the Merkle tree: {detail}',
    hintVi: 'Chỉ số bắt đầu từ 0 và nhỏ hơn kích thước cây; kích thước không vượt số bản ghi.',
    hintEn: 'Indices start at 0 and stay below the tree size; sizes never exceed the entry count.',
  },
  EVIDENCE_PROOF_INVALID: {
    vi: 'Bằng chứng Merkle không hợp lệ ({reason}): {detail}',
    en: 'Invalid Merkle proof ({reason}): {detail}',
    hintVi: 'Nhật ký minh chứng có thể đã bị sửa, xoá hoặc sắp xếp lại so với mốc đã công bố.',
    hintEn:
      'The evidence log may have been edited, truncated or reordered since the published checkpoint.',
  },
  EVIDENCE_KEY_NAME_INVALID: {
    vi: 'Tên khoá ký không hợp lệ: "{name}"',
    en: 'Invalid signing key name: "{name}"',
    hintVi: 'Dùng tên không rỗng, không dấu cách, không dấu +, ví dụ sonoivu.example.gov.vn/loa.',
    hintEn: 'Use a non-empty name without spaces or +, e.g. sonoivu.example.gov.vn/loa.',
  },
  EVIDENCE_KEY_PERMISSIONS: {
    vi: 'Tệp khoá ký {file} cho người khác truy cập được (quyền {mode})',
    en: 'Signing key file {file} is open to other users (mode {mode})',
    hintVi:
      'Chạy `chmod 600 {file}`; nếu khoá có thể đã lộ, hãy tạo khoá mới và công bố khoá công khai mới.',
    hintEn:
      'Run `chmod 600 {file}`; if the key may have leaked, make a new one and publish its public key.',
  },
  EVIDENCE_KEY_UNREADABLE: {
    vi: 'Không đọc được khoá ký {file}: {reason}',
    en: 'Cannot read the signing key {file}: {reason}',
    hintVi: 'Khôi phục tệp khoá từ bản sao lưu; không tạo khoá mới khi nhật ký đã có mốc ký.',
    hintEn: 'Restore the key file from a backup; do not make a new key once checkpoints exist.',
  },
  EVIDENCE_CHECKPOINT_MALFORMED: {
    vi: 'Mốc kiểm chứng (checkpoint) sai định dạng: {reason}',
    en: 'Malformed checkpoint: {reason}',
    hintVi: 'Dùng nguyên văn mốc do loa in ra, kể cả dòng trống và dòng chữ ký.',
    hintEn: 'Use the checkpoint exactly as loa printed it, blank line and signature line included.',
  },
  EVIDENCE_CHECKPOINT_UNSIGNED: {
    vi: 'Mốc kiểm chứng không có chữ ký của khoá {name}',
    en: 'The checkpoint carries no signature by key {name}',
    hintVi: 'Kiểm tra khoá công khai dùng để xác minh có đúng của đơn vị phát hành không.',
    hintEn: "Check that the public key used to verify is the issuing unit's key.",
  },
  EVIDENCE_CHECKPOINT_FORGED: {
    vi: 'Chữ ký của khoá {name} không khớp với mốc kiểm chứng: nội dung đã bị sửa',
    en: 'The signature by key {name} does not match the checkpoint: its text was altered',
    hintVi: 'Lấy lại mốc từ báo cáo gốc; không tin số liệu trong bản đã bị sửa.',
    hintEn: 'Take the checkpoint again from the original report; do not trust the altered one.',
  },
  // --- broadcast rundowns: model, assembly, status, exports (broadcast area)
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
  // --- store, queue, planning and dispatch (issue 3: durable scheduling)
  STORE_LOCKED: {
    vi: 'Cơ sở dữ liệu {location} đang bị một tiến trình khác khoá',
    en: 'The database {location} is locked by another process',
    hintVi: 'Chờ tiến trình kia xong (hoặc dừng nó) rồi chạy lại lệnh; không có gì được ghi dở.',
    hintEn:
      'Wait for the other process to finish (or stop it) and run the command again; nothing was half-written.',
  },
  STORE_UNREACHABLE: {
    vi: 'Không kết nối được cơ sở dữ liệu {location}: {reason}',
    en: 'Cannot reach the database {location}: {reason}',
    hintVi:
      'Kiểm tra LOA_DATABASE_URL và máy chủ PostgreSQL; bỏ biến này để dùng SQLite trong LOA_DATA_DIR.',
    hintEn:
      'Check LOA_DATABASE_URL and the PostgreSQL server; unset it to use SQLite in LOA_DATA_DIR.',
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
      'Trạng thái: draft → approved → scheduled → published; failed và withdrawn là kết thúc.',
    hintEn: 'States: draft → approved → scheduled → published; failed and withdrawn end it.',
  },
  ITEM_FILE_INVALID: {
    vi: 'Tệp bài {file} có {count} lỗi:\n{errors}',
    en: 'The item file {file} has {count} error(s):\n{errors}',
    hintVi: 'Sửa từng lỗi ở dòng đã nêu rồi chạy lại lệnh; chưa có gì được thêm vào hàng đợi.',
    hintEn: 'Fix each error at the line given and run the command again; nothing was queued.',
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
  DATE_RANGE_REVERSED: {
    vi: 'Khoảng thời gian ngược: từ {from} đến {to}',
    en: 'The range is reversed: from {from} to {to}',
    hintVi: '--from phải trước --to.',
    hintEn: '--from must come before --to.',
  },
  CHANNEL_UNKNOWN: {
    vi: 'Không có kênh "{id}"',
    en: 'No channel "{id}"',
    hintVi: 'Các kênh hiện có: {known}.',
    hintEn: 'Known channels: {known}.',
  },
  CHANNEL_NO_ADAPTER: {
    vi: 'Kênh "{channel}" (loại {kind}) chưa có bộ đăng bài; các bài của kênh sẽ chờ',
    en: 'Channel "{channel}" ({kind}) has no adapter yet; its publications wait',
  },
  CHANNEL_PAUSED: {
    vi: 'Kênh "{channel}" tạm dừng: {reason}',
    en: 'Channel "{channel}" is paused: {reason}',
    hintVi: 'Sửa thông tin đăng nhập rồi chạy `loa queue resume-channel {channel}`.',
    hintEn: 'Fix the credentials, then run `loa queue resume-channel {channel}`.',
  },
  FILES_WRITE_FAILED: {
    vi: 'Không ghi được tệp {path}: {reason}',
    en: 'Cannot write {path}: {reason}',
    hintVi: 'Kiểm tra quyền ghi và dung lượng đĩa của LOA_DATA_DIR.',
    hintEn: 'Check write permission and free space in LOA_DATA_DIR.',
  },
  EXPECTED_POSITIVE_COUNT: {
    vi: 'Một số nguyên dương, ví dụ 50.',
    en: 'A positive whole number, e.g. 50.',
  },
  OPTION_INVALID: {
    vi: 'Giá trị không hợp lệ cho {option}: "{value}"',
    en: 'Invalid value for {option}: "{value}"',
    hintVi: '{expected}',
    hintEn: '{expected}',
  },
  SYNC_SUMMARY: {
    vi: 'Đồng bộ content/: {added} bài mới, {changed} bài sửa, {withdrawn} bài rút, {unchanged} không đổi; {scheduled} lượt đăng được lên lịch, {cancelled} bị huỷ',
    en: 'Synced content/: {added} new, {changed} changed, {withdrawn} withdrawn, {unchanged} unchanged; {scheduled} publications scheduled, {cancelled} cancelled',
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
  STATUS_CHANNEL: {
    vi: 'Kênh {channel} ({kind}): {scheduled} chờ, {published} đã đăng, {failed} lỗi, {missed} lỡ{note}',
    en: 'Channel {channel} ({kind}): {scheduled} waiting, {published} published, {failed} failed, {missed} missed{note}',
  },
  STATUS_NEXT: { vi: '  kế tiếp: {when}  {item}', en: '  next: {when}  {item}' },
  STATUS_FAILED: { vi: '  lỗi: {when}  {item}: {error}', en: '  failed: {when}  {item}: {error}' },
  STATUS_MISSED: { vi: '  lỡ: {when}  {item}: {reason}', en: '  missed: {when}  {item}: {reason}' },
  STATUS_NOTHING: { vi: 'Chưa có lượt đăng nào', en: 'No publications yet' },
  FOLLOW_UP_UPDATE: { vi: 'cập nhật bài đã đăng', en: 'update of a published post' },
  FOLLOW_UP_WITHDRAW: { vi: 'gỡ bài đã đăng', en: 'withdrawal of a published post' },
  STATUS_FOLLOW_UP_PENDING: {
    vi: '  chờ {action}: {item} (đã thử {attempts} lần{error})',
    en: '  waiting {action}: {item} ({attempts} attempts{error})',
  },
  STATUS_FOLLOW_UP_FAILED: {
    vi: '  lỗi {action}: {item}: {error} — sửa lỗi rồi rút/duyệt lại tin',
    en: '  failed {action}: {item}: {error} — fix it, then withdraw or approve the item again',
  },
  STATUS_FOLLOW_UP_UNSUPPORTED: {
    vi: '  không thể {action} trên kênh này: {item} — bản đã đăng giữ nguyên, hãy sửa trực tiếp',
    en: '  cannot make the {action} on this channel: {item} — the published copy stays; change it there',
  },
  SIMULATE_LINE: {
    vi: '{when}  {channel}  {item}  {outcome}',
    en: '{when}  {channel}  {item}  {outcome}',
  },
  SIMULATE_SUMMARY: {
    vi: 'Mô phỏng {from} → {to} ({zone}): {published} đã đăng, {missed} lỡ, {failed} lỗi, {waiting} còn chờ',
    en: 'Simulated {from} → {to} ({zone}): {published} published, {missed} missed, {failed} failed, {waiting} still waiting',
  },
  // --- WordPress portal adapter and images (src/channels/wordpress, src/media)
  WP_NOT_CONFIGURED: {
    vi: 'Kênh {channel} chưa được cấu hình: thiếu biến môi trường {missing}',
    en: 'Channel {channel} is not configured: environment variable(s) {missing} not set',
    hintVi:
      'Đặt tên đăng nhập và Application Password của WordPress vào các biến môi trường này; các bài của kênh sẽ chờ đến khi đó.',
    hintEn:
      "Put the WordPress user name and Application Password in these variables; the channel's publications wait until then.",
  },
  WP_AUTH: {
    vi: 'WordPress {channel} từ chối đăng nhập (HTTP {status}, {wpCode}) khi {method} {path}',
    en: 'WordPress {channel} refused the login (HTTP {status}, {wpCode}) on {method} {path}',
    hintVi:
      'Kiểm tra tên đăng nhập và Application Password (Hồ sơ → Mật khẩu ứng dụng); kênh tạm dừng, không thử lại liên tục.',
    hintEn:
      'Check the user name and the Application Password (Profile → Application Passwords); the channel pauses, no retry storm.',
  },
  WP_FORBIDDEN: {
    vi: 'Tài khoản WordPress của kênh {channel} không đủ quyền (HTTP {status}, {wpCode}) khi {method} {path}',
    en: 'The WordPress account of channel {channel} lacks the permission (HTTP {status}, {wpCode}) for {method} {path}',
    hintVi:
      'Cấp cho tài khoản vai trò Biên tập viên (Editor) để đăng bài, tải ảnh và tạo chuyên mục, thẻ.',
    hintEn:
      'Give the account the Editor role, to publish posts, upload images and create categories and tags.',
  },
  WP_SERVER: {
    vi: 'WordPress {channel} gặp lỗi máy chủ (HTTP {status}, {wpCode}) khi {method} {path}',
    en: 'WordPress {channel} had a server error (HTTP {status}, {wpCode}) on {method} {path}',
    hintVi: 'loa sẽ tự thử lại sau; nếu lỗi kéo dài, báo quản trị cổng thông tin.',
    hintEn: 'loa retries later by itself; if it lasts, tell the portal administrator.',
  },
  WP_REJECTED: {
    vi: 'WordPress {channel} không chấp nhận yêu cầu (HTTP {status}, {wpCode}: {wpMessage}) khi {method} {path}',
    en: 'WordPress {channel} rejected the request (HTTP {status}, {wpCode}: {wpMessage}) on {method} {path}',
    hintVi: 'Xem nội dung lỗi; sửa bài hoặc cấu hình kênh rồi xếp lịch lại.',
    hintEn: 'Read the error; fix the item or the channel file and schedule it again.',
  },
  WP_TIMEOUT: {
    vi: 'WordPress {channel} không trả lời sau {seconds} giây ({method} {path})',
    en: 'WordPress {channel} did not answer within {seconds} s ({method} {path})',
    hintVi:
      'Yêu cầu có thể đã được thực hiện; loa sẽ tra lại bài theo slug trước khi thử lại, nên không đăng trùng.',
    hintEn:
      'The request may have been applied; loa looks the post up by its slug before any retry, so nothing is posted twice.',
  },
  WP_NETWORK: {
    vi: 'Không kết nối được WordPress {channel} ({method} {path}): {reason}',
    en: 'Cannot reach WordPress {channel} ({method} {path}): {reason}',
    hintVi: 'Kiểm tra địa chỉ url trong tệp kênh và mạng; loa sẽ thử lại sau.',
    hintEn: 'Check the url in the channel file and the network; loa retries later.',
  },
  WP_BAD_RESPONSE: {
    vi: 'WordPress {channel} trả về dữ liệu không đọc được (HTTP {status}) khi {method} {path}',
    en: 'WordPress {channel} answered something unreadable (HTTP {status}) on {method} {path}',
    hintVi: 'Kiểm tra url có đúng là trang WordPress và REST API (/wp-json/) đang bật.',
    hintEn: 'Check that the url is the WordPress site and that its REST API (/wp-json/) is on.',
  },
  MEDIA_UNREADABLE: {
    vi: 'Không đọc được ảnh {file}: {reason}',
    en: 'Cannot read the image {file}: {reason}',
    hintVi: 'Đường dẫn ảnh tính từ thư mục của bài; kiểm tra tên tệp.',
    hintEn: "Image paths are relative to the item's folder; check the file name.",
  },
  MEDIA_NOT_IMAGE: {
    vi: 'Tệp {file} không phải ảnh hợp lệ ({reason})',
    en: 'The file {file} is not a valid image ({reason})',
    hintVi: 'Dùng ảnh JPEG, PNG, WebP, GIF hoặc AVIF; đổi đuôi tên tệp không biến tệp thành ảnh.',
    hintEn: 'Use a JPEG, PNG, WebP, GIF or AVIF image; renaming a file does not make it an image.',
  },
  MEDIA_FILE_TOO_LARGE: {
    vi: 'Ảnh {file} nặng {mb} MB, vượt mức {maxMb} MB',
    en: 'The image {file} is {mb} MB, over the {maxMb} MB limit',
    hintVi: 'Nén hoặc thu nhỏ ảnh trước khi đính kèm.',
    hintEn: 'Compress or shrink the image before attaching it.',
  },
  MEDIA_TOO_MANY_PIXELS: {
    vi: 'Ảnh {file} có {width}×{height} điểm ảnh ({megapixels} MP), vượt mức {maxMegapixels} MP',
    en: 'The image {file} is {width}×{height} pixels ({megapixels} MP), over the {maxMegapixels} MP limit',
    hintVi: 'Thu nhỏ ảnh (ví dụ chiều rộng 4000 điểm ảnh là đủ) rồi đính kèm lại.',
    hintEn: 'Shrink the image (4000 pixels wide is plenty) and attach it again.',
  },
  MEDIA_ALT_MISSING: {
    vi: 'Ảnh {file} chưa có mô tả (alt)',
    en: 'The image {file} has no alt text',
    hintVi: 'Thêm "alt:" mô tả nội dung ảnh cho người khiếm thị.',
    hintEn: 'Add "alt:" describing the image for readers who cannot see it.',
  },
  MEDIA_OUTSIDE_ITEM: {
    vi: 'Đường dẫn ảnh {file} nằm ngoài thư mục của bài',
    en: "The image path {file} leaves the item's folder",
    hintVi: 'Đặt ảnh cạnh tệp bài (hoặc trong thư mục con) và ghi đường dẫn tương đối.',
    hintEn: 'Put the image beside the item (or in a subfolder) and give a relative path.',
  },
  MEDIA_NO_ITEM_DIR: {
    vi: 'Không biết thư mục của bài {item} nên không tìm được ảnh của bài',
    en: 'The folder of item {item} is unknown, so its images cannot be found',
    hintVi: 'Thêm bài từ tệp trong content/ (hoặc `loa queue add` kèm đường dẫn tệp).',
    hintEn: 'Add the item from a file under content/ (or `loa queue add` with its file path).',
  },
  // --- e-bulletin issues and feed ingest (bulletin and ingest area)
  BULLETIN_ISSUE_UNKNOWN: {
    vi: 'Bản tin "{channel}" không có số {number}/{year} (năm đó có {count} số)',
    en: 'Bulletin "{channel}" has no issue {number}/{year} (that year has {count} issues)',
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
  BULLETIN_STATUS_OK: {
    vi: '{label} ({date}): {items} bài',
    en: '{label} ({date}): {items} items',
  },
  BULLETIN_STATUS_ISSUED: {
    vi: '{label} ({date}): đã phát hành',
    en: '{label} ({date}): issued',
  },
  BULLETIN_STATUS_WARNING_EMPTY: {
    vi: '{label} ({date}): chưa có bài nào được duyệt cho số này',
    en: '{label} ({date}): no approved item for this issue yet',
  },
  BULLETIN_STATUS_MISSED_EMPTY: {
    vi: '{label} ({date}): bỏ lỡ, đến ngày phát hành mà không có bài nào',
    en: '{label} ({date}): missed, the day came with no item',
  },
  BULLETIN_PAGE_CONTENTS: { vi: 'Trong số này', en: 'In this issue' },
  BULLETIN_PAGE_EMPTY: { vi: 'Số này không có bài.', en: 'This issue has no article.' },
  BULLETIN_PAGE_ISSUE_DATE: { vi: 'Phát hành ngày {date}', en: 'Issued on {date}' },
  BULLETIN_PAGE_AUTHOR: { vi: 'Tác giả: {author}', en: 'Author: {author}' },
  BULLETIN_PAGE_TOPICS: { vi: 'Chủ đề: {topics}', en: 'Topics: {topics}' },
  BULLETIN_PAGE_ARCHIVE: { vi: 'Các số đã phát hành', en: 'Issues' },
  BULLETIN_PAGE_BACK: { vi: 'Tất cả các số', en: 'All issues' },
  BULLETIN_PAGE_FEEDS: { vi: 'Theo dõi bản tin:', en: 'Follow the bulletin:' },
  BULLETIN_PAGE_ARTICLES: { vi: '{count} bài', en: '{count} {count:article|articles}' },
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
    en: 'The feed {url} is larger than {max} bytes; download stopped',
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
  // --- audit and periodic report (src/audit, src/report)
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
  REPORT_BAD_PERIOD: {
    vi: 'Báo cáo định kỳ lập theo tháng, quý, 6 tháng hoặc năm; "{value}" không phải kỳ báo cáo',
    en: 'Periodic reports cover a month, quarter, half-year or year; "{value}" is none of them',
    hintVi: 'Ví dụ: 2024-Q1, 2024-H1, 2024.',
    hintEn: 'For example: 2024-Q1, 2024-H1, 2024.',
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
    en: 'Unit: {name} ({count} units with those under it)',
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
    en: 'Completion: {percent}% ({met}/{assessed} task-periods met; {pending} not yet decided)',
  },
  AUDIT_COMPLETION_NONE: {
    vi: 'Tỷ lệ hoàn thành: chưa có nhiệm vụ-kỳ nào đến lúc đánh giá ({pending} đang chờ)',
    en: 'Completion: no task-period is decided yet ({pending} pending)',
  },
  AUDIT_FOCUS_HEADER: { vi: 'Chủ đề trọng tâm:', en: 'Focus topics:' },
  AUDIT_FOCUS_COVERED: {
    vi: '  có {entries} tin, bài: {title}',
    en: '  {entries} entries: {title}',
  },
  AUDIT_FOCUS_UNCOVERED: { vi: '  CHƯA CÓ tin, bài: {title}', en: '  NOT COVERED: {title}' },
  AUDIT_FOCUS_NONE: {
    vi: 'Kế hoạch không nêu chủ đề trọng tâm',
    en: 'The plan names no focus topic',
  },
  REPORT_NATION: { vi: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', en: 'SOCIALIST REPUBLIC OF VIET NAM' },
  REPORT_MOTTO: { vi: 'Độc lập - Tự do - Hạnh phúc', en: 'Independence - Freedom - Happiness' },
  REPORT_NUMBER: { vi: 'Số: {number}/BC-{abbr}', en: 'No.: {number}/BC-{abbr}' },
  REPORT_PLACE_DATE: {
    vi: '{place}, ngày {day} tháng {month} năm {year}',
    en: '{place}, {day}/{month}/{year}',
  },
  REPORT_KIND: { vi: 'BÁO CÁO', en: 'REPORT' },
  REPORT_SUMMARY: {
    vi: 'Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính {period}',
    en: 'Results of the public administration reform communication plan, {period}',
  },
  REPORT_PERIOD_MONTH: { vi: 'tháng {month} năm {year}', en: '{month}/{year}' },
  REPORT_PERIOD_QUARTER: { vi: 'quý {roman} năm {year}', en: 'Q{quarter} {year}' },
  REPORT_PERIOD_H1: { vi: '6 tháng đầu năm {year}', en: 'first half of {year}' },
  REPORT_PERIOD_H2: { vi: '6 tháng cuối năm {year}', en: 'second half of {year}' },
  REPORT_PERIOD_YEAR: { vi: 'năm {year}', en: '{year}' },
  REPORT_INTRO: {
    vi: 'Thực hiện {title} số {number} ngày {date} của {issuer}, kết quả thực hiện {period} được báo cáo như sau:',
    en: 'Under {title} No. {number} of {date} by {issuer}, the results for {period} are as follows:',
  },
  REPORT_DATA_WINDOW: {
    vi: 'Số liệu tính từ ngày {from} đến hết ngày {to}; tình hình thực hiện tính đến {now}.',
    en: 'Data from {from} to the end of {to}; progress as of {now}.',
  },
  REPORT_SECTION_RESULTS: { vi: 'I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ', en: 'I. RESULTS BY TASK' },
  REPORT_SECTION_FOCUS: { vi: 'II. CHỦ ĐỀ TRỌNG TÂM', en: 'II. FOCUS TOPICS' },
  REPORT_SECTION_EVIDENCE: { vi: 'III. TÀI LIỆU KIỂM CHỨNG', en: 'III. EVIDENCE' },
  REPORT_COL_NO: { vi: 'TT', en: 'No.' },
  REPORT_COL_TASK: { vi: 'Nhiệm vụ', en: 'Task' },
  REPORT_COL_UNIT: { vi: 'Đơn vị chủ trì', en: 'Responsible unit' },
  REPORT_COL_REQUIRED: { vi: 'Yêu cầu', en: 'Required' },
  REPORT_COL_DONE: { vi: 'Đã thực hiện', en: 'Done' },
  REPORT_COL_RESULT: { vi: 'Kết quả', en: 'Result' },
  REPORT_REQUIRED: { vi: '{count} lần {per}', en: '{count} {per}' },
  REPORT_COUNTED: { vi: 'không định mức', en: 'no quota' },
  REPORT_RESULT: { vi: '{met}/{total} kỳ đạt', en: '{met}/{total} periods met' },
  REPORT_RESULT_PENDING: { vi: ', {pending} kỳ đang thực hiện', en: ', {pending} still open' },
  REPORT_COMPLETION: {
    vi: 'Tỷ lệ hoàn thành kế hoạch trong kỳ: {percent}% ({met}/{assessed} nhiệm vụ-kỳ đạt yêu cầu; {pending} nhiệm vụ-kỳ chưa đến lúc đánh giá).',
    en: 'Completion in the period: {percent}% ({met}/{assessed} task-periods met; {pending} not yet decided).',
  },
  REPORT_COMPLETION_NONE: {
    vi: 'Chưa có nhiệm vụ-kỳ nào đến lúc đánh giá ({pending} nhiệm vụ-kỳ đang thực hiện).',
    en: 'No task-period is decided yet ({pending} still open).',
  },
  REPORT_FOCUS_LINE: { vi: '- {title}: {entries} tin, bài.', en: '- {title}: {entries} entries.' },
  REPORT_FOCUS_MISSING: { vi: '- {title}: chưa có tin, bài.', en: '- {title}: none yet.' },
  REPORT_FOCUS_NONE: {
    vi: 'Kế hoạch không nêu chủ đề trọng tâm.',
    en: 'The plan names no focus topic.',
  },
  REPORT_CHECKPOINT: {
    vi: 'Số liệu trên được tổng hợp từ nhật ký minh chứng. Điểm kiểm tra của nhật ký: {size} mục; mã băm gốc (SHA-256): {root}; ký lúc {signedAt}. Nơi nhận báo cáo lưu giữ điểm kiểm tra này để phát hiện mọi thay đổi về sau đối với nhật ký.',
    en: 'The figures come from the evidence log. Log checkpoint: {size} entries; root hash (SHA-256): {root}; signed at {signedAt}. Receivers keep this checkpoint to detect any later change to the log.',
  },
  REPORT_RECIPIENTS: { vi: 'Nơi nhận:', en: 'Recipients:' },
  REPORT_ARCHIVE: { vi: '- Lưu: VT.', en: '- Archive: VT.' },
  REPORT_SIGNATURE_SPACE: { vi: '(Chữ ký, dấu)', en: '(Signature, seal)' },
  // audit: counting an auditor can follow, per-unit quotas, roll-up (issue 12)
  AUDIT_ALSO_COUNTS: { vi: 'cũng tính cho {tasks}', en: 'also counts for {tasks}' },
  AUDIT_REJECTED_SUMMARY: {
    vi: '{count} mục không được tính: {reasons} (--verbose để xem từng mục)',
    en: '{count} entries not counted: {reasons} (--verbose lists them)',
  },
  AUDIT_PARTIAL_NOTE: {
    vi: '° Kỳ bị cắt bởi thời gian hiệu lực của kế hoạch: định mức tính theo tỷ lệ số ngày trong kế hoạch (làm tròn xuống; 0 thì kỳ đó không tính).',
    en: "° A period cut by the plan's dates: its quota is in proportion to its days inside the plan (rounded down; a quota of 0 is not weighed).",
  },
  REPORT_PERIOD_UNDEFINED: {
    vi: 'Kế hoạch "{plan}" không quy định báo cáo theo kỳ {kind} ({period}); kỳ báo cáo của kế hoạch: {kinds}',
    en: 'Plan "{plan}" defines no {kind} report ({period}); its report periods: {kinds}',
    hintVi:
      'Chọn một kỳ kế hoạch quy định (ví dụ 2024-Q1), hoặc thêm --force để vẫn lập; báo cáo sẽ ghi rõ điều đó.',
    hintEn:
      'Pick a period the plan defines (e.g. 2024-Q1), or add --force to make it anyway; the report will say so.',
  },
  REPORT_FORCED_NOTE: {
    vi: 'Lưu ý: kế hoạch không quy định báo cáo theo kỳ này (kỳ báo cáo quy định: {kinds}); báo cáo được lập theo yêu cầu (--force).',
    en: 'Note: the plan defines no report for this kind of period (its report periods: {kinds}); made on request (--force).',
  },
  AUDIT_REJECT_UNIT: {
    vi: 'không thuộc đơn vị nào phải thực hiện',
    en: 'of none of the units held to the quota',
  },
  AUDIT_UNITS_MET: { vi: '{met}/{total} đơn vị đạt', en: '{met}/{total} units met' },
  AUDIT_UNIT_SHORT: {
    vi: '{name} ({unit}): {achieved}/{required} {status}',
    en: '{name} ({unit}): {achieved}/{required} {status}',
  },
  AUDIT_EACH_LINE: {
    vi: 'Định mức áp dụng cho từng đơn vị ({count} đơn vị); hoàn thành tính theo đơn vị × kỳ',
    en: 'The quota applies to each unit ({count} units); completion counts unit-periods',
  },
  AUDIT_ROLLUP_HEADER: {
    vi: 'Tổng hợp theo đơn vị (nhiệm vụ áp dụng cho từng đơn vị):',
    en: 'By unit (tasks held by each unit):',
  },
  AUDIT_ROLLUP_LINE: {
    vi: '{name} ({unit}): {percent} — đạt {met}/{assessed} kỳ đã đánh giá, {pending} kỳ chưa đến hạn',
    en: '{name} ({unit}): {percent} — {met}/{assessed} assessed periods met, {pending} pending',
  },
  // --- evidence log in the store, its commands, audit and report CLI (issue 6)
  EVIDENCE_ENTRY_INVALID: {
    vi: 'Minh chứng không hợp lệ: trường {field} = "{value}"',
    en: 'Invalid evidence entry: field {field} = "{value}"',
    hintVi: 'kind là một loại minh chứng đã biết, time là thời điểm ISO 8601, actor không rỗng.',
    hintEn: 'kind is a known evidence kind, time an ISO 8601 instant, actor not empty.',
  },
  EVIDENCE_TASK_NOT_FOUND: {
    vi: 'Kế hoạch {plan} không có nhiệm vụ "{task}"',
    en: 'Plan {plan} has no task "{task}"',
    hintVi: 'Các nhiệm vụ của kế hoạch: {known}.',
    hintEn: "The plan's tasks: {known}.",
  },
  EVIDENCE_PROOF_USAGE: {
    vi: 'Cần --index N [--size S] (chứng minh có mặt) hoặc --from S1 --to S2 (chứng minh nhất quán)',
    en: 'Give --index N [--size S] (inclusion) or --from S1 --to S2 (consistency)',
    hintVi: 'Ví dụ: loa evidence proof --index 12, loa evidence proof --from 100 --to 250.',
    hintEn: 'For example: loa evidence proof --index 12, loa evidence proof --from 100 --to 250.',
  },
  EVIDENCE_ADDED: {
    vi: 'Đã ghi minh chứng số {index} ({task}, {time}); {files} tệp đính kèm',
    en: 'Recorded evidence entry {index} ({task}, {time}); {files} files attached',
  },
  EVIDENCE_CHECKPOINT_MADE: {
    vi: 'Mốc kiểm chứng: {size} mục, gốc {root}',
    en: 'Checkpoint: {size} entries, root {root}',
  },
  EVIDENCE_VERIFY_OK: {
    vi: 'Nhật ký minh chứng nguyên vẹn: {size} mục, gốc {root}; {checkpoints} mốc đã ký đều khớp',
    en: 'Evidence log intact: {size} {size:entry|entries}, root {root}; {checkpoints} signed {checkpoints:checkpoint matches|checkpoints match}',
  },
  EVIDENCE_VERIFY_FAILED: {
    vi: 'Nhật ký minh chứng đã bị thay đổi: {count} sai lệch',
    en: 'The evidence log was altered: {count} {count:discrepancy|discrepancies}',
    hintVi:
      'Không dùng số liệu của nhật ký này; đối chiếu với bản xuất và mốc kiểm chứng đã gửi đi.',
    hintEn: 'Do not rely on this log; compare it with exports and checkpoints handed out earlier.',
  },
  EVIDENCE_PROBLEM_BYTES_CHANGED: {
    vi: 'mục {index}: nội dung đã bị sửa (mã băm lá lưu {expected}, tính lại được {found})',
    en: 'entry {index}: its bytes were edited (stored leaf hash {expected}, recomputed {found})',
  },
  EVIDENCE_PROBLEM_MOVED: {
    vi: 'mục {index}: nằm sai vị trí (vị trí {expected}, nội dung ghi số {found})',
    en: 'entry {index}: out of place (position {expected}, the entry says {found})',
  },
  EVIDENCE_PROBLEM_MISSING: {
    vi: 'mục {index}: bị xoá (cần số {expected}, gặp số {found})',
    en: 'entry {index}: removed (expected index {expected}, found {found})',
  },
  EVIDENCE_PROBLEM_HEAD: {
    vi: 'đầu nhật ký không khớp từ mục {index} (đầu ghi {expected}, tính lại {found})',
    en: 'the log head differs from entry {index} on (head says {expected}, recomputed {found})',
  },
  EVIDENCE_PROBLEM_TRUNCATED: {
    vi: 'mốc {checkpoint}: nhật ký bị cắt từ mục {index} (mốc có {expected} mục, còn {found})',
    en: 'checkpoint {checkpoint}: the log was cut from entry {index} (checkpoint has {expected}, log {found})',
  },
  EVIDENCE_PROBLEM_ROOT: {
    vi: 'mốc {checkpoint}: mã băm gốc khác (thay đổi nằm từ mục {index} trở đi; mốc {expected}, tính lại {found})',
    en: 'checkpoint {checkpoint}: root differs (the change lies at entry {index} or later; checkpoint {expected}, recomputed {found})',
  },
  EVIDENCE_PROBLEM_SIGNATURE: {
    vi: 'mốc {checkpoint}: chữ ký hoặc nội dung không hợp lệ (cần {expected}, gặp {found})',
    en: 'checkpoint {checkpoint}: bad signature or text (expected {expected}, found {found})',
  },
  EVIDENCE_EXPORTED: {
    vi: 'Đã xuất {entries} mục minh chứng vào {path}; kiểm tra bằng: node verify.mjs',
    en: 'Exported {entries} evidence entries to {path}; check with: node verify.mjs',
  },
  EVIDENCE_WRITTEN: { vi: 'Đã ghi {path}', en: 'Wrote {path}' },
  EVIDENCE_KIND_UNKNOWN: {
    vi: 'Không có loại minh chứng "{kind}"',
    en: 'No evidence kind "{kind}"',
    hintVi: 'Dùng một trong: {known}',
    hintEn: 'Use one of: {known}',
  },
  EVIDENCE_LIST_LINE: {
    vi: '#{index}  {when}  {kind}  {task}  {channel}  {what}  {corrects}',
    en: '#{index}  {when}  {kind}  {task}  {channel}  {what}  {corrects}',
  },
  EVIDENCE_LIST_CORRECTS: { vi: '(đính chính #{index})', en: '(corrects #{index})' },
  EVIDENCE_LIST_VOIDS: { vi: '(huỷ #{index})', en: '(voids #{index})' },
  EVIDENCE_LIST_COUNT: {
    vi: '{count} mục (giờ {zone})',
    en: '{count} {count:entry|entries} (times in {zone})',
  },
  STATUS_REPORTS_DUE: {
    vi: 'Báo cáo đến hạn trong {days} ngày tới:',
    en: 'Reports due within {days} days:',
  },
  STATUS_REPORT_DUE: {
    vi: '  {due} (còn {daysLeft} ngày)  {plan}: {title}, kỳ {period}',
    en: '  {due} ({daysLeft} days left)  {plan}: {title}, period {period}',
  },
  // --- issue 11: evidence an auditor can bet on (verify, bundle, fresh checkpoints, witness)
  EVIDENCE_PROBLEM_INSERTED: {
    vi: 'mục {index}: có hai mục cùng ghi số {found} (cần số {expected}): một mục đã bị chèn vào',
    en: 'entry {index}: two entries say index {found} (expected {expected}): one was inserted',
  },
  EVIDENCE_PROBLEM_COLUMN: {
    vi: 'mục {index}: cột {field} đã bị sửa (nội dung đã ký ghi "{expected}", cột ghi "{found}")',
    en: 'entry {index}: its {field} column was edited (the signed bytes say "{expected}", the column "{found}")',
  },
  EVIDENCE_PROBLEM_FILE_MISSING: {
    vi: 'mục {index}: mất tệp đính kèm {expected}',
    en: 'entry {index}: attached file {expected} is missing',
  },
  EVIDENCE_PROBLEM_FILE_CHANGED: {
    vi: 'mục {index}: tệp đính kèm {expected} đã bị sửa (mã SHA-256 hiện là {found})',
    en: 'entry {index}: attached file {expected} was changed (its SHA-256 is now {found})',
  },
  EVIDENCE_COSIGNATURE_REFUSED: {
    vi: 'Không nhận chữ ký chứng kiến: {reason}',
    en: 'Cosignature refused: {reason}',
    hintVi:
      'Gửi mốc kiểm chứng của chính nhật ký này, có chữ ký của một cơ quan chứng kiến có khoá trong LOA_WITNESS_KEYS.',
    hintEn: 'Send a checkpoint of this log, signed by a witness whose key is in LOA_WITNESS_KEYS.',
  },
  HTTP_BAD_SIZES: {
    vi: 'Cần from và to là hai kích thước 1 ≤ from ≤ to ≤ {size}',
    en: 'from and to must be two sizes with 1 ≤ from ≤ to ≤ {size}',
  },
  EVIDENCE_WITNESSED: {
    vi: 'Cơ quan chứng kiến {witness} đã thấy và ký nhật ký đến {size} mục',
    en: 'Witness {witness} has seen and cosigned the log up to {size} entries',
  },
  EVIDENCE_NOT_WITNESSED: {
    vi: 'Chưa có cơ quan chứng kiến nào ký mốc kiểm chứng của nhật ký này',
    en: 'No witness has cosigned a checkpoint of this log yet',
  },
  WITNESS_UNIT_INVALID: {
    vi: 'Đơn vị chứng kiến: {field} "{value}" không hợp lệ',
    en: 'Watched unit: invalid {field} "{value}"',
    hintVi:
      'loa witness add <tên-đơn-vị> <https://địa-chỉ-loa-của-đơn-vị> <khoá từ loa evidence key của đơn vị>',
    hintEn:
      'loa witness add <unit-name> <https://unit-loa-address> <key from the unit’s loa evidence key>',
  },
  WITNESS_UNIT_EXISTS: {
    vi: 'Đã có đơn vị "{name}" trong danh sách chứng kiến',
    en: 'Unit "{name}" is already watched',
  },
  WITNESS_UNIT_ADDED: {
    vi: 'Đã thêm đơn vị {name} ({url}) vào danh sách chứng kiến',
    en: 'Watching {name} ({url})',
  },
  WITNESS_NONE: {
    vi: 'Chưa có đơn vị nào để chứng kiến',
    en: 'No unit is watched',
    hintVi: 'Thêm bằng: loa witness add <tên> <địa chỉ> <khoá>',
    hintEn: 'Add one with: loa witness add <name> <url> <key>',
  },
  WITNESS_POLL_OK: {
    vi: '{unit}: hợp lệ, {size} mục (lần trước {previous}); đã ký chứng kiến{delivered}',
    en: '{unit}: ok, {size} entries (before: {previous}); cosigned{delivered}',
  },
  WITNESS_DELIVERED: { vi: ' và gửi lại đơn vị', en: ' and handed back to the unit' },
  WITNESS_POLL_FORKED: {
    vi: '{unit}: NHẬT KÝ BỊ VIẾT LẠI (rẽ nhánh) so với mốc {previous} mục đã ký chứng kiến: {detail}',
    en: '{unit}: LOG REWRITTEN (forked) against the cosigned checkpoint of {previous}: {detail}',
  },
  WITNESS_POLL_SHRANK: {
    vi: '{unit}: NHẬT KÝ BỊ RÚT NGẮN từ {previous} xuống {size} mục',
    en: '{unit}: LOG SHRANK from {previous} to {size} entries',
  },
  WITNESS_POLL_REKEYED: {
    vi: '{unit}: MỐC KHÔNG ĐƯỢC KÝ BẰNG KHOÁ ĐÃ BIẾT của đơn vị (đổi khoá hoặc giả mạo): {detail}',
    en: '{unit}: CHECKPOINT NOT SIGNED BY THE KNOWN KEY (re-keyed or forged): {detail}',
  },
  WITNESS_POLL_UNREACHABLE: {
    vi: '{unit}: không đọc được mốc kiểm chứng: {detail}',
    en: '{unit}: checkpoint could not be read: {detail}',
  },
  WITNESS_LIST_LINE: {
    vi: '{name}  {url}  {size} mục  {status}  {checkedAt}',
    en: '{name}  {url}  {size} entries  {status}  {checkedAt}',
  },
  // --- bulletin and ingest wiring: planner, `loa bulletin`, `loa ingest`, status (issue 4)
  BULLETIN_ISSUE_EMPTY: {
    vi: 'Bản tin "{channel}" không có bài nào được duyệt từ {since} đến {until}; số này không phát hành',
    en: 'Bulletin "{channel}" has no approved item from {since} to {until}; the issue is not sent',
    hintVi:
      'Duyệt bài cho bản tin (channels có kênh này) trước ngày phát hành; số trống được báo là bỏ lỡ.',
    hintEn:
      'Approve items for the bulletin (channels listing it) before the issue day; an empty issue is reported missed.',
  },
  CHANNEL_KIND_EXPECTED: {
    vi: 'Kênh "{channel}" là loại {kind}, không phải {expected}',
    en: 'Channel "{channel}" is a {kind} channel, not {expected}',
    hintVi: 'Các kênh loại {expected}: {known}.',
    hintEn: '{expected} channels: {known}.',
  },
  BULLETIN_LIST_HEADER: {
    vi: 'Bản tin {channel} ({title}):',
    en: 'Bulletin {channel} ({title}):',
  },
  BULLETIN_LIST_LINE: {
    vi: '  {label}  {date}  {items} bài  {state}',
    en: '  {label}  {date}  {items} items  {state}',
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
  STATUS_BULLETIN_ISSUE: { vi: '  {line}', en: '  {line}' },
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
    en: '  Imported the old state from {path} (first run; the file is left in place): {feeds} feeds, {entries} entries taken in, evidence {evidence}',
  },
  // --- broadcast rundowns: storage, commands, status, as-run, reposts (issue 5)
  RUNDOWN_CHANNEL_NOT_BROADCAST: {
    vi: 'Kênh {id} không phải kênh phát thanh – truyền hình (loại {kind})',
    en: 'Channel {id} is not a broadcast channel (kind {kind})',
    hintVi: 'Kịch bản chỉ dựng cho kênh có kind: broadcast.',
    hintEn: 'Rundowns are built for channels of kind: broadcast only.',
  },
  RUNDOWN_SLOT_UNKNOWN: {
    vi: '{channel} không có khung phát sóng thứ {slot} trong {period} (có {count} khung)',
    en: '{channel} has no slot {slot} in {period} ({count} slots)',
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
    en: '{air}: built rundown {id}: {count} {count:item|items}, {planned} of {slot}, minimum {minimum}',
  },
  RUNDOWN_REPLACED: {
    vi: '{air}: đã dựng lại kịch bản {id}: {count} tin, {planned} / khung {slot}, tối thiểu {minimum}',
    en: '{air}: rebuilt rundown {id}: {count} {count:item|items}, {planned} of {slot}, minimum {minimum}',
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
  // --- HTTP server, pages, users and tokens (issue 7: src/server, src/auth)
  HTTP_AUTH_MISSING: {
    vi: 'Cần đăng nhập: gửi mã truy cập (Authorization: Bearer …)',
    en: 'Sign in first: send an access token (Authorization: Bearer …)',
    hintVi: 'Quản trị viên tạo mã bằng: loa token create <tên>',
    hintEn: 'An administrator creates one with: loa token create <name>',
  },
  HTTP_AUTH_INVALID: {
    vi: 'Mã truy cập không đúng hoặc không còn hiệu lực',
    en: 'The access token is wrong or no longer valid',
    hintVi: 'Xin quản trị viên một mã mới (loa token create <tên>)',
    hintEn: 'Ask an administrator for a new one (loa token create <name>)',
  },
  HTTP_FORBIDDEN: {
    vi: 'Người dùng {user} (vai trò {roleWord}) không được {action}: việc này dành cho vai trò {allowed}',
    en: 'User {user} (role {roleWord}) may not {action}: that is for the {allowed} role',
    hintVi:
      'Nếu công việc của bạn cần việc này, hãy nhờ quản trị viên ({admins}) cấp cho bạn một mã truy cập có vai trò {allowed}.',
    hintEn:
      'If your work needs it, ask an administrator ({admins}) for an access token with the {allowed} role.',
  },
  HTTP_CSRF: {
    vi: 'Biểu mẫu không hợp lệ (thiếu hoặc sai mã chống giả mạo)',
    en: 'The form is not valid (missing or wrong anti-forgery token)',
    hintVi: 'Tải lại trang rồi gửi lại',
    hintEn: 'Reload the page and send it again',
  },
  HTTP_BODY_TOO_LARGE: {
    vi: 'Nội dung gửi lên quá lớn (tối đa {max} byte)',
    en: 'The request body is too large (at most {max} bytes)',
  },
  HTTP_INVALID_REQUEST: { vi: 'Yêu cầu không hợp lệ: {detail}', en: 'Invalid request: {detail}' },
  HTTP_NOT_FOUND: { vi: 'Không có trang {path}', en: 'No page at {path}' },
  HTTP_NO_CHECKPOINT: {
    vi: 'Chưa có điểm kiểm tra nào được ký',
    en: 'No checkpoint has been signed yet',
    hintVi: 'Tạo bằng: loa evidence checkpoint',
    hintEn: 'Create one with: loa evidence checkpoint',
  },
  HTTP_NO_ENTRY: {
    vi: 'Nhật ký không có mục số {index} (có {size} mục)',
    en: 'The log has no entry {index} ({size} entries)',
  },
  HTTP_UPLOAD_TYPE: {
    vi: 'Tệp {name} ({type}) không được nhận: nội dung không khớp loại tệp',
    en: 'File {name} ({type}) refused: its content does not match its type',
    hintVi: 'Nhận các loại: {allowed}',
    hintEn: 'Accepted: {allowed}',
  },
  SERVER_LISTENING: { vi: 'Máy chủ HTTP: {url}', en: 'HTTP server: {url}' },
  USER_NAME_INVALID: {
    vi: 'Tên người dùng không hợp lệ: "{name}"',
    en: 'Invalid user name: "{name}"',
    hintVi: 'Dùng chữ, số, dấu chấm, gạch ngang, @ và dấu cách giữa các từ; tối đa 64 ký tự',
    hintEn:
      'Use letters, digits, dot, dash, @ and single spaces between words; at most 64 characters',
  },
  USER_ROLE_INVALID: {
    vi: 'Vai trò không hợp lệ: {role} (có: {known})',
    en: 'Unknown role: {role} (known: {known})',
  },
  USER_EXISTS: {
    vi: 'Đã có người dùng {name} (vai trò {role})',
    en: 'User {name} exists (role {role})',
  },
  USER_UNKNOWN: {
    vi: 'Không có người dùng {name}',
    en: 'No user {name}',
    hintVi: 'Thêm bằng: loa user add {name} --role <vai trò>',
    hintEn: 'Add one with: loa user add {name} --role <role>',
  },
  USER_ADDED: { vi: 'Đã thêm {name} (vai trò {role})', en: 'Added {name} (role {role})' },
  USER_LINE: { vi: '{name}  {role}  {tokens} mã', en: '{name}  {role}  {tokens} tokens' },
  USER_NONE: { vi: 'Chưa có người dùng nào', en: 'No users yet' },
  TOKEN_CREATED: {
    vi: 'Mã truy cập của {name} ({role}); chỉ hiện một lần này, hãy lưu lại:',
    en: 'Access token of {name} ({role}); shown only this once, keep it:',
  },
  // --- token lifecycle: expiry, revocation, last use, failed-login throttle
  HTTP_AUTH_EXPIRED: {
    vi: 'Mã truy cập đã hết hạn lúc {expires}',
    en: 'The access token expired at {expires}',
    hintVi: 'Xin quản trị viên cấp mã mới (loa token create <tên>), rồi đăng nhập lại bằng mã đó',
    hintEn: 'Ask an administrator for a new one (loa token create <name>), then sign in with it',
  },
  HTTP_AUTH_REVOKED: {
    vi: 'Mã truy cập đã bị thu hồi lúc {revoked}',
    en: 'The access token was revoked at {revoked}',
    hintVi: 'Xin quản trị viên cấp mã mới (loa token create <tên>), rồi đăng nhập lại bằng mã đó',
    hintEn: 'Ask an administrator for a new one (loa token create <name>), then sign in with it',
  },
  HTTP_AUTH_THROTTLED: {
    vi: 'Quá nhiều lần dùng mã truy cập sai từ địa chỉ này; thử lại sau {seconds} giây',
    en: 'Too many wrong access tokens from this address; try again in {seconds} s',
    hintVi: 'Kiểm tra lại mã; mã hết hạn hoặc đã thu hồi thì xin quản trị viên cấp mã mới',
    hintEn: 'Check the token; if it expired or was revoked, ask an administrator for a new one',
  },
  TOKEN_EXPIRES_INVALID: {
    vi: 'Thời hạn của mã không hợp lệ: --expires "{value}"',
    en: 'Invalid token lifetime: --expires "{value}"',
    hintVi:
      'Dùng số ngày (1–{max}), một ngày YYYY-MM-DD (mã dùng được hết ngày đó), hoặc never (không hết hạn)',
    hintEn:
      'Use a number of days (1–{max}), a date YYYY-MM-DD (valid through that day), or never (no expiry)',
  },
  TOKEN_EXPIRES_PAST: {
    vi: 'Ngày hết hạn {value} đã qua (hôm nay là {today})',
    en: 'The expiry date {value} has passed (today is {today})',
    hintVi: 'Chọn hôm nay hoặc một ngày sau hôm nay',
    hintEn: 'Choose today or a later day',
  },
  TOKEN_CREATED_DETAIL: {
    vi: 'Số hiệu {id}; hết hạn {expires}',
    en: 'Id {id}; expires {expires}',
  },
  TOKEN_NEVER: { vi: 'không hết hạn', en: 'never' },
  TOKEN_NOT_USED: { vi: 'chưa dùng', en: 'never used' },
  TOKEN_STATE_ACTIVE: { vi: 'còn hiệu lực', en: 'active' },
  TOKEN_STATE_EXPIRED: { vi: 'đã hết hạn', en: 'expired' },
  TOKEN_STATE_REVOKED: {
    vi: 'đã thu hồi {at} bởi {by}',
    en: 'revoked {at} by {by}',
  },
  TOKEN_LINE: {
    vi: '{id}  {name} ({role})  tạo {created} bởi {createdBy}  hết hạn: {expires}  dùng lần cuối: {lastUsed}  {state}',
    en: '{id}  {name} ({role})  created {created} by {createdBy}  expires: {expires}  last used: {lastUsed}  {state}',
  },
  TOKEN_NONE: { vi: 'Chưa có mã truy cập nào', en: 'No access tokens yet' },
  TOKEN_ID_INVALID: {
    vi: 'Số hiệu mã không hợp lệ: "{id}"',
    en: 'Invalid token id: "{id}"',
    hintVi: 'Dùng ít nhất 8 ký tự đầu (0–9, a–f) của số hiệu trong loa token list',
    hintEn: 'Use at least the first 8 characters (0–9, a–f) of an id from loa token list',
  },
  TOKEN_UNKNOWN: {
    vi: 'Không có mã truy cập nào có số hiệu bắt đầu bằng {id}',
    en: 'No access token has an id starting with {id}',
    hintVi: 'Xem các số hiệu bằng: loa token list',
    hintEn: 'See the ids with: loa token list',
  },
  TOKEN_AMBIGUOUS: {
    vi: 'Số hiệu {id} khớp với {count} mã: {ids}',
    en: 'The id {id} matches {count} tokens: {ids}',
    hintVi: 'Gõ thêm ký tự của số hiệu cho đến khi chỉ khớp một mã',
    hintEn: 'Type more characters of the id until it matches one token',
  },
  TOKEN_REVOKE_USAGE: {
    vi: 'Cần đúng một trong hai: số hiệu của mã, hoặc --user <tên>',
    en: 'Give exactly one of: a token id, or --user <name>',
    hintVi: 'loa token revoke <số hiệu>  hoặc  loa token revoke --user <tên>',
    hintEn: 'loa token revoke <id>  or  loa token revoke --user <name>',
  },
  TOKEN_REVOKED: {
    vi: 'Đã thu hồi mã {id} của {name}; từ nay mọi yêu cầu dùng mã này bị từ chối',
    en: 'Revoked token {id} of {name}; every request with it is refused from now on',
  },
  TOKEN_ALREADY_REVOKED: {
    vi: 'Mã {id} của {name} đã bị thu hồi từ trước ({at}, bởi {by})',
    en: 'Token {id} of {name} was already revoked ({at}, by {by})',
  },
  TOKEN_REVOKED_USER: {
    vi: 'Đã thu hồi {count} mã của {name}',
    en: 'Revoked {count} {count:token|tokens} of {name}',
  },
  PAGE_LANG: { vi: 'vi', en: 'en' },
  PAGE_LOGIN: { vi: 'Đăng nhập', en: 'Sign in' },
  PAGE_LOGOUT: { vi: 'Đăng xuất', en: 'Sign out' },
  PAGE_TOKEN: { vi: 'Mã truy cập', en: 'Access token' },
  PAGE_LOGIN_HINT: {
    vi: 'Mã do quản trị viên cấp (loa token create).',
    en: 'Your administrator issues it (loa token create).',
  },
  PAGE_SIGNED_IN: { vi: '{user} ({role})', en: '{user} ({role})' },
  PAGE_ERROR: { vi: 'Không thực hiện được', en: 'Could not do that' },
  PAGE_QUEUE: { vi: 'Hàng đợi bài', en: 'Queue' },
  PAGE_CALENDAR: { vi: 'Lịch', en: 'Calendar' },
  PAGE_QUOTAS: { vi: 'Chỉ tiêu', en: 'Quotas' },
  PAGE_RUNDOWN: { vi: 'Kịch bản phát sóng', en: 'Rundown' },
  PAGE_RUNDOWN_OF: {
    vi: 'Kịch bản {channel} tuần {week}',
    en: 'Rundown of {channel}, week {week}',
  },
  PAGE_EVIDENCE: { vi: 'Minh chứng', en: 'Evidence' },
  PAGE_RUNDOWN_READY: { vi: 'Đánh dấu sẵn sàng', en: 'Mark ready' },
  PAGE_RUNDOWN_LOCK: { vi: 'Khoá kịch bản', en: 'Lock' },
  PAGE_AIRED: { vi: 'Ghi nhận đã phát', en: 'Record as aired' },
  PAGE_AIRED_START: { vi: 'Bắt đầu phát', en: 'Aired at' },
  PAGE_AIRED_MINUTES: { vi: 'Số phút', en: 'Minutes' },
  PAGE_STATE_DRAFT: { vi: 'Bản nháp', en: 'Drafts' },
  PAGE_STATE_APPROVED: { vi: 'Đã duyệt', en: 'Approved' },
  PAGE_STATE_SCHEDULED: { vi: 'Đã xếp lịch', en: 'Scheduled' },
  PAGE_STATE_PUBLISHED: { vi: 'Đã đăng', en: 'Published' },
  PAGE_STATE_FAILED: { vi: 'Đăng lỗi', en: 'Failed' },
  PAGE_STATE_WITHDRAWN: { vi: 'Đã rút', en: 'Withdrawn' },
  PAGE_TITLE: { vi: 'Tiêu đề', en: 'Title' },
  PAGE_CHANNELS: { vi: 'Kênh', en: 'Channels' },
  PAGE_CHANNEL: { vi: 'Kênh', en: 'Channel' },
  PAGE_NEXT: { vi: 'Lượt đăng tới', en: 'Next slot' },
  PAGE_APPROVE: { vi: 'Duyệt', en: 'Approve' },
  PAGE_WITHDRAW: { vi: 'Rút', en: 'Withdraw' },
  PAGE_ADD_ITEM: {
    vi: 'Thêm bài (Markdown có front matter)',
    en: 'Add an item (Markdown with front matter)',
  },
  PAGE_ADD: { vi: 'Thêm', en: 'Add' },
  PAGE_SHOW: { vi: 'Xem', en: 'Show' },
  PAGE_ALL: { vi: 'tất cả', en: 'all' },
  PAGE_MONTH: { vi: 'Tháng', en: 'Month' },
  PAGE_WEEK: { vi: 'Tuần', en: 'Week' },
  PAGE_CAL_KIND: { vi: '{kind}', en: '{kind}' },
  PAGE_COMPLETION: {
    vi: 'Hoàn thành: {percent} ({met}/{assessed} chỉ tiêu đã đến hạn đạt)',
    en: 'Completion: {percent} ({met} of {assessed} due quotas met)',
  },
  PAGE_CLAUSE: { vi: 'Điều khoản', en: 'Clause' },
  PAGE_TASK: { vi: 'Nhiệm vụ', en: 'Task' },
  PAGE_PERIOD: { vi: 'Kỳ', en: 'Period' },
  PAGE_REQUIRED: { vi: 'Yêu cầu', en: 'Required' },
  PAGE_ACHIEVED: { vi: 'Đạt', en: 'Achieved' },
  PAGE_STATUS_HEAD: { vi: 'Tình trạng', en: 'Status' },
  PAGE_KIND: { vi: 'Loại', en: 'Kind' },
  PAGE_TIME: { vi: 'Thời điểm', en: 'Time' },
  PAGE_FROM: { vi: 'Từ ngày', en: 'From' },
  PAGE_TO: { vi: 'Đến ngày', en: 'To' },
  PAGE_PROOF: { vi: 'bằng chứng', en: 'proof' },
  PAGE_ENTRIES: { vi: '{count} mục', en: '{count} {count:entry|entries}' },
  PAGE_EVIDENCE_OLDER: {
    vi: '← Các mục cũ hơn (trước mục {before})',
    en: '← Older entries (before entry {before})',
  },
  PAGE_CHECKPOINT: {
    vi: 'Điểm kiểm tra mới nhất: {size} mục, gốc {root}, ký lúc {at}',
    en: 'Latest checkpoint: {size} entries, root {root}, signed at {at}',
  },
  PAGE_NO_CHECKPOINT: { vi: 'Chưa có điểm kiểm tra', en: 'No checkpoint yet' },
  // --- hostile input and server hygiene (issue 13: sessions, encoding, limits, redaction)
  HTTP_SESSION_ENDED: {
    vi: 'Phiên đăng nhập đã kết thúc (đã đăng xuất hoặc quá 12 giờ)',
    en: 'The session has ended (signed out, or older than 12 hours)',
    hintVi: 'Đăng nhập lại bằng mã truy cập của bạn',
    hintEn: 'Sign in again with your access token',
  },
  SYNC_SKIPPED: {
    vi: 'Bỏ qua tệp {file}: {count} lỗi (bài giữ phiên bản hợp lệ trước đó, nếu có)',
    en: 'Skipped {file}: {count} error(s) (the item keeps its last valid version, if any)',
  },
  SYNC_SKIPPED_SUMMARY: {
    vi: '{count} tệp trong content/ bị bỏ qua vì có lỗi',
    en: '{count} file(s) in content/ skipped for errors',
    hintVi: 'Sửa các lỗi trên rồi chạy lại loa sync',
    hintEn: 'Fix the errors above and run loa sync again',
  },
  FOLDER_OUTSIDE_DATA: {
    vi: 'Thư mục "{value}" nằm ngoài thư mục dữ liệu',
    en: 'The folder "{value}" is outside the data directory',
    hintVi: 'Dùng đường dẫn tương đối trong thư mục dữ liệu, không có "..", ví dụ out/tep',
    hintEn: 'Use a relative path inside the data directory, without "..", e.g. out/files',
  },
  AUDIO_PATH_OUTSIDE: {
    vi: 'Đường dẫn nhạc hiệu "{value}" nằm ngoài thư mục dự án (hoặc ngoài thư mục nhạc hiệu)',
    en: 'The jingle path "{value}" leaves the project folder (or the jingle folder)',
    hintVi:
      'Đặt nhạc hiệu trong một thư mục của dự án, ghi đường dẫn tương đối, không "..", không liên kết ra ngoài.',
    hintEn:
      'Keep jingles in a folder of the project: a relative path, no "..", no link pointing outside.',
  },
  FILE_LINK_OUTSIDE: {
    vi: 'Tệp là liên kết tượng trưng trỏ ra ngoài thư mục của nó: bị từ chối, không đọc',
    en: 'The file is a symbolic link that points outside its folder: refused, not read',
    hintVi: 'Chép tệp vào thư mục này thay cho liên kết',
    hintEn: 'Copy the file into this folder instead of linking to it',
  },
  BAD_OFFSET: {
    vi: 'Độ lệch múi giờ không có thật trong "{value}": chỉ từ -14:00 đến +14:00',
    en: 'The offset in "{value}" does not exist: offsets run from -14:00 to +14:00',
    hintVi: 'Việt Nam là +07:00; hoặc bỏ độ lệch để dùng múi giờ của kế hoạch',
    hintEn: "Vietnam is +07:00; or leave the offset out to use the plan's time zone",
  },
  YAML_ALIAS_LIMIT: {
    vi: 'Bí danh YAML (*tên) bung ra quá {max} giá trị: tệp bị từ chối (có thể là "bom bí danh")',
    en: 'YAML aliases (*name) expand to more than {max} values: the file is refused (a possible "alias bomb")',
    hintVi: 'Viết thẳng giá trị thay cho bí danh (&tên / *tên), hoặc dùng ít bí danh hơn',
    hintEn:
      'Write the values out instead of using anchors and aliases (&name / *name), or use fewer',
  },
  YAML_DEPTH_LIMIT: {
    vi: 'Cấu trúc YAML lồng nhau quá {max} tầng',
    en: 'The YAML structure is nested more than {max} levels deep',
    hintVi: 'Tệp kế hoạch, kênh và bài chỉ cần vài tầng; kiểm tra thụt lề và dấu [ {',
    hintEn:
      'Plan, channel and item files need only a few levels; check the indentation and [ { brackets',
  },
  HTTP_BAD_URI: {
    vi: 'Địa chỉ yêu cầu có mã %XX không hợp lệ (không phải UTF-8)',
    en: 'The request address has invalid %XX escapes (not UTF-8)',
    hintVi: 'Mã hoá địa chỉ bằng UTF-8 (encodeURIComponent), rồi gửi lại',
    hintEn: 'Percent-encode the address as UTF-8 (encodeURIComponent) and send it again',
  },
  HTTP_BODY_NOT_UTF8: {
    vi: 'Nội dung gửi lên không phải UTF-8 hợp lệ (byte thứ {offset})',
    en: 'The request body is not valid UTF-8 (at byte {offset})',
    hintVi: 'Gửi văn bản mã hoá UTF-8; văn bản TCVN3/VNI cần chuyển sang Unicode trước',
    hintEn: 'Send UTF-8 text; convert TCVN3/VNI text to Unicode first',
  },
  HTTP_BODY_BAD_JSON: {
    vi: 'Nội dung gửi lên không phải JSON hợp lệ: {reason}',
    en: 'The request body is not valid JSON: {reason}',
    hintVi: 'Kiểm tra cú pháp JSON (dấu ngoặc, dấu phẩy, chuỗi trong ngoặc kép)',
    hintEn: 'Check the JSON syntax (brackets, commas, double-quoted strings)',
  },
  HTTP_INTERNAL: {
    vi: 'Lỗi bên trong máy chủ ({name}); yêu cầu không được thực hiện',
    en: 'Internal server error ({name}); the request was not carried out',
    hintVi: 'Thử lại; nếu vẫn lỗi, báo quản trị viên kèm thời điểm yêu cầu',
    hintEn: 'Try again; if it persists, tell an administrator the time of the request',
  },
  // --- web pages: calendar month grid, reschedule form, manual evidence form
  PAGE_CAL_BAD_MONTH: {
    vi: 'Tháng không hợp lệ: "{value}"',
    en: 'Invalid month: "{value}"',
    hintVi: 'Viết dạng năm-tháng, ví dụ /calendar?month=2024-03.',
    hintEn: 'Write it as year-month, for example /calendar?month=2024-03.',
  },
  PAGE_CAL_MONTH_OF: { vi: 'Tháng {month}/{year}', en: '{month}/{year}' },
  PAGE_CAL_PREV: { vi: '‹ Tháng trước', en: '‹ Previous month' },
  PAGE_CAL_NEXT: { vi: 'Tháng sau ›', en: 'Next month ›' },
  PAGE_CAL_THIS_MONTH: { vi: 'Tháng này', en: 'This month' },
  PAGE_CAL_TODAY: { vi: 'hôm nay', en: 'today' },
  PAGE_CAL_WEEK_NO: { vi: 'Tuần {week}', en: 'Week {week}' },
  PAGE_CAL_ZONE: {
    vi: 'Giờ theo múi giờ của kế hoạch: {zone}',
    en: "Times in the plan's zone: {zone}",
  },
  PAGE_CAL_LIST: { vi: 'Danh sách theo thời gian', en: 'In time order' },
  PAGE_CAL_NOTHING: { vi: 'Không có gì trong kỳ này.', en: 'Nothing in this period.' },
  PAGE_CAL_BROADCAST: { vi: 'Phát sóng', en: 'Airing' },
  PAGE_CAL_BULLETIN: { vi: 'Số bản tin', en: 'Bulletin issue' },
  PAGE_CAL_REPORT: { vi: 'Hạn báo cáo', en: 'Report due' },
  PAGE_PUB_SCHEDULED: { vi: 'Đã xếp lịch', en: 'Scheduled' },
  PAGE_PUB_PUBLISHED: { vi: 'Đã đăng', en: 'Published' },
  PAGE_PUB_FAILED: { vi: 'Đăng lỗi', en: 'Failed' },
  PAGE_PUB_MISSED: { vi: 'Lỡ lịch', en: 'Missed' },
  PAGE_PUB_CANCELLED: { vi: 'Đã huỷ', en: 'Cancelled' },
  PAGE_PUB_WITHDRAWN: { vi: 'Đã gỡ xuống', en: 'Taken down' },
  PAGE_RESCHEDULE: { vi: 'Đặt lại giờ', en: 'Reschedule' },
  PAGE_RESCHEDULE_AT: { vi: 'Giờ đăng mới ({zone})', en: 'New time ({zone})' },
  PAGE_RESCHEDULED: {
    vi: 'Đã đặt lại giờ đăng của bài {id}: {when}',
    en: 'Item {id} rescheduled: {when}',
  },
  PAGE_MANUAL_HEAD: { vi: 'Thêm minh chứng nhập tay', en: 'Add evidence by hand' },
  PAGE_MANUAL_INTRO: {
    vi: 'Cho các nhiệm vụ không đăng qua kênh nào: tập huấn, hội nghị, chào cờ, tờ rơi, màn hình LED, báo chí…',
    en: 'For tasks nothing publishes: trainings, conferences, flag-salute meetings, leaflets, LED screens, press…',
  },
  PAGE_MANUAL_TASK: { vi: 'Nhiệm vụ', en: 'Task' },
  PAGE_MANUAL_CHOOSE: { vi: '— chọn nhiệm vụ —', en: '— choose a task —' },
  PAGE_MANUAL_DATE: { vi: 'Ngày thực hiện', en: 'Date carried out' },
  PAGE_MANUAL_NOTE: { vi: 'Ghi chú', en: 'Note' },
  PAGE_MANUAL_FILES: {
    vi: 'Tệp đính kèm ({types}; tổng tối đa {max} MiB)',
    en: 'Files ({types}; at most {max} MiB in all)',
  },
  PAGE_MANUAL_SUBMIT: { vi: 'Ghi vào nhật ký', en: 'Record in the log' },
  PAGE_MANUAL_NONE: {
    vi: 'Chưa kế hoạch nào có nhiệm vụ nhập minh chứng tay (manual:).',
    en: 'No plan has a task whose evidence is entered by hand (manual:).',
  },
  PAGE_MANUAL_READ_ONLY: {
    vi: 'Vai trò {role} chỉ xem nhật ký; minh chứng nhập tay do vai trò {roles} thêm.',
    en: 'The {role} role only reads the log; evidence by hand is added by the {roles} role.',
  },
  PAGE_MANUAL_NO_TASK: {
    vi: 'Chưa chọn nhiệm vụ',
    en: 'No task chosen',
    hintVi: 'Chọn nhiệm vụ trong danh sách (kế hoạch, điều khoản).',
    hintEn: 'Choose a task in the list (plan, clause).',
  },
  EVIDENCE_TASK_NOT_MANUAL: {
    vi: 'Nhiệm vụ "{task}" của kế hoạch {plan} không nhận minh chứng nhập tay',
    en: 'Task "{task}" of plan {plan} takes no evidence by hand',
    hintVi:
      'Nhiệm vụ này được tính từ các lượt đăng của kênh; chọn một nhiệm vụ ghi nhận bằng tay (hội nghị, tập huấn, tờ rơi, báo chí…).',
    hintEn:
      "This task counts the channels' publications; choose a task recorded by hand (conferences, trainings, leaflets, press…).",
  },
  PAGE_MANUAL_NO_DATE: {
    vi: 'Chưa nhập ngày thực hiện',
    en: 'No date given',
    hintVi: 'Nhập ngày dạng 2024-03-12.',
    hintEn: 'Give the date as 2024-03-12.',
  },
  EVIDENCE_DATE_OUTSIDE_PLAN: {
    vi: 'Ngày {date} nằm ngoài thời gian thực hiện kế hoạch {plan} ({start} – {end})',
    en: 'The date {date} lies outside plan {plan} ({start} – {end})',
    hintVi: 'Chọn một ngày trong thời gian thực hiện kế hoạch.',
    hintEn: "Choose a date inside the plan's period.",
  },
  PAGE_MANUAL_TOO_LARGE: {
    vi: 'Tệp đính kèm quá lớn: {size} byte, tối đa {max} byte cho một lần gửi',
    en: 'The files are too large: {size} bytes, at most {max} bytes at a time',
    hintVi: 'Gửi bớt tệp, hoặc nén tệp rồi gửi lại.',
    hintEn: 'Send fewer files, or compress them, and send again.',
  },
  PAGE_MANUAL_FILES_AGAIN: {
    vi: 'Trình duyệt không giữ tệp đã chọn: hãy chọn lại tệp trước khi gửi lại.',
    en: 'The browser does not keep chosen files: choose them again before sending.',
  },
  PAGE_MANUAL_ADDED: {
    vi: 'Đã ghi minh chứng số {index} vào nhật ký',
    en: 'Evidence entry {index} recorded in the log',
  },
  PAGE_FILES: { vi: 'Tệp', en: 'Files' },
  PAGE_DATE: { vi: 'Ngày', en: 'Date' },
  PAGE_NOTE: { vi: 'Ghi chú', en: 'Note' },
  PAGE_PLAN: { vi: 'Kế hoạch', en: 'Plan' },
  // --- audio programmes, speech, podcast, playout (issue 16: src/audio)
  AUDIO_WAV_UNREADABLE: {
    vi: 'Không đọc được tệp âm thanh {file}: {reason}',
    en: 'Cannot read the audio file {file}: {reason}',
    hintVi: 'Dùng tệp WAV PCM (16 bit, đơn kênh hoặc stereo, tần số lấy mẫu bất kỳ).',
    hintEn: 'Use a PCM WAV file (16-bit, mono or stereo, any sample rate).',
  },
  AUDIO_FILE_MISSING: {
    vi: 'Không tìm thấy tệp âm thanh {file}',
    en: 'The audio file {file} was not found',
    hintVi: 'Đặt tệp (WAV hoặc MP3) vào đúng thư mục, hoặc sửa tên tệp trong tệp kênh hoặc bài.',
    hintEn: 'Put the file (WAV or MP3) in its folder, or fix its name in the channel or item file.',
  },
  AUDIO_NO_RUNDOWN: {
    vi: 'Chưa có kịch bản cho buổi phát {slot} của kênh {channel} ({period})',
    en: 'There is no rundown for the airing {slot} of channel {channel} ({period})',
    hintVi: 'Dựng kịch bản trước: loa rundown build {channel} {period}',
    hintEn: 'Build the rundown first: loa rundown build {channel} {period}',
  },
  AUDIO_PHASE_SPEAK: { vi: 'tin đã đọc', en: 'stories spoken' },
  AUDIO_PHASE_MASTER: { vi: 'đang chuẩn hóa âm lượng và mã hóa', en: 'normalising and encoding' },
  AUDIO_BUILT: {
    vi: '{air}  {file}  {duration} (kịch bản {planned}), {lufs} LUFS, SHA-256 {sha}…',
    en: '{air}  {file}  {duration} (rundown {planned}), {lufs} LUFS, SHA-256 {sha}…',
  },
  AUDIO_UNCHANGED: {
    vi: '{air}  {file}  không có gì thay đổi, giữ nguyên tệp ({duration}, SHA-256 {sha}…)',
    en: '{air}  {file}  nothing changed, file kept ({duration}, SHA-256 {sha}…)',
  },
  AUDIO_KEPT_AIRED: {
    vi: '{air}  {id}  đã phát sóng: giữ nguyên tệp đã phát',
    en: '{air}  {id}  already aired: the aired file is kept',
  },
  AUDIO_EMPTY: {
    vi: '{air}  {id}  kịch bản không có tin nào để đọc: chưa dựng tệp',
    en: '{air}  {id}  the rundown has no story to read: no file built',
  },
  AUDIO_REASON_MISMATCH: {
    vi: 'tệp đã phát không phải tệp đã lên lịch (mã SHA-256 khác)',
    en: 'the file played is not the file scheduled (SHA-256 differs)',
  },
  AUDIT_REJECT_AUDIO_MISMATCH: {
    vi: 'tệp âm thanh đã phát khác tệp đã lên lịch',
    en: 'the audio played differs from the audio scheduled',
  },
  AUDIO_AS_RUN_INVALID: {
    vi: '{file}:{line}: trường {field} không hợp lệ ({value}); chưa ghi nhận dòng nào',
    en: '{file}:{line}: the field {field} is not valid ({value}); nothing was recorded',
    hintVi:
      'Mỗi dòng cần: station (mã kênh hoặc tên đài), start (2024-03-08T17:30), duration (giây), sha256 (64 ký tự hex).',
    hintEn:
      'Each row needs: station (channel id or station name), start (2024-03-08T17:30), duration (seconds), sha256 (64 hex digits).',
  },
  AUDIO_AS_RUN_LINE: {
    vi: '{channel}  {start}  {duration}  {compliance} (minh chứng số {index})',
    en: '{channel}  {start}  {duration}  {compliance} (evidence entry {index})',
  },
  AUDIO_STATION_UNKNOWN: {
    vi: 'Không có đài {station} (mã kênh phát thanh hoặc tên đài)',
    en: 'There is no station {station} (a broadcast channel id or a station name)',
    hintVi: 'Các kênh phát thanh: {known}',
    hintEn: 'Broadcast channels: {known}',
  },
  AUDIO_PLAYLIST_EMPTY: {
    vi: 'Đài {station} chưa có tệp chương trình nào trong {period} (loa audio build)',
    en: 'Station {station} has no programme file in {period} (loa audio build)',
  },
  AUDIO_PLAYLIST_LINE: {
    vi: '{start}  {duration}  [{level}]  {title}  {url}  SHA-256 {sha}…  {mark}',
    en: '{start}  {duration}  [{level}]  {title}  {url}  SHA-256 {sha}…  {mark}',
  },
  AUDIO_LEVEL_NORMAL: { vi: 'thông thường', en: 'normal' },
  AUDIO_LEVEL_PRIORITY: { vi: 'ưu tiên', en: 'priority' },
  AUDIO_LEVEL_EMERGENCY: { vi: 'khẩn cấp', en: 'emergency' },
  AUDIO_PREEMPTED: { vi: 'bị ngắt bởi tin khẩn cấp {by}', en: 'preempted by the emergency {by}' },
  AUDIO_PREEMPTS: { vi: 'KHẨN CẤP: ngắt {what}', en: 'EMERGENCY: preempts {what}' },
  PAGE_AUDIO_CAPTION: {
    vi: 'Nghe chương trình: {duration}, {lufs} LUFS, SHA-256 {sha}…',
    en: 'Listen to the programme: {duration}, {lufs} LUFS, SHA-256 {sha}…',
  },
  AUDIO_SPEECH_FAILED: {
    vi: 'Bộ đọc {engine} không tạo được giọng đọc: {reason}',
    en: 'The speech engine {engine} produced no speech: {reason}',
    hintVi:
      'Kiểm tra mục audio.engine và audio.voice trong tệp kênh; thử lại lệnh với bộ đọc mặc định (embedded).',
    hintEn:
      'Check audio.engine and audio.voice in the channel file; try the default engine (embedded).',
  },
  AUDIO_SPEECH_TIMEOUT: {
    vi: 'Bộ đọc {engine} không trả lời sau {seconds} giây và đã bị dừng',
    en: 'The speech engine {engine} did not answer within {seconds} s and was stopped',
    hintVi: 'Tăng audio.engine.timeoutSec trong tệp kênh, hoặc kiểm tra dịch vụ đọc.',
    hintEn: 'Raise audio.engine.timeoutSec in the channel file, or check the speech service.',
  },
  // --- web pages: layout, menu per role, role homes, refusals in words, admin (issue 14)
  PAGE_HOME: { vi: 'Trang chủ', en: 'Home' },
  PAGE_ADMIN: { vi: 'Quản trị', en: 'Administration' },
  PAGE_MENU: { vi: 'Trình đơn chính', en: 'Main menu' },
  PAGE_SKIP: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to the main content' },
  PAGE_BACK_HOME: { vi: '← Về trang chủ', en: '← Back to the home page' },
  PAGE_OR: { vi: 'hoặc', en: 'or' },
  PAGE_ITEM_ID: { vi: 'Mã bài', en: 'Item id' },
  PAGE_ACTIONS: { vi: 'Thao tác', en: 'Actions' },
  PAGE_ADD_ITEM_LABEL: {
    vi: 'Nội dung Markdown, mở đầu bằng phần khai báo (front matter) giữa hai dòng ---',
    en: 'Markdown text, starting with its front matter between two --- lines',
  },
  ROLE_EDITOR: { vi: 'biên tập viên', en: 'editor' },
  ROLE_BROADCASTER: { vi: 'phát thanh – truyền hình', en: 'broadcaster' },
  ROLE_AUDITOR: { vi: 'kiểm tra viên', en: 'auditor' },
  ROLE_ADMIN: { vi: 'quản trị viên', en: 'administrator' },
  PERM_QUEUE_READ: { vi: 'xem hàng đợi bài', en: 'see the queue of items' },
  PERM_QUEUE_WRITE: {
    vi: 'thêm, duyệt, rút và đặt lịch bài',
    en: 'add, approve, withdraw and schedule items',
  },
  PERM_RUNDOWN_READ: { vi: 'xem kịch bản phát sóng', en: 'see the rundowns' },
  PERM_RUNDOWN_WRITE: {
    vi: 'dựng, khoá kịch bản và ghi nhận đã phát',
    en: 'build and lock rundowns and record what aired',
  },
  PERM_STATUS_READ: {
    vi: 'xem lịch và tình trạng các kênh',
    en: "see the calendar and the channels' state",
  },
  PERM_EVIDENCE_READ: { vi: 'xem nhật ký minh chứng', en: 'see the evidence log' },
  PERM_EVIDENCE_ADD: { vi: 'thêm minh chứng nhập tay', en: 'add evidence by hand' },
  PERM_EVIDENCE_EXPORT: { vi: 'tải gói minh chứng', en: 'download the evidence bundle' },
  PERM_AUDIT_READ: { vi: 'xem chỉ tiêu và báo cáo', en: 'see the quotas and reports' },
  PERM_USERS_ADMIN: {
    vi: 'quản lý người dùng và mã truy cập',
    en: 'manage users and access tokens',
  },
  PAGE_EV_KIND_PUBLICATION: { vi: 'Đăng bài', en: 'Publication' },
  PAGE_EV_KIND_AIRING: { vi: 'Phát sóng', en: 'Airing' },
  PAGE_EV_KIND_BULLETIN_ISSUE: { vi: 'Số bản tin', en: 'Bulletin issue' },
  PAGE_EV_KIND_MANUAL: { vi: 'Nhập tay', en: 'By hand' },
  PAGE_EV_KIND_REPORT: { vi: 'Báo cáo', en: 'Report' },
  PAGE_EV_KIND_CORRECTION: { vi: 'Đính chính', en: 'Correction' },
  PAGE_EV_WHAT: { vi: 'Nội dung', en: 'What' },
  PAGE_QUOTA_BAR: { vi: 'Mức đạt', en: 'Share reached' },
  PAGE_QUOTA_PROOF: { vi: 'Minh chứng', en: 'Proof' },
  PAGE_QUOTA_TOTAL: { vi: 'đạt {achieved}/{required}', en: '{achieved} of {required}' },
  PAGE_QUOTA_EXPAND: {
    vi: 'Bấm vào một nhiệm vụ để xem từng kỳ và các minh chứng của kỳ đó.',
    en: 'Open a task to see each sub-period and the entries that prove it.',
  },
  PAGE_QUOTA_PERIOD_HELP: {
    vi: 'Kỳ: 2024-03 (tháng), 2024-Q1 (quý), 2024-H1 (6 tháng), 2024 (năm), 2024-W10 (tuần) hoặc plan (cả kế hoạch).',
    en: 'Period: 2024-03 (month), 2024-Q1 (quarter), 2024-H1 (half year), 2024 (year), 2024-W10 (week) or plan (the whole plan).',
  },
  PAGE_RUNDOWN_SLOTS: { vi: 'Các buổi phát', en: 'Slots' },
  PAGE_THIS_WEEK: { vi: 'tuần này', en: 'this week' },
  PAGE_RUNDOWN_NONE: {
    vi: 'Chưa có kênh phát thanh – truyền hình nào (kind: broadcast) trong channels/.',
    en: 'No broadcast channel (kind: broadcast) in channels/ yet.',
  },
  PAGE_RUNDOWN_BUILD: { vi: 'Dựng kịch bản', en: 'Build the rundown' },
  PAGE_RUNDOWN_NOT_BUILT: {
    vi: 'Chưa dựng kịch bản cho buổi phát này: bấm "Dựng kịch bản".',
    en: 'No rundown for this slot yet: press "Build the rundown".',
  },
  PAGE_RUNDOWN_PRINT: { vi: 'Bản in A4', en: 'A4 print' },
  PAGE_RUNDOWN_EXPORT: { vi: 'Tải {format}', en: 'Download {format}' },
  PAGE_RUNDOWN_BUILT: { vi: 'Đã dựng kịch bản tuần {week}', en: 'Rundown of week {week} built' },
  PAGE_RUNDOWN_MADE_READY: {
    vi: 'Kịch bản tuần {week} đã sẵn sàng',
    en: 'Rundown of week {week} marked ready',
  },
  PAGE_RUNDOWN_LOCKED: { vi: 'Đã khoá kịch bản tuần {week}', en: 'Rundown of week {week} locked' },
  PAGE_RUNDOWN_AIRED: {
    vi: 'Đã ghi nhận buổi phát tuần {week}',
    en: 'What aired in week {week} is recorded',
  },
  PAGE_PREV_WEEK: { vi: '‹ Tuần trước', en: '‹ Previous week' },
  PAGE_NEXT_WEEK: { vi: 'Tuần sau ›', en: 'Next week ›' },
  PAGE_RUNDOWN_ALL_WEEKS: { vi: 'Tất cả các tuần', en: 'All weeks' },
  PAGE_HOME_OF: { vi: 'Chào {user}', en: 'Welcome, {user}' },
  PAGE_HOME_ADD_ITEM: { vi: 'Viết bài mới', en: 'Write a new item' },
  PAGE_HOME_DUE: { vi: 'Sắp đăng trong 7 ngày', en: 'Going out in the next 7 days' },
  PAGE_HOME_NOTHING_DUE: {
    vi: 'Không có bài nào xếp lịch trong 7 ngày tới.',
    en: 'Nothing is scheduled in the next 7 days.',
  },
  PAGE_HOME_DRAFTS: { vi: 'Bản nháp chờ duyệt ({count})', en: 'Drafts waiting ({count})' },
  PAGE_HOME_NO_DRAFTS: { vi: 'Không có bản nháp nào chờ duyệt.', en: 'No draft is waiting.' },
  PAGE_HOME_AT_RISK: { vi: 'Chỉ tiêu tháng này cần chú ý', en: "This month's quotas at risk" },
  PAGE_HOME_NO_RISK: {
    vi: 'Không có chỉ tiêu nào có nguy cơ không đạt.',
    en: 'No quota is at risk.',
  },
  PAGE_HOME_SEE_QUOTAS: { vi: 'Xem chỉ tiêu từng nhiệm vụ', en: 'See each task’s quotas' },
  PAGE_THIS_WEEK_OF: { vi: 'Tuần này ({week})', en: 'This week ({week})' },
  PAGE_NEXT_WEEK_OF: { vi: 'Tuần sau ({week})', en: 'Next week ({week})' },
  PAGE_ADMIN_USERS: { vi: 'Người dùng', en: 'Users' },
  PAGE_ADMIN_TOKENS: { vi: 'Mã truy cập', en: 'Access tokens' },
  PAGE_ADMIN_CHANNELS: { vi: 'Tình trạng các kênh', en: "Channels' health" },
  PAGE_ADMIN_MANAGE_USERS: { vi: 'Quản lý người dùng', en: 'Manage users' },
  PAGE_ADMIN_MANAGE_TOKENS: { vi: 'Cấp và thu hồi mã', en: 'Create and revoke tokens' },
  PAGE_ADMIN_SEE_CHANNELS: { vi: 'Xem từng kênh', en: 'See each channel' },
  PAGE_ADMIN_ACTIVE_TOKENS: {
    vi: '{count} mã còn hiệu lực trên tổng số {all}',
    en: '{count} valid of {all} in all',
  },
  PAGE_ADMIN_PAUSED: { vi: 'tạm dừng', en: 'paused' },
  PAGE_ADMIN_FAILING: { vi: '{count} lượt đăng lỗi', en: '{count} failed publications' },
  PAGE_ADMIN_ALL_WELL: {
    vi: 'Cả {count} kênh đều hoạt động bình thường.',
    en: 'All {count} channels are working.',
  },
  PAGE_USER_NAME: { vi: 'Người dùng', en: 'User' },
  PAGE_ROLE: { vi: 'Vai trò', en: 'Role' },
  PAGE_CREATED: { vi: 'Tạo lúc', en: 'Created' },
  PAGE_ADD_USER: { vi: 'Thêm người dùng', en: 'Add the user' },
  PAGE_USER_ADDED: { vi: 'Đã thêm {name} (vai trò {role})', en: 'Added {name} (role {role})' },
  PAGE_TOKEN_ID: { vi: 'Số hiệu mã', en: 'Token id' },
  PAGE_TOKEN_EXPIRES: { vi: 'Hết hạn', en: 'Expires' },
  PAGE_TOKEN_LAST_USED: { vi: 'Dùng lần cuối', en: 'Last used' },
  PAGE_TOKEN_ACTIVE: { vi: 'còn hiệu lực', en: 'valid' },
  PAGE_TOKEN_EXPIRED: { vi: 'đã hết hạn', en: 'expired' },
  PAGE_TOKEN_REVOKED: { vi: 'đã thu hồi', en: 'revoked' },
  PAGE_TOKEN_NEVER: { vi: 'không hết hạn', en: 'never' },
  PAGE_TOKEN_DAYS: { vi: '{days} ngày', en: '{days} days' },
  PAGE_TOKEN_VALID_FOR: { vi: 'Hiệu lực', en: 'Valid for' },
  PAGE_TOKEN_UNTIL: { vi: 'hoặc đến hết ngày', en: 'or through the day' },
  PAGE_TOKEN_CREATE: { vi: 'Cấp mã truy cập', en: 'Create an access token' },
  PAGE_TOKEN_REVOKE: { vi: 'Thu hồi', en: 'Revoke' },
  PAGE_TOKEN_CREATED: {
    vi: 'Mã truy cập mới của {user} (hết hạn: {expires}):',
    en: 'New access token of {user} (expires: {expires}):',
  },
  PAGE_TOKEN_ONCE: {
    vi: 'Mã chỉ hiện một lần này: hãy sao chép và trao tận tay người dùng. loa chỉ lưu dấu SHA-256 của mã, không thể hiện lại.',
    en: 'This is the only time the token is shown: copy it and hand it to its user. loa keeps only its SHA-256 and cannot show it again.',
  },
  PAGE_TOKEN_REVOKED_NOTICE: {
    vi: 'Đã thu hồi mã {id} của {user}: mã này bị từ chối từ yêu cầu tiếp theo',
    en: 'Token {id} of {user} revoked: it is refused from the next request on',
  },
  PAGE_CHANNEL_FAILING: { vi: 'Lượt đăng lỗi', en: 'Failed' },
  PAGE_CHANNEL_LAST_SUCCESS: { vi: 'Đăng thành công lần cuối', en: 'Last success' },
  PAGE_CHANNEL_SCHEDULED: { vi: 'Đang chờ đăng', en: 'Waiting' },
  PAGE_CHANNEL_PAUSED: { vi: 'tạm dừng: {reason}', en: 'paused: {reason}' },
  PAGE_CHANNEL_FAILING_STATE: { vi: 'có lượt đăng lỗi', en: 'has failures' },
  PAGE_CHANNEL_OK: { vi: 'bình thường', en: 'working' },
  PAGE_CHANNEL_RESUME: { vi: 'Cho chạy lại', en: 'Resume' },
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
  PAGE_ITEM_NEW: { vi: 'Viết bài mới', en: 'New item' },
  PAGE_ITEM_EDIT: { vi: 'Sửa bài {id}', en: 'Edit item {id}' },
  PAGE_ITEM_SUMMARY: { vi: 'Tóm tắt (sapo)', en: 'Summary' },
  PAGE_ITEM_BODY: {
    vi: 'Nội dung (Markdown: ## tiêu đề phụ, **đậm**, - gạch đầu dòng, [liên kết](https://…))',
    en: 'Body (Markdown: ## subheading, **bold**, - bullet, [link](https://…))',
  },
  PAGE_ITEM_PREVIEW: { vi: 'Xem trước trên Cổng', en: 'Preview on the portal' },
  PAGE_ITEM_PREVIEW_HINT: {
    vi: 'Bản xem trước hiện ra khi bạn gõ nội dung.',
    en: 'The preview appears as you type.',
  },
  PAGE_ITEM_TOPICS_OF: { vi: 'Chủ đề theo {plan}', en: 'Topics of {plan}' },
  PAGE_ITEM_FOCUS: { vi: 'trọng tâm', en: 'focus' },
  PAGE_ITEM_NEXT_SLOTS: { vi: 'lượt trống tới: {slots}', en: 'next free slots: {slots}' },
  PAGE_ITEM_NO_SCHEDULE: {
    vi: 'đăng theo lịch của kênh (số bản tin, buổi phát)',
    en: "goes out on the channel's own days (issues, airings)",
  },
  PAGE_ITEM_WHEN: { vi: 'Giờ đăng ({zone})', en: 'Publish at ({zone})' },
  PAGE_ITEM_WHEN_HELP: {
    vi: 'Để trống: bài được đăng vào lượt trống tới của từng kênh, sau khi được duyệt.',
    en: "Leave empty: the item goes out in each channel's next free slot once approved.",
  },
  PAGE_ITEM_UNIT: { vi: 'Đơn vị', en: 'Unit' },
  PAGE_ITEM_AUTHOR: { vi: 'Tác giả (ghi trên bài)', en: 'Byline' },
  PAGE_ITEM_PRIORITY: { vi: 'Độ ưu tiên (1–5)', en: 'Priority (1–5)' },
  PAGE_ITEM_DURATION: { vi: 'Thời lượng phát (giây)', en: 'Length on air (seconds)' },
  PAGE_ITEM_IMAGES: { vi: 'Ảnh', en: 'Images' },
  PAGE_ITEM_IMAGE: { vi: 'Thêm ảnh (JPEG, PNG)', en: 'Add an image (JPEG, PNG)' },
  PAGE_ITEM_ALT: { vi: 'Mô tả ảnh (bắt buộc khi có ảnh)', en: 'Image description (required)' },
  PAGE_ITEM_ALT_OF: { vi: 'Mô tả ảnh {file}', en: 'Description of {file}' },
  PAGE_ITEM_ALT_HELP: {
    vi: 'Mô tả ngắn những gì ảnh cho thấy, cho người khiếm thị và khi ảnh không tải được.',
    en: 'Say briefly what the image shows, for blind readers and when it does not load.',
  },
  PAGE_ITEM_SAVE: { vi: 'Lưu bản nháp', en: 'Save the draft' },
  PAGE_ITEM_CANCEL: { vi: 'Huỷ, về hàng đợi', en: 'Cancel, back to the queue' },
  PAGE_ITEM_NO_CHANNEL: {
    vi: 'Chưa chọn kênh đăng nào',
    en: 'No channel chosen',
    hintVi: 'Chọn ít nhất một kênh trong danh sách Kênh.',
    hintEn: 'Choose at least one channel in the list.',
  },
  PAGE_ITEM_NO_ALT: {
    vi: 'Ảnh chưa có mô tả',
    en: 'An image has no description',
    hintVi: 'Nhập mô tả cho mỗi ảnh, rồi chọn lại tệp ảnh nếu bạn vừa thêm ảnh mới.',
    hintEn: 'Describe every image, and choose a new image file again if you just added one.',
  },
  PAGE_ITEM_SAVED: {
    vi: 'Đã lưu bài {id} (phiên bản {version}) ở trạng thái bản nháp: cần được duyệt trước khi đăng',
    en: 'Item {id} saved (version {version}) as a draft: it needs approval before it goes out',
  },
  PAGE_ITEM_APPROVED: {
    vi: 'Đã duyệt phiên bản {version} của bài {id}; lượt đăng: {next}',
    en: 'Version {version} of item {id} approved; next: {next}',
  },
  PAGE_ITEM_WITHDRAWN: { vi: 'Đã rút bài {id}', en: 'Item {id} withdrawn' },
  PAGE_EDIT: { vi: 'Sửa', en: 'Edit' },
  PAGE_FOUR_EYES_NOTE: {
    vi: 'Do {author} viết; cần người khác duyệt',
    en: 'Written by {author}; someone else must approve',
  },
  PAGE_WRITTEN_BY: {
    vi: 'Do {author} viết (phiên bản {version})',
    en: 'By {author} (version {version})',
  },
  PAGE_CAL_MOVED: { vi: 'Đã chuyển bài {id} sang {when}', en: 'Item {id} moved to {when}' },
  PAGE_CAL_MOVED_NOTICE: {
    vi: 'Đã chuyển bài {id}: lịch dưới đây đã cập nhật',
    en: 'Item {id} moved: the calendar below is up to date',
  },
  PAGE_CAL_DRAG_HELP: {
    vi: 'Kéo một bài đã xếp lịch sang ngày khác để đổi ngày đăng (bài nhận lượt trống đầu tiên của kênh trong ngày đó). Không dùng chuột: đổi giờ trong Hàng đợi bài.',
    en: "Drag a scheduled item to another day to move it (it takes the channel's first free slot that day). Without a mouse: reschedule it in the Queue.",
  },
  PAGE_CAL_NOT_MOVABLE: {
    vi: 'Bài {id} không có lượt đăng nào đang chờ để chuyển',
    en: 'Item {id} has no scheduled publication to move',
  },
  PAGE_CAL_NO_SLOT: {
    vi: 'Kênh {channel} không còn lượt đăng trống nào ngày {date}',
    en: 'Channel {channel} has no free posting slot on {date}',
    hintVi: 'Chọn một ngày khác, hoặc đặt giờ cụ thể trong Hàng đợi bài.',
    hintEn: 'Choose another day, or set an exact time in the Queue.',
  },
  PAGE_CAL_TOPIC: { vi: 'Chủ đề', en: 'Topic' },
  PAGE_DOWNLOAD_XLSX: { vi: 'Tải bảng chỉ tiêu (XLSX)', en: 'Download the quotas (XLSX)' },
  PAGE_DOWNLOAD_DOCX: { vi: 'Tải báo cáo (DOCX)', en: 'Download the report (DOCX)' },
  PAGE_DOWNLOAD_BUNDLE: {
    vi: 'Tải gói minh chứng {from} – {to} (ZIP)',
    en: 'Download the evidence bundle {from} – {to} (ZIP)',
  },
} as const satisfies Record<string, MessageEntry>;

export type MessageCode = keyof typeof CATALOGUE;
export type MessageParams = Record<string, string | number | undefined>;

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The plural category of a number in a language (`one`, `other`…), by `Intl.PluralRules`. */
function pluralOf(n: number, lang: Lang): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

/**
 * Fills `{name}` placeholders, and `{name:one|other}` forms with the word that agrees with
 * the number `name` in the language (`{errors} {errors:error|errors}`); Vietnamese nouns do
 * not change, so its templates need none.
 */
function fill(template: string, params: MessageParams, lang: Lang): string {
  const agreed = template.replace(
    /\{(\w+):([^|{}]*)\|([^{}]*)\}/g,
    (whole, name: string, one: string, other: string) => {
      const n = Number(params[name]);
      if (!Number.isFinite(n)) return whole;
      return pluralOf(n, lang) === 'one' ? one : other;
    },
  );
  return agreed.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The message for a code in the user's language, with its placeholders filled. */
export function message(code: MessageCode, params: MessageParams = {}, lang: Lang = currentLang()) {
  const entry: MessageEntry = CATALOGUE[code];
  return fill(lang === 'en' ? entry.en : entry.vi, params, lang);
}

/** The hint for a code, or undefined when the code has none. */
export function hint(code: MessageCode, params: MessageParams = {}, lang: Lang = currentLang()) {
  const entry: MessageEntry = CATALOGUE[code];
  const template = lang === 'en' ? entry.hintEn : entry.hintVi;
  return template === undefined ? undefined : fill(template, params, lang);
}
