import { DateTime } from 'luxon';
import { WEEKDAY_CODES } from '../../calendar/display.js';
import { message } from '../../i18n/catalogue.js';
import type { Channel } from '../../model/channel.js';
import { hasCapability } from '../../model/channel-kinds.js';
import { nextFreeSlot } from '../../scheduler/plan/planner.js';
import { type CalendarLine, kindWord } from './calendar-grid.js';
import { type Html, html } from './html.js';

/** A posting slot of a channel that nothing holds yet: a gap in the week. */
export interface FreeSlot {
  channel: string;
  at: DateTime;
}

/**
 * The free posting slots of each channel that takes items and has a posting schedule,
 * from `from` (or now, if later) to `to`, in `zone`: where the week still has room.
 */
export function freeSlots(
  channels: readonly Channel[],
  occupied: ReadonlyMap<string, ReadonlySet<string>>,
  zoneOf: (channel: Channel) => string,
  from: DateTime,
  to: DateTime,
  now: DateTime,
): FreeSlot[] {
  const free: FreeSlot[] = [];
  for (const channel of channels) {
    if (!channel.postingSchedule || !hasCapability(channel, 'takesItems')) continue;
    const zone = zoneOf(channel);
    const taken = new Set(occupied.get(channel.id) ?? []);
    let after = DateTime.max(from.minus({ milliseconds: 1 }), now);
    for (let n = 0; n < 200; n++) {
      const slot = nextFreeSlot({ channel, zone, occupied: taken, after, horizon: 500 });
      if (!slot) break;
      const at = DateTime.fromISO(slot, { zone: 'utc' }).setZone(zone);
      if (at >= to) break;
      free.push({ channel: channel.id, at });
      taken.add(slot);
      after = at;
    }
  }
  return free.sort((a, b) => a.at.toMillis() - b.at.toMillis());
}

/** What the week view needs beyond its lines. */
export interface WeekViewOptions {
  /** Monday of the ISO week, in the plan's zone. */
  week: DateTime;
  today: DateTime;
  free: readonly FreeSlot[];
  /** Scheduled items an editor may move (no-JS form), or none for a reader. */
  movable?: {
    /** The form's CSRF field. */
    csrf: Html;
    items: { id: string; title: string }[];
    /** The week view's address, to come back to. */
    back: string;
  };
}

function line(l: CalendarLine): Html {
  const time = l.allDay ? '' : html`<time>${l.at.toFormat('HH:mm')}</time> `;
  const channel = l.channel ? html` <span class="ch">(${l.channel})</span>` : '';
  const item = l.item ? html` data-item="${l.item}"` : '';
  const cls = l.status ? `${l.kind} ${l.status}` : l.kind;
  return html`<li class="${cls}"${item}>${time}<span class="kind">${kindWord(l)}:</span> ${l.text}${channel}</li>`;
}

function gap(slot: FreeSlot): Html {
  return html`<li class="gap" data-channel="${slot.channel}"><time>${slot.at.toFormat('HH:mm')}</time> <span class="kind">${message('PAGE_CAL_FREE_SLOT')}</span> <span class="ch">(${slot.channel})</span></li>`;
}

/** The form that moves a scheduled item to a day without JavaScript (drag and drop does the same). */
function moveForm(date: string, movable: NonNullable<WeekViewOptions['movable']>): Html {
  if (movable.items.length === 0) return html``;
  const options = movable.items.map((i) => html`<option value="${i.id}">${i.title}</option>`);
  return html`<details class="move"><summary>${message('PAGE_CAL_MOVE_HERE')}</summary><form method="post" action="/calendar/move">${movable.csrf}<input type="hidden" name="date" value="${date}"><input type="hidden" name="back" value="${movable.back}"><label>${message('PAGE_CAL_ITEM')} <select name="item">${options}</select></label> <button>${message('PAGE_CAL_MOVE')}</button></form></details>`;
}

/**
 * One ISO week, a column per day on a wide screen and a list of days on a phone: each day
 * lists what is scheduled or went out, the plan's airings and bulletin issue days beside it,
 * and the posting slots still free (gaps, highlighted). An editor drags an item to a day, or
 * picks it in the day's form without JavaScript.
 */
export function weekView(lines: readonly CalendarLine[], options: WeekViewOptions): Html {
  const { week, today, free, movable } = options;
  const days = WEEKDAY_CODES.map((code, i) => {
    const day = week.plus({ days: i });
    const key = day.toISODate() ?? '';
    const own = lines.filter(
      (l) => l.at.toISODate() === key && (l.kind !== 'publication' || l.status !== 'cancelled'),
    );
    const gaps = free.filter((s) => s.at.toISODate() === key);
    const entries = [
      ...own.map((l) => ({ at: l.allDay ? 0 : l.at.toMillis(), html: line(l) })),
      ...gaps.map((s) => ({ at: s.at.toMillis(), html: gap(s) })),
    ].sort((a, b) => a.at - b.at);
    const list = entries.length
      ? html`<ul>${entries.map((e) => e.html)}</ul>`
      : html`<p class="muted">${message('PAGE_CAL_NOTHING_DAY')}</p>`;
    const cls = ['wday', key === today.toISODate() ? 'today' : '', gaps.length ? 'has-gap' : '']
      .filter(Boolean)
      .join(' ');
    const form = movable ? moveForm(key, movable) : '';
    return html`<section class="${cls}" data-date="${key}" aria-labelledby="d-${key}"><h3 id="d-${key}">${message(code)} ${day.toFormat('dd/MM')}</h3>${list}${form}</section>`;
  });
  const summary = message('PAGE_CAL_GAPS', { count: free.length });
  return html`<p class="${free.length ? 'gaps' : 'muted'}">${summary}</p><div class="week"${movable ? html` data-movable` : ''}>${days}</div>`;
}

/** The week view's CSS: seven columns on a wide screen, a list of days on a phone. */
export const WEEK_STYLE = `
.week{display:grid;grid-template-columns:repeat(7,minmax(0,1fr));gap:.4rem}
.wday{border:1px solid #ccc;border-radius:4px;padding:.3rem .4rem;font-size:.85rem;min-height:8rem}
.wday h3{font-size:.95rem;margin:.1rem 0 .3rem}
.wday ul{list-style:none;margin:0;padding:0}.wday li{margin:.2rem 0;overflow-wrap:anywhere}
.wday.today{outline:3px solid #0b3d91;outline-offset:-3px;background:#eef3fc}
.wday.drop{outline:3px dashed #0b3d91;outline-offset:-3px}
.wday li[draggable=true]{cursor:grab}
li.gap{background:#fff4e5;border-left:4px solid #9a5700;padding-left:.3rem;color:#5c3400}
p.gaps{font-weight:bold;color:#5c3400}
.wday details.move{margin-top:.4rem}.wday details.move select{max-width:100%}
@media (max-width:60rem){.week{grid-template-columns:minmax(0,1fr)}.wday{min-height:0;font-size:1rem}}
`;
