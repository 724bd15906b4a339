import type { MessageCode } from '../i18n/catalogue.js';
import { message } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import { currentLang } from '../i18n/lang.js';
import type { PeriodKind, Task } from '../model/plan.js';

/** The catalogue code of "per week", "per month"… for each period kind. */
export const PER: Record<PeriodKind, MessageCode> = {
  week: 'PER_WEEK',
  month: 'PER_MONTH',
  quarter: 'PER_QUARTER',
  'half-year': 'PER_HALF_YEAR',
  year: 'PER_YEAR',
  plan: 'PER_PLAN',
};

/** A task's requirement in words: "ít nhất 1 lần mỗi tuần, mỗi lần ít nhất 15 phút, …". */
export function ruleInWords(task: Task, lang: Lang = currentLang()): string {
  const { rule } = task;
  const per = message(PER[rule.per], {}, lang);
  const parts = [
    rule.atLeast > 0
      ? message('RULE_AT_LEAST', { count: rule.atLeast, per }, lang)
      : message('RULE_COUNTED', { per }, lang),
  ];
  if (rule.minDurationSec !== undefined) {
    parts.push(
      message('RULE_MIN_DURATION', { minutes: Math.round(rule.minDurationSec / 6) / 10 }, lang),
    );
  }
  if (rule.window) parts.push(message('RULE_WINDOW', rule.window, lang));
  if (rule.channelKinds)
    parts.push(message('RULE_VIA', { kinds: rule.channelKinds.join(', ') }, lang));
  if (task.manual) parts.push(message('RULE_MANUAL', { form: task.manual }, lang));
  return parts.join(', ');
}
