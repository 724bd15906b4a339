import type { MessageEntry } from '../entry.js';

/** Witnesses of signed checkpoints: `loa witness`. */
export const witnessMessages = {
  WITNESS_UNIT_INVALID: {
    vi: 'Đơn vị chứng kiến: {field} "{value}" không hợp lệ',
    en: 'Watched unit: invalid {field} "{value}"',
    hintVi:
      'loa witness add <tên-đơn-vị> [https://địa-chỉ-loa-của-đơn-vị] <khoá từ loa evidence key của đơn vị> (không có địa chỉ: đơn vị chỉ gửi gói)',
    hintEn:
      'loa witness add <unit-name> [https://unit-loa-address] <key from the unit’s loa evidence key> (no address: a unit that only sends bundles)',
  },
  WITNESS_UNIT_EXISTS: {
    vi: 'Đã có đơn vị "{name}" trong danh sách chứng kiến',
    en: 'Unit "{name}" is already watched',
  },
  WITNESS_UNIT_ADDED: {
    vi: 'Đã thêm đơn vị {name} ({url}) vào danh sách chứng kiến',
    en: 'Watching {name} ({url})',
  },
  WITNESS_UNIT_ADDED_BUNDLES: {
    vi: 'Đã thêm đơn vị {name}, chỉ gửi gói (không có địa chỉ nhật ký công khai): loa import nhận gói của đơn vị theo khoá',
    en: 'Registered {name}, bundles only (no public log address): loa import takes its bundles by its key',
  },
  WITNESS_BUNDLES_ONLY: { vi: '(chỉ gửi gói)', en: '(bundles only)' },
  WITNESS_POLL_SKIPPED: {
    vi: '{unit}: bỏ qua, đơn vị chỉ gửi gói (không có địa chỉ nhật ký công khai để đọc)',
    en: '{unit}: skipped, the unit only sends bundles (no public log address to read)',
  },
  WITNESS_NONE: {
    vi: 'Chưa có đơn vị nào để chứng kiến',
    en: 'No unit is watched',
    hintVi: 'Thêm bằng: loa witness add <tên> [địa chỉ] <khoá>',
    hintEn: 'Add one with: loa witness add <name> [url] <key>',
  },
  WITNESS_POLL_OK: {
    vi: '{unit}: hợp lệ, {size} mục (lần trước {previous}); đã ký chứng kiến{delivered}',
    en: '{unit}: ok, {size, plural, one {# entry} other {# entries}} (before: {previous}); cosigned{delivered}',
  },
  WITNESS_DELIVERED: { vi: ' và gửi lại đơn vị', en: ' and handed back to the unit' },
  WITNESS_POLL_FORKED: {
    vi: '{unit}: NHẬT KÝ BỊ VIẾT LẠI (rẽ nhánh) so với mốc {previous} mục đã ký chứng kiến: {detail}',
    en: '{unit}: LOG REWRITTEN (forked) against the cosigned checkpoint of {previous}: {detail}',
  },
  WITNESS_POLL_SHRANK: {
    vi: '{unit}: NHẬT KÝ BỊ RÚT NGẮN từ {previous} xuống {size} mục',
    en: '{unit}: LOG SHRANK from {previous} to {size, plural, one {# entry} other {# entries}}',
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
    en: '{name}  {url}  {size, plural, one {# entry} other {# entries}}  {status}  {checkedAt}',
  },
  WITNESS_LIST_LINE_UNCHECKED: {
    vi: '{name}  {url}  chưa có điểm kiểm tra  {status}  {checkedAt}',
    en: '{name}  {url}  no checkpoint yet  {status}  {checkedAt}',
  },
} as const satisfies Record<string, MessageEntry>;
