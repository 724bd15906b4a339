import type { MessageEntry } from '../entry.js';

/** The store: opening it, backup and restore. */
export const storeMessages = {
  BACKUP_WRITTEN: {
    vi: 'Đã sao lưu vào {path} (cơ sở dữ liệu, khoá ký và {files} tệp của thư mục dữ liệu)',
    en: 'Backed up to {path} (the database, the signing key and {files, plural, one {# file} other {# files}} of the data folder)',
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
  RESTORE_DONE: {
    vi: 'Đã khôi phục {path} vào {dir} ({files} tệp); `loa run` tiếp tục từ đó, không đăng lại',
    en: 'Restored {path} into {dir} ({files, plural, one {# file} other {# files}}); `loa run` goes on from there, reposting nothing',
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
} as const satisfies Record<string, MessageEntry>;
