import type { MessageEntry } from '../entry.js';

/** Roll-up across units: `loa import` of the units' evidence bundles, audits over them. */
export const rollupMessages = {
  IMPORT_BUNDLE_UNREADABLE: {
    vi: '{bundle}: không đọc được gói tài liệu kiểm chứng ({reason}); không nhập gói nào',
    en: '{bundle}: the evidence bundle cannot be read ({reason}); nothing was imported',
    hintVi: 'Gói phải là tệp .zip do loa evidence export của đơn vị tạo ra, không sửa đổi.',
    hintEn: 'A bundle is the .zip a unit’s loa evidence export writes, unchanged.',
  },
  IMPORT_BUNDLE_INVALID: {
    vi: '{bundle}: gói KHÔNG HỢP LỆ: {problem}; không nhập gói nào',
    en: '{bundle}: the bundle is INVALID: {problem}; nothing was imported',
    hintVi:
      'Gói đã bị sửa hoặc hỏng sau khi đơn vị ký. Đề nghị đơn vị xuất lại (loa evidence export) và gửi lại; node verify.mjs trong gói nêu chi tiết.',
    hintEn:
      'The bundle was altered or damaged after the unit signed it. Ask the unit to export it again (loa evidence export); node verify.mjs in the bundle says more.',
  },
  IMPORT_PROBLEM_MISSING_FILE: {
    vi: 'thiếu tệp {file}',
    en: '{file} is missing',
  },
  IMPORT_PROBLEM_UNLISTED_FILE: {
    vi: 'tệp {file} không có trong manifest.txt',
    en: '{file} is not listed in manifest.txt',
  },
  IMPORT_PROBLEM_FILE_CHANGED: {
    vi: 'tệp {file} đã bị thay đổi (SHA-256 khác với manifest.txt)',
    en: '{file} was changed (its SHA-256 differs from manifest.txt)',
  },
  IMPORT_PROBLEM_SIGNATURE: {
    vi: '{file}: chữ ký của đơn vị không hợp lệ ({reason})',
    en: '{file}: the unit’s signature does not hold ({reason})',
  },
  IMPORT_PROBLEM_ENTRY_CHANGED: {
    vi: 'mục {index} đã bị sửa (mã băm lá khác)',
    en: 'entry {index} was changed (its leaf hash differs)',
  },
  IMPORT_PROBLEM_ENTRY_MISPLACED: {
    vi: 'dòng {line} không phải mục {index} (mục bị xoá, chèn hoặc đổi chỗ)',
    en: 'line {line} is not entry {index} (an entry was removed, inserted or moved)',
  },
  IMPORT_PROBLEM_NOT_JSON: {
    vi: '{file} dòng {line}: không phải JSON (đơn vị đã ký một dòng không phải mục nhật ký)',
    en: '{file} line {line}: not JSON (the unit signed a line that is no log entry)',
  },
  IMPORT_PROBLEM_NOT_CANONICAL: {
    vi: '{file} dòng {line}: không phải một mục JSON ở dạng chuẩn như loa ghi (khoảng trắng, thứ tự khoá, khoá trùng, cách viết số hoặc chữ khác)',
    en: '{file} line {line}: not an entry in canonical JSON as loa writes it (whitespace, key order, a duplicate key, a number or text written otherwise)',
  },
  IMPORT_PROBLEM_COUNT: {
    vi: 'gói có {found} mục, điểm kiểm tra đã ký {size} mục',
    en: 'the bundle holds {found, plural, one {# entry} other {# entries}}, its signed checkpoint {size}',
  },
  IMPORT_PROBLEM_ROOT: {
    vi: 'các mục không cho ra gốc Merkle của {file}',
    en: 'the entries do not give the Merkle root of {file}',
  },
  IMPORT_PROBLEM_ATTACHMENT: {
    vi: 'tệp đính kèm {name} của mục {index} thiếu hoặc đã bị thay đổi',
    en: 'the attached file {name} of entry {index} is missing or changed',
  },
  IMPORT_UNKNOWN_KEY: {
    vi: '{bundle}: gói được ký bằng khoá chưa đăng ký ({key}); không nhập gói nào',
    en: '{bundle}: the bundle is signed by a key no registered unit holds ({key}); nothing was imported',
    hintVi:
      "Đăng ký đơn vị với khoá do loa evidence key của đơn vị in ra: loa witness add <mã-đơn-vị> [địa chỉ loa của đơn vị, nếu có] '{key}'",
    hintEn:
      "Register the unit with the key its loa evidence key prints: loa witness add <unit-id> [unit-loa-address, if it has one] '{key}'",
  },
  IMPORT_FORKED: {
    vi: '{bundle}: nhật ký của đơn vị {unit} MÂU THUẪN với nhật ký đã nhập (rẽ nhánh từ mục {index}; đã nhập {size} mục); không nhập gói nào',
    en: '{bundle}: the log of unit {unit} CONTRADICTS the one imported (forked at entry {index}; {size, plural, one {# entry} other {# entries}} imported); nothing was imported',
    hintVi:
      'Nhật ký đã được viết lại sau khi gửi gói trước. Yêu cầu đơn vị giải trình; gói trước vẫn được giữ nguyên.',
    hintEn:
      'The log was rewritten after the earlier bundle was sent. Ask the unit to explain; what was imported stays as it was.',
  },
  IMPORT_DONE_ADDED: {
    vi: '{bundle}: {unit}: đã nhập {added} mục mới (nhật ký {size} mục, gốc {root})',
    en: '{bundle}: {unit}: {added, plural, one {# new entry} other {# new entries}} imported (log of {size}, root {root})',
  },
  IMPORT_DONE_UNCHANGED: {
    vi: '{bundle}: {unit}: đã nhập trước đó, không có gì mới ({size} mục)',
    en: '{bundle}: {unit}: imported before, nothing new ({size, plural, one {# entry} other {# entries}})',
  },
  IMPORT_DONE_OLDER: {
    vi: '{bundle}: {unit}: gói cũ hơn nhật ký đã nhập ({size} mục, đã có {imported}); khớp, không có gì mới',
    en: '{bundle}: {unit}: an older bundle than the log imported ({size} of {imported, plural, one {# entry} other {# entries}}); consistent, nothing new',
  },
  IMPORT_PROGRESS: { vi: 'Nhập gói', en: 'Importing bundles' },
  IMPORT_NONE: {
    vi: 'Chưa nhập gói tài liệu kiểm chứng nào của đơn vị',
    en: 'No unit’s evidence bundle has been imported',
    hintVi: 'Nhập gói do đơn vị gửi: loa import <gói.zip>…',
    hintEn: 'Import the bundles units send: loa import <bundle.zip>…',
  },
  AUDIT_SOURCES_TITLE: {
    vi: 'Nguồn: nhật ký của {count} đơn vị đã nhập',
    en: 'Sources: the imported logs of {count, plural, one {# unit} other {# units}}',
  },
  AUDIT_SOURCE_LINE: {
    vi: '  #{first}–#{last}: {unit}, mục 0–{lastIndex} (gốc {root})',
    en: '  #{first}–#{last}: {unit}, entries 0–{lastIndex} (root {root})',
  },
  AUDIT_AT_RISK_TITLE: {
    vi: 'Đơn vị có nguy cơ không đạt hoặc không đạt:',
    en: 'Units at risk or short:',
  },
  AUDIT_AT_RISK_LINE: {
    vi: '  {unit} ({name}): {task} {periods}',
    en: '  {unit} ({name}): {task} {periods}',
  },
  REPORT_IMPORTED_UNIT: {
    vi: '{indent}- {name}: {met}/{assessed} kỳ đạt định mức ({percent})',
    en: '{indent}- {name}: {met} of {assessed, plural, one {# period} other {# periods}} met ({percent})',
  },
  REPORT_IMPORTED_AT_RISK_TITLE: {
    vi: 'Đơn vị không đạt hoặc có nguy cơ không đạt:',
    en: 'Units short or at risk:',
  },
  REPORT_IMPORTED_AT_RISK: {
    vi: '- {name} ({task}): {count} kỳ: {periods}',
    en: '- {name} ({task}): {count, plural, one {# period} other {# periods}}: {periods}',
  },
  REPORT_IMPORTED_SOURCES: {
    vi: 'Số liệu được tổng hợp từ nhật ký minh chứng của {count} đơn vị, nhập từ gói tài liệu kiểm chứng do đơn vị gửi và kiểm tra theo khoá ký của từng đơn vị:',
    en: 'The figures come from the evidence logs of {count, plural, one {# unit} other {# units}}, imported from the bundles they sent and checked with each unit’s signing key:',
  },
  REPORT_IMPORTED_SOURCE: {
    vi: '- {unit}: {size} mục, mã băm gốc (SHA-256) {root}',
    en: '- {unit}: {size, plural, one {# entry} other {# entries}}, root hash (SHA-256) {root}',
  },
} as const satisfies Record<string, MessageEntry>;
