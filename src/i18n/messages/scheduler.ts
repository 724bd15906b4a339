import type { MessageEntry } from '../entry.js';

/** Planning and dispatch as `loa status` and `loa simulate` show them. */
export const schedulerMessages = {
  STATUS_RETRYING: {
    vi: '  đang thử lại: {when}  {item}: lần thử {attempts}/{max} lỗi, thử lại lúc {next}; lỗi cuối: {error}',
    en: '  retrying: {when}  {item}: attempt {attempts} of {max} failed, next try {next}; last error: {error}',
  },
  STATUS_CHANNEL: {
    vi: 'Kênh {channel} ({kind}): {scheduled} chờ, {published} đã đăng, {failed} lỗi, {missed} lỡ{note}',
    en: 'Channel {channel} ({kind}): {scheduled} waiting, {published} published, {failed} failed, {missed} missed{note}',
  },
  STATUS_NEXT: { vi: '  kế tiếp: {when}  {item}', en: '  next: {when}  {item}' },
  STATUS_FAILED: { vi: '  lỗi: {when}  {item}: {error}', en: '  failed: {when}  {item}: {error}' },
  STATUS_MISSED: { vi: '  lỡ: {when}  {item}: {reason}', en: '  missed: {when}  {item}: {reason}' },
  STATUS_MISSED_LATE: {
    vi: '  lỡ: {when}  {item}: trễ {late} (giới hạn {limit})',
    en: '  missed: {when}  {item}: late by {late} (limit {limit})',
  },
  STATUS_NEXT_LATE: {
    vi: '  kế tiếp: {when}  {item} (trễ {late})',
    en: '  next: {when}  {item} (late by {late})',
  },
  STATUS_NOTHING: { vi: 'Chưa có lượt đăng nào', en: 'No publications yet' },
  STATUS_FOLLOW_UP_PENDING: {
    vi: '  chờ {action}: {item} (đã thử {attempts} lần{error})',
    en: '  waiting {action}: {item} ({attempts, plural, one {# attempt} other {# attempts}}{error})',
  },
  STATUS_FOLLOW_UP_FAILED: {
    vi: '  lỗi {action}: {item}: {error} — sửa lỗi rồi rút/duyệt lại tin',
    en: '  failed {action}: {item}: {error} — fix it, then withdraw or approve the item again',
  },
  STATUS_FOLLOW_UP_UNSUPPORTED: {
    vi: '  không thể {action} trên kênh này: {item} — bản đã đăng giữ nguyên, hãy sửa trực tiếp',
    en: '  cannot make the {action} on this channel: {item} — the published copy stays; change it there',
  },
  STATUS_REPORTS_DUE: {
    vi: 'Báo cáo đến hạn trong {days} ngày tới:',
    en: 'Reports due within {days, plural, one {# day} other {# days}}:',
  },
  STATUS_REPORT_DUE: {
    vi: '  {due} (còn {daysLeft} ngày)  {plan}: {title}, kỳ {period}',
    en: '  {due} ({daysLeft, plural, one {# day} other {# days}} left)  {plan}: {title}, period {period}',
  },
  STATUS_BULLETIN_ISSUE: { vi: '  {line}', en: '  {line}' },
  FOLLOW_UP_UPDATE: { vi: 'cập nhật bài đã đăng', en: 'update of a published post' },
  FOLLOW_UP_WITHDRAW: { vi: 'gỡ bài đã đăng', en: 'withdrawal of a published post' },
  SIMULATE_LINE: {
    vi: '{when}  {channel}  {item}  {outcome}',
    en: '{when}  {channel}  {item}  {outcome}',
  },
  SIMULATE_SUMMARY: {
    vi: 'Mô phỏng {from} → {to} ({zone}): {published} đã đăng, {missed} lỡ, {failed} lỗi, {waiting} còn chờ',
    en: 'Simulated {from} → {to} ({zone}): {published} published, {missed} missed, {failed} failed, {waiting} still waiting',
  },
} as const satisfies Record<string, MessageEntry>;
