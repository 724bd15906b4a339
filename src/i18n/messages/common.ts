import type { MessageEntry } from '../entry.js';

/** Words shared by every part of loa: labels, generic option and internal errors. */
export const commonMessages = {
  LABEL_ERROR: { vi: 'lỗi', en: 'error' },
  LABEL_WARNING: { vi: 'cảnh báo', en: 'warning' },
  INTERNAL: {
    vi: 'Lỗi nội bộ: {detail}',
    en: 'Internal error: {detail}',
    hintVi: 'Hãy báo lỗi này kèm lệnh đã chạy.',
    hintEn: 'Please report this with the command you ran.',
  },
  OPTION_INVALID: {
    vi: 'Giá trị không hợp lệ cho {option}: "{value}"',
    en: 'Invalid value for {option}: "{value}"',
    hintVi: '{expected}',
    hintEn: '{expected}',
  },
} as const satisfies Record<string, MessageEntry>;
