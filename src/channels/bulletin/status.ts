import type { DateTime } from 'luxon';
import type { BulletinIssue } from '../../calendar/slots.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import { entriesForIssue, type IssueChannel, issueWindow } from './assemble.js';
import { type BulletinEntry, issueKey } from './model.js';

/**
 * Where an issue stands: `issued` (written and published), `ok` (has items, or too early to
 * worry), `warning-empty` (no item yet and the day is near), `missed-empty` (the day passed
 * with no item, so no issue went out).
 */
export type IssueState = 'ok' | 'warning-empty' | 'missed-empty' | 'issued';

/** An issue of the calendar, and whether it was already issued (the store knows). */
export interface PlannedIssue extends BulletinIssue {
  issued?: boolean;
}

/** The status of one issue. */
export interface IssueStatus {
  issue: BulletinIssue;
  key: string;
  state: IssueState;
  /** How many approved items the issue gathers. */
  items: number;
  /** From when an empty issue is warned about. */
  warnFrom: DateTime;
}

export interface BulletinStatusOptions {
  /** How long before an issue day an empty issue is warned about (default 48 h). */
  warnHours?: number;
  zone?: string;
}

/** Default lead time of the empty-issue warning. */
export const WARN_HOURS = 48;

/**
 * The status of each issue, for `loa bulletin list`, `loa status` and alerts. Pure: the
 * issues come from the calendar (`bulletinIssuesIn`), the entries are the approved items
 * offered to the bulletin, and `now` is the clock's.
 */
export function bulletinStatus(
  channel: IssueChannel,
  issues: readonly PlannedIssue[],
  items: readonly BulletinEntry[],
  now: DateTime,
  options: BulletinStatusOptions = {},
): IssueStatus[] {
  const warnHours = options.warnHours ?? WARN_HOURS;
  const zone = options.zone ?? DEFAULT_ZONE;
  return issues.map((planned) => {
    const { issue, previous } = issueWindow(channel, planned.number, planned.year, zone);
    const count = entriesForIssue(
      channel.id,
      { since: previous.date, until: issue.date },
      items,
    ).length;
    const warnFrom = issue.date.minus({ hours: warnHours });
    let state: IssueState = 'ok';
    if (planned.issued) state = 'issued';
    else if (count === 0 && now >= issue.date) state = 'missed-empty';
    else if (count === 0 && now >= warnFrom) state = 'warning-empty';
    return {
      issue,
      key: issueKey(channel.id, issue.year, issue.number),
      state,
      items: count,
      warnFrom,
    };
  });
}
