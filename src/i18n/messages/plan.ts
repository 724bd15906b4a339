import type { MessageEntry } from '../entry.js';

/** Plans in words: periods, task rules, `loa plan`. */
export const planMessages = {
  PER_WEEK: { vi: 'mỗi tuần', en: 'per week' },
  PER_MONTH: { vi: 'mỗi tháng', en: 'per month' },
  PER_QUARTER: { vi: 'mỗi quý', en: 'per quarter' },
  PER_HALF_YEAR: { vi: 'mỗi 6 tháng', en: 'per half-year' },
  PER_YEAR: { vi: 'mỗi năm', en: 'per year' },
  PER_PLAN: { vi: 'trong cả kỳ kế hoạch', en: 'over the whole plan' },
  RULE_AT_LEAST: { vi: 'ít nhất {count} lần {per}', en: 'at least {count} {per}' },
  RULE_COUNTED: {
    vi: 'thống kê số lượng {per}, không định mức',
    en: 'counted {per}, no fixed quota',
  },
  RULE_MIN_DURATION: { vi: 'mỗi lần ít nhất {minutes} phút', en: 'each at least {minutes} min' },
  RULE_WINDOW: { vi: 'trong khung {from}–{to}', en: 'between {from} and {to}' },
  RULE_VIA: { vi: 'qua kênh {kinds}', en: 'through {kinds} channels' },
  RULE_MANUAL: { vi: 'minh chứng nhập tay ({form})', en: 'evidence entered by hand ({form})' },
  PLAN_NO_CHANNEL: { vi: 'chưa có kênh nào thực hiện', en: 'no channel serves it' },
  PLAN_HEADER: {
    vi: '{id}: {title}\n  Số {number} ngày {date}, {issuer}; hiệu lực {start} – {end}; múi giờ {zone}',
    en: '{id}: {title}\n  No. {number} of {date}, {issuer}; in force {start} – {end}; zone {zone}',
  },
  PLAN_TASK_LINE: { vi: '[{source}] {title}', en: '[{source}] {title}' },
  PLAN_TASK_DETAIL: {
    vi: 'đơn vị: {unit}; yêu cầu: {rule}; kênh: {channels}',
    en: 'unit: {unit}; rule: {rule}; channels: {channels}',
  },
  PLAN_LIST_LINE: {
    vi: '{id}  {number}  {period}  {tasks} nhiệm vụ, {unserved} chưa có kênh',
    en: '{id}  {number}  {period}  {tasks, plural, one {# task} other {# tasks}}, {unserved} without a channel',
  },
  PLAN_NOT_FOUND: {
    vi: 'Không có kế hoạch "{id}"',
    en: 'No plan "{id}"',
    hintVi: 'Các kế hoạch hiện có: {known}.',
    hintEn: 'Known plans: {known}.',
  },
} as const satisfies Record<string, MessageEntry>;
