import type { MessageEntry } from '../entry.js';

/** The WordPress portal adapter and its images (media). */
export const wordpressMessages = {
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
} as const satisfies Record<string, MessageEntry>;
