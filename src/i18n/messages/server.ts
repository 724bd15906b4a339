import type { MessageEntry } from '../entry.js';

/** The HTTP server and its API: errors, limits, sessions. */
export const serverMessages = {
  HTTP_BAD_SIZES: {
    vi: 'Cần from và to là hai kích thước 1 ≤ from ≤ to ≤ {size}',
    en: 'from and to must be two sizes with 1 ≤ from ≤ to ≤ {size}',
  },
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
    en: 'The request body is too large (at most {max, plural, one {# byte} other {# bytes}})',
  },
  HTTP_PAYLOAD_TOO_LARGE: {
    vi: 'Nội dung gửi lên quá lớn',
    en: 'The request body is too large',
  },
  HTTP_INVALID_REQUEST: { vi: 'Yêu cầu không hợp lệ: {detail}', en: 'Invalid request: {detail}' },
  HTTP_RANGE_NOT_SATISFIABLE: {
    vi: 'Đoạn {range} nằm ngoài tệp (tệp có {size} byte)',
    en: 'The range {range} lies outside the file ({size, plural, one {# byte} other {# bytes}})',
    hintVi: 'Xin một đoạn bắt đầu trước byte {size}, ví dụ bytes=0-1023',
    hintEn: 'Ask for a range that starts before byte {size}, e.g. bytes=0-1023',
  },
  HTTP_NOT_FOUND: { vi: 'Không có trang {path}', en: 'No page at {path}' },
  HTTP_NO_ENTRY: {
    vi: 'Nhật ký không có mục số {index} (có {size} mục)',
    en: 'The log has no entry {index} ({size, plural, one {# entry} other {# entries}})',
  },
  HTTP_UPLOAD_TYPE: {
    vi: 'Tệp {name} ({type}) không được nhận: nội dung không khớp loại tệp',
    en: 'File {name} ({type}) refused: its content does not match its type',
    hintVi: 'Nhận các loại: {allowed}',
    hintEn: 'Accepted: {allowed}',
  },
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
  HTTP_LOGIN_LINK_USED: {
    vi: 'Liên kết đăng nhập này đã được dùng hoặc đã hết hạn (chỉ dùng được một lần)',
    en: 'This login link has been used or has expired (it works once)',
    hintVi: 'Đăng nhập bằng mã truy cập: loa token create <tên>, rồi mở /login',
    hintEn: 'Sign in with an access token: loa token create <name>, then open /login',
  },
  HTTP_SESSION_ENDED: {
    vi: 'Phiên đăng nhập đã kết thúc (đã đăng xuất hoặc quá 12 giờ)',
    en: 'The session has ended (signed out, or older than 12 hours)',
    hintVi: 'Đăng nhập lại bằng mã truy cập của bạn',
    hintEn: 'Sign in again with your access token',
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
} as const satisfies Record<string, MessageEntry>;
