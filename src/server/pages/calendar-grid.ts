import type { DateTime } from 'luxon';
import { WEEKDAY_CODES } from '../../calendar/display.js';
import { type MessageCode, message } from '../../i18n/catalogue.js';
import type { PublicationStatus } from '../../store/schema.js';
import { type Html, html } from './html.js';

/** One dated thing on the calendar page, with its instant in the plan's zone. */
export interface CalendarLine {
  at: DateTime;
  kind: 'publication' | 'broadcast' | 'bulletin' | 'report';
  /** A publication's state. */
  status?: PublicationStatus;
  /** The channel's id; empty for a report. */
  channel: string;
  /** What it is: the item's title, the task of a slot, the issue, the report. */
  text: string;
  /** The item of a publication. */
  item?: string;
  /** The topics of a publication's item. */
  topics?: string[];
  /** A day rather than a time (bulletin issue days, report due dates). */
  allDay?: boolean;
}

/** The publication states a day cell shows; cancelled and taken-down ones stay in the list. */
const GRID_STATUSES: ReadonlySet<string> = new Set(['scheduled', 'published', 'failed', 'missed']);

/** The word of each publication state, as the calendar shows it. */
export const PUBLICATION_WORDS: Record<PublicationStatus, MessageCode> = {
  scheduled: 'PAGE_PUB_SCHEDULED',
  published: 'PAGE_PUB_PUBLISHED',
  failed: 'PAGE_PUB_FAILED',
  missed: 'PAGE_PUB_MISSED',
  cancelled: 'PAGE_PUB_CANCELLED',
  withdrawn: 'PAGE_PUB_WITHDRAWN',
};

/** The word of a line's kind: a publication's state, an airing, an issue, a report due. */
export function kindWord(line: CalendarLine): string {
  if (line.kind === 'publication') return message(PUBLICATION_WORDS[line.status ?? 'scheduled']);
  if (line.kind === 'broadcast') return message('PAGE_CAL_BROADCAST');
  if (line.kind === 'bulletin') return message('PAGE_CAL_BULLETIN');
  return message('PAGE_CAL_REPORT');
}

/** The CSS classes of a line: its kind and, for a publication, its state. */
function classes(line: CalendarLine): string {
  return line.status ? `${line.kind} ${line.status}` : line.kind;
}

function entry(line: CalendarLine): Html {
  const time = line.allDay ? '' : html`<time>${line.at.toFormat('HH:mm')}</time> `;
  const channel = line.channel ? html` <span class="ch">(${line.channel})</span>` : '';
  const item = line.item ? html` data-item="${line.item}"` : '';
  return html`<li class="${classes(line)}"${item}>${time}<span class="kind">${kindWord(line)}:</span> ${line.text}${channel}</li>`;
}

/**
 * A month as a grid of ISO weeks (Monday first), the week number at each row's start, each
 * day listing its lines in time order; `today` is marked. Days of the neighbouring months
 * are shown greyed and empty. On a narrow screen the grid becomes a list of the days that
 * have something (see CALENDAR_STYLE).
 */
export function monthGrid(
  month: DateTime,
  lines: readonly CalendarLine[],
  today: DateTime,
  movable = false,
): Html {
  const first = month.startOf('month');
  const byDay = new Map<string, CalendarLine[]>();
  for (const line of lines) {
    if (line.kind === 'publication' && !GRID_STATUSES.has(line.status ?? '')) continue;
    const day = line.at.toISODate() ?? '';
    byDay.set(day, [...(byDay.get(day) ?? []), line]);
  }
  const todayKey = today.toISODate();
  const rows: Html[] = [];
  for (
    let week = first.startOf('week');
    week <= first.endOf('month');
    week = week.plus({ weeks: 1 })
  ) {
    let busy = false;
    const cells = WEEKDAY_CODES.map((code, i) => {
      const day = week.plus({ days: i });
      const key = day.toISODate() ?? '';
      const inMonth = day.month === first.month;
      const own = inMonth ? (byDay.get(key) ?? []) : [];
      const isToday = key === todayKey;
      if (own.length > 0 || (isToday && inMonth)) busy = true;
      const cls = ['day', inMonth ? '' : 'out', isToday ? 'today' : '', own.length ? '' : 'empty']
        .filter(Boolean)
        .join(' ');
      const mark = isToday
        ? html` <strong class="today-tag">${message('PAGE_CAL_TODAY')}</strong>`
        : '';
      const list = own.length ? html`<ul>${own.map(entry)}</ul>` : '';
      return html`<td class="${cls}" data-date="${key}"><p class="date"><time datetime="${key}"><span class="dow">${message(code)}, </span>${day.toFormat('d')}<span class="dow">/${day.toFormat('M')}</span></time>${mark}</p>${list}</td>`;
    });
    const label = message('PAGE_CAL_WEEK_NO', { week: week.weekNumber });
    rows.push(
      html`<tr class="${busy ? 'busy' : 'quiet'}" data-week="${week.toFormat("kkkk-'W'WW")}"><th scope="row" class="wk" title="${label}"><span class="wk-word">${message('PAGE_WEEK')} </span>${week.weekNumber}</th>${cells}</tr>\n`,
    );
  }
  const head = WEEKDAY_CODES.map((code) => html`<th scope="col">${message(code)}</th>`);
  return html`<table class="month"${movable ? html` data-movable` : ''}><thead><tr><th scope="col" class="wk">${message('PAGE_WEEK')}</th>${head}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** The calendar page's CSS: the grid, the phone list (360 px), and A4 print. */
export const CALENDAR_STYLE = `
.cal-nav{display:flex;gap:1rem;flex-wrap:wrap;align-items:baseline}
table.month{table-layout:fixed}
table.month th.wk{width:3.2rem;text-align:center;color:#3d3d3d}
table.month td{height:5.5rem;font-size:.85rem}
table.month td.out{background:#f5f5f5;color:#595959}
table.month td.drop{outline:3px dashed #0b3d91;outline-offset:-3px}
table.month li[draggable=true]{cursor:grab}
table.month td.today{outline:3px solid #0b3d91;outline-offset:-3px;background:#eef3fc}
table.month ul{list-style:none;margin:0;padding:0}
table.month li{margin:.15rem 0;overflow-wrap:anywhere}
table.month .date{margin:0 0 .2rem;font-weight:bold}
.today-tag{color:#0b3d91;font-size:.75rem;text-transform:uppercase}
.dow,.wk-word{display:none}.kind,.ch{color:#555}
li.published{color:#1a7f37}li.failed,li.missed{color:#c62828}li.cancelled,li.withdrawn{color:#595959}
li.broadcast,li.bulletin{color:#4a148c}li.report{color:#9a5700}
@media (max-width:40rem){
main{padding:.5rem}
table.month,table.month tbody,table.month tr,table.month th,table.month td{display:block;width:auto;height:auto;border:0}
table.month thead,table.month td.out,table.month td.empty:not(.today),table.month tr.quiet{display:none}
table.month th.wk{width:auto;text-align:left;background:#e8eef8;padding:.2rem .5rem;margin-top:.5rem}
table.month td{border-bottom:1px solid #ddd;padding:.4rem .5rem;font-size:1rem}
.dow,.wk-word{display:inline}
}
@media print{
@page{size:A4 landscape;margin:10mm}
main{max-width:none;padding:0}.cal-nav{display:none}
table.month td{height:2.2cm;font-size:8pt;padding:.1rem .2rem}
table.month tr{break-inside:avoid}
}`;
