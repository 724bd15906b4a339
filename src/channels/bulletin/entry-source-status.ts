import type { DateTime } from 'luxon';
import type { Range } from '../../calendar/period.js';
import { bulletinIssuesIn } from '../../calendar/slots.js';
import type { MessageCode } from '../../i18n/catalogue.js';
import type { BulletinChannel } from '../../model/channel.js';
import { listPublications } from '../../store/publications.js';
import type { PublicationStatus } from '../../store/schema.js';
import type { Db } from '../../store/types.js';
import { bulletinEntries } from './entry-source.js';
import { bulletinDir, listIssues } from './files.js';
import { bulletinStatus } from './status.js';

/**
 * Where an issue stands for a reader: `upcoming` (planned, with items or still early),
 * `issued`, `warning-empty` (near and still empty), `missed-empty` (the day passed with no
 * item), `missed` (the day passed and it did not go out), `failed`.
 */
export type IssueListState =
  | 'upcoming'
  | 'issued'
  | 'warning-empty'
  | 'missed-empty'
  | 'missed'
  | 'failed';

/** The catalogue word of each state. */
export const ISSUE_STATE_MESSAGE: Record<IssueListState, MessageCode> = {
  upcoming: 'BULLETIN_STATE_UPCOMING',
  issued: 'BULLETIN_STATE_ISSUED',
  'warning-empty': 'BULLETIN_STATE_WARNING_EMPTY',
  'missed-empty': 'BULLETIN_STATE_MISSED_EMPTY',
  missed: 'BULLETIN_STATE_MISSED',
  failed: 'BULLETIN_STATE_FAILED',
};

/** One issue of a bulletin as `loa bulletin list` and `loa status` show it. */
export interface IssueRow {
  key: string;
  number: number;
  year: number;
  /** `Số 9/2024`. */
  label: string;
  /** The issue's local date and time, ISO 8601 with offset. */
  date: string;
  /** Articles written in the issue; before it is issued, the approved items it would gather. */
  items: number;
  state: IssueListState;
  /** The issue publication's state in the store, when it has one. */
  publication?: PublicationStatus;
  url?: string;
}

/** What the issue rows are computed from. */
export interface IssueRowsInput {
  channel: BulletinChannel;
  range: Range;
  now: DateTime;
  zone: string;
  /** Where issues are written; their article counts are read back from there. */
  dataDir: string;
}

function stateOf(
  calendar: ReturnType<typeof bulletinStatus>[number],
  publication: PublicationStatus | undefined,
  now: DateTime,
): IssueListState {
  if (publication === 'published') return 'issued';
  if (calendar.state === 'missed-empty' || calendar.state === 'warning-empty') {
    return calendar.state;
  }
  if (publication === 'failed') return 'failed';
  if (publication === 'missed' || (publication !== 'scheduled' && now >= calendar.issue.date)) {
    return 'missed';
  }
  return 'upcoming';
}

/**
 * The issues of a bulletin in a range, oldest first: calendar (bulletinIssuesIn), approved
 * items (the store), issue publications (the store) and issue files (the data directory).
 */
export async function bulletinIssueRows(db: Db, input: IssueRowsInput): Promise<IssueRow[]> {
  const { channel, now, zone } = input;
  const issues = bulletinIssuesIn(channel, input.range, zone);
  const pubs = new Map(
    (await listPublications(db, { channel: channel.id })).map((p) => [p.key, p] as const),
  );
  const written = new Map(
    (await listIssues(bulletinDir(input.dataDir, channel.id))).map((i) => [i.key, i] as const),
  );
  const entries = await bulletinEntries(db, channel.id, {
    zone,
    ...(channel.portal ? { portal: channel.portal } : {}),
  });
  const planned = issues.map((issue) => ({ ...issue }));
  const statuses = bulletinStatus(channel, planned, entries, now, { zone });
  return statuses.map((status) => {
    const pub = pubs.get(status.key);
    const file = written.get(status.key);
    const row: IssueRow = {
      key: status.key,
      number: status.issue.number,
      year: status.issue.year,
      label: status.issue.label,
      date: status.issue.date.toISO() ?? '',
      items: pub?.status === 'published' && file ? file.articles : status.items,
      state: stateOf(status, pub?.status, now),
    };
    if (pub) row.publication = pub.status;
    if (pub?.url) row.url = pub.url;
    return row;
  });
}
