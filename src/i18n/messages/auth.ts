import type { MessageEntry } from '../entry.js';

/** Users, roles, permissions and tokens. */
export const authMessages = {
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
  USER_LAST_ADMIN: {
    vi: '{name} là quản trị viên duy nhất nên giữ vai trò quản trị',
    en: '{name} is the only administrator and keeps the role',
    hintVi: 'Thêm hoặc cấp vai trò quản trị cho người khác trước, rồi đổi vai trò của {name}',
    hintEn: "Add another administrator first, then change {name}'s role",
  },
  USER_ROLE_SET: {
    vi: 'Đã đổi vai trò của {name}: {from} → {role} (có hiệu lực từ yêu cầu tiếp theo)',
    en: "Changed {name}'s role: {from} → {role} (from the next request on)",
  },
  USER_ADDED: { vi: 'Đã thêm {name} (vai trò {role})', en: 'Added {name} (role {role})' },
  USER_LINE: {
    vi: '{name}  {role}  {tokens} mã',
    en: '{name}  {role}  {tokens, plural, one {# token} other {# tokens}}',
  },
  USER_NONE: { vi: 'Chưa có người dùng nào', en: 'No users yet' },
  TOKEN_CREATED: {
    vi: 'Mã truy cập của {name} ({role}); chỉ hiện một lần này, hãy lưu lại:',
    en: 'Access token of {name} ({role}); shown only this once, keep it:',
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
    en: 'The id {id} matches {count, plural, one {# token} other {# tokens}}: {ids}',
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
    en: 'Revoked {count, plural, one {# token} other {# tokens}} of {name}',
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
} as const satisfies Record<string, MessageEntry>;
