import type { MessageEntry } from '../entry.js';

/** The periodic report (DOCX, XLSX) and `loa report`. */
export const reportMessages = {
  REPORT_BAD_PERIOD: {
    vi: 'Báo cáo định kỳ lập theo tháng, quý, 6 tháng hoặc năm; "{value}" không phải kỳ báo cáo',
    en: 'Periodic reports cover a month, quarter, half-year or year; "{value}" is none of them',
    hintVi: 'Ví dụ: 2024-Q1, 2024-H1, 2024.',
    hintEn: 'For example: 2024-Q1, 2024-H1, 2024.',
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
  REPORT_PERIOD_QUARTER: { vi: 'quý {quarter} năm {year}', en: 'Q{quarter} {year}' },
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
  REPORT_RESULT: {
    vi: '{met}/{total} kỳ đạt',
    en: '{met}/{total, plural, one {# period} other {# periods}} met',
  },
  REPORT_RESULT_PENDING: { vi: ', {pending} kỳ đang thực hiện', en: ', {pending} still open' },
  REPORT_COMPLETION: {
    vi: 'Tỷ lệ hoàn thành kế hoạch trong kỳ: {percent}% ({met}/{assessed} nhiệm vụ-kỳ đạt yêu cầu; {pending} nhiệm vụ-kỳ chưa đến lúc đánh giá).',
    en: 'Completion in the period: {percent}% ({met}/{assessed, plural, one {# task-period} other {# task-periods}} met; {pending} not yet decided).',
  },
  REPORT_COMPLETION_NONE: {
    vi: 'Chưa có nhiệm vụ-kỳ nào đến lúc đánh giá ({pending} nhiệm vụ-kỳ đang thực hiện).',
    en: 'No task-period is decided yet ({pending} still open).',
  },
  REPORT_FOCUS_LINE: {
    vi: '- {title}: {entries} tin, bài.',
    en: '- {title}: {entries, plural, one {# entry} other {# entries}}.',
  },
  REPORT_FOCUS_MISSING: { vi: '- {title}: chưa có tin, bài.', en: '- {title}: none yet.' },
  REPORT_FOCUS_NONE: {
    vi: 'Kế hoạch không nêu chủ đề trọng tâm.',
    en: 'The plan names no focus topic.',
  },
  REPORT_CHECKPOINT: {
    vi: 'Số liệu trên được tổng hợp từ nhật ký minh chứng. Điểm kiểm tra của nhật ký: {size} mục; mã băm gốc (SHA-256): {root}; ký lúc {signedAt}. Nơi nhận báo cáo lưu giữ điểm kiểm tra này để phát hiện mọi thay đổi về sau đối với nhật ký.',
    en: 'The figures come from the evidence log. Log checkpoint: {size, plural, one {# entry} other {# entries}}; root hash (SHA-256): {root}; signed at {signedAt}. Receivers keep this checkpoint to detect any later change to the log.',
  },
  REPORT_RECIPIENTS: { vi: 'Nơi nhận:', en: 'Recipients:' },
  REPORT_ARCHIVE: { vi: '- Lưu: VT.', en: '- Archive: VT.' },
  REPORT_SIGNATURE_SPACE: { vi: '(Chữ ký, dấu)', en: '(Signature, seal)' },
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
} as const satisfies Record<string, MessageEntry>;
