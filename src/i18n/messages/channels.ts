import type { MessageEntry } from '../entry.js';

/** Channels in general: unknown or paused channels, adapters, the files channel. */
export const channelsMessages = {
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
  CHANNEL_ROLE_AIRS: {
    vi: 'Kênh "{channel}" là kênh phát sóng: đài lấy chương trình phát (rundown) từ loa, loa không đăng bài lên kênh này',
    en: 'Channel "{channel}" is a broadcast channel: the station pulls its rundowns from loa; loa posts nothing to it',
  },
  CHANNEL_ROLE_INGESTS: {
    vi: 'Kênh "{channel}" là kênh thu tin: loa đọc các nguồn tin (feed) của báo chí theo chu kỳ, không đăng bài lên kênh này',
    en: 'Channel "{channel}" is an ingest channel: loa reads its press feeds at their intervals and posts nothing to it',
  },
  CHANNEL_PAUSED: {
    vi: 'Kênh "{channel}" tạm dừng: {reason}',
    en: 'Channel "{channel}" is paused: {reason}',
    hintVi: 'Sửa thông tin đăng nhập rồi chạy `loa queue resume-channel {channel}`.',
    hintEn: 'Fix the credentials, then run `loa queue resume-channel {channel}`.',
  },
  CHANNEL_KIND_EXPECTED: {
    vi: 'Kênh "{channel}" là loại {kind}, không phải {expected}',
    en: 'Channel "{channel}" is a {kind} channel, not {expected}',
    hintVi: 'Các kênh loại {expected}: {known}.',
    hintEn: '{expected} channels: {known}.',
  },
  FILES_WRITE_FAILED: {
    vi: 'Không ghi được tệp {path}: {reason}',
    en: 'Cannot write {path}: {reason}',
    hintVi: 'Kiểm tra quyền ghi và dung lượng đĩa của LOA_DATA_DIR.',
    hintEn: 'Check write permission and free space in LOA_DATA_DIR.',
  },
  FOLDER_OUTSIDE_DATA: {
    vi: 'Thư mục "{value}" nằm ngoài thư mục dữ liệu',
    en: 'The folder "{value}" is outside the data directory',
    hintVi:
      'Dùng đường dẫn tương đối trong thư mục dữ liệu, không có "..", không đi qua liên kết tượng trưng (symlink) trỏ ra ngoài, ví dụ out/tep',
    hintEn:
      'Use a relative path inside the data directory, without "..", not through a symbolic link leading out, e.g. out/files',
  },
} as const satisfies Record<string, MessageEntry>;
