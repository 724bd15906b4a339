import type { MessageEntry } from '../entry.js';

/** Reading project files (plans, channels, items): encodings, YAML, schema checks, recurrence rules and cross references. */
export const configMessages = {
  FILE_TOO_LARGE: {
    vi: 'Tệp quá lớn ({size} byte, tối đa {max} byte)',
    en: 'File too large ({size, plural, one {# byte} other {# bytes}}, at most {max})',
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
  FILE_LINK_OUTSIDE: {
    vi: 'Tệp là liên kết tượng trưng trỏ ra ngoài thư mục của nó: bị từ chối, không đọc',
    en: 'The file is a symbolic link that points outside its folder: refused, not read',
    hintVi: 'Chép tệp vào thư mục này thay cho liên kết',
    hintEn: 'Copy the file into this folder instead of linking to it',
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
  YAML_ALIAS_LIMIT: {
    vi: 'Bí danh YAML (*tên) bung ra quá {max} giá trị: tệp bị từ chối (có thể là "bom bí danh")',
    en: 'YAML aliases (*name) expand to more than {max, plural, one {# value} other {# values}}: the file is refused (a possible "alias bomb")',
    hintVi: 'Viết thẳng giá trị thay cho bí danh (&tên / *tên), hoặc dùng ít bí danh hơn',
    hintEn:
      'Write the values out instead of using anchors and aliases (&name / *name), or use fewer',
  },
  YAML_DEPTH_LIMIT: {
    vi: 'Cấu trúc YAML lồng nhau quá {max} tầng',
    en: 'The YAML structure is nested more than {max, plural, one {# level} other {# levels}} deep',
    hintVi: 'Tệp kế hoạch, kênh và bài chỉ cần vài tầng; kiểm tra thụt lề và dấu [ {',
    hintEn:
      'Plan, channel and item files need only a few levels; check the indentation and [ { brackets',
  },
  FRONT_MATTER_MISSING: {
    vi: 'Thiếu phần đầu YAML (front matter) giữa hai dòng ---',
    en: 'Missing YAML front matter between two --- lines',
    hintVi: 'Bắt đầu tệp bằng dòng --- , các trường title, channels…, rồi một dòng --- nữa.',
    hintEn: 'Start the file with a --- line, the fields (title, channels…), then another --- line.',
  },
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
  BAD_OFFSET: {
    vi: 'Độ lệch múi giờ không có thật trong "{value}": chỉ từ -14:00 đến +14:00',
    en: 'The offset in "{value}" does not exist: offsets run from -14:00 to +14:00',
    hintVi: 'Việt Nam là +07:00; hoặc bỏ độ lệch để dùng múi giờ của kế hoạch',
    hintEn: "Vietnam is +07:00; or leave the offset out to use the plan's time zone",
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
  // cross references: per-unit quotas (issue 12)
  EACH_NO_UNITS: {
    vi: 'Nhiệm vụ "{task}" áp dụng cho từng đơn vị nhưng không có đơn vị nào khớp (parent: {parent}, type: {type})',
    en: 'Task "{task}" applies to each unit but no unit matches (parent: {parent}, type: {type})',
    hintVi: 'Khai báo các đơn vị trong units với parent và type tương ứng, hoặc sửa each.',
    hintEn: 'List the units under units with that parent and type, or correct each.',
  },
  TASK_EVIDENCE: {
    vi: 'Nhiệm vụ phải có rule.channelKinds (kênh đăng) hoặc manual (minh chứng nhập tay), không cả hai',
    en: 'A task needs rule.channelKinds (published) or manual (evidence entered by hand), not both',
  },
  TASK_KIND_MISMATCH: {
    vi: 'Nhiệm vụ "{task}" ({source}) không được thực hiện qua kênh loại {kind}',
    en: 'Task "{task}" ({source}) is not carried out by a {kind} channel',
    hintVi: 'Chỉ gắn kênh với nhiệm vụ có rule.channelKinds chứa {kind}.',
    hintEn: 'Only attach the channel to tasks whose rule.channelKinds include {kind}.',
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
  IMPLEMENTS_NOT_PARENT: {
    vi: 'Nhiệm vụ "{task}" thực hiện nhiệm vụ của kế hoạch "{plan}", nhưng "{plan}" không có trong parents của kế hoạch',
    en: 'Task "{task}" implements a task of plan "{plan}", but "{plan}" is not among the plan’s parents',
    hintVi: 'Thêm "{plan}" vào parents: của kế hoạch, hoặc sửa mã kế hoạch trong implements.',
    hintEn: 'Add "{plan}" to the plan’s parents:, or correct the plan id in implements.',
  },
  UNKNOWN_TASK: {
    vi: 'Kế hoạch "{plan}" không có nhiệm vụ "{id}"',
    en: 'Plan "{plan}" has no task "{id}"',
    hintVi: 'Kiểm tra mã nhiệm vụ (xem `loa plan show {plan}`).',
    hintEn: 'Check the task id (see `loa plan show {plan}`).',
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
  CONFIG_INVALID: {
    vi: 'Cấu hình có {count} lỗi',
    en: 'The configuration has {count, plural, one {# error} other {# errors}}',
    hintVi: 'Chạy `loa validate` để xem từng lỗi.',
    hintEn: 'Run `loa validate` to see each error.',
  },
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
} as const satisfies Record<string, MessageEntry>;
