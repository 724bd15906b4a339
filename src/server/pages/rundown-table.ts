import { DateTime } from 'luxon';
import { headingLines, rundownRows, segmentLine } from '../../broadcast/export-rows.js';
import { type Rundown, slotStart } from '../../broadcast/model.js';
import { computeTiming } from '../../broadcast/timing.js';
import { type MessageCode, message } from '../../i18n/catalogue.js';
import { currentLang } from '../../i18n/lang.js';
import { type Html, html } from './html.js';
import { cell, csrfField } from './layout.js';
import { rundownAudio } from './rundown-audio.js';

/** Where the script that drags stories lives (served by `assetRoutes`). */
export const RUNDOWN_SCRIPT_PATH = '/assets/rundown.js';

/** What a rundown section may offer: the week's path, its slot number and the session. */
export interface RundownTableOptions {
  /** `/rundown/<channel>/<week>`: the story and unlock forms post under it. */
  weekPath: string;
  /** The slot's number in the week (1-based), as the forms name it. */
  n: number;
  /** The user may change rundowns (rundown:write). */
  canWrite: boolean;
  csrf: string | undefined;
}

const STATE_WORDS: Record<Rundown['state'], MessageCode> = {
  draft: 'RUNDOWN_STATE_DRAFT',
  ready: 'RUNDOWN_STATE_READY',
  locked: 'RUNDOWN_STATE_LOCKED',
  aired: 'RUNDOWN_STATE_AIRED',
};

/** One button of a story: posts `action` for the story of `slug` in slot `n`. */
function storyButton(
  o: RundownTableOptions,
  slug: string,
  action: 'up' | 'down' | 'float' | 'unfloat',
  label: string,
  text: string,
): Html {
  return html`<form class="inline" method="post" action="${o.weekPath}/story">${csrfField(o.csrf)}<input type="hidden" name="slot" value="${o.n}"><input type="hidden" name="slug" value="${slug}"><button class="secondary small" name="action" value="${action}" aria-label="${label}">${text}</button></form>`;
}

/** The controls of one story: up, down, float or unfloat, each only where it can apply. */
function storyControls(
  o: RundownTableOptions,
  row: { slug: string; title: string; floated: boolean },
  index: number,
  count: number,
): Html {
  const title = row.title;
  const up =
    index > 0 ? storyButton(o, row.slug, 'up', message('PAGE_STORY_UP', { title }), '↑') : '';
  const down =
    index < count - 1
      ? storyButton(o, row.slug, 'down', message('PAGE_STORY_DOWN', { title }), '↓')
      : '';
  const float = row.floated
    ? storyButton(
        o,
        row.slug,
        'unfloat',
        message('PAGE_STORY_UNFLOAT', { title }),
        message('PAGE_STORY_UNFLOAT_SHORT'),
      )
    : storyButton(
        o,
        row.slug,
        'float',
        message('PAGE_STORY_FLOAT', { title }),
        message('PAGE_STORY_FLOAT_SHORT'),
      );
  return html`<div class="actions story-actions">${up}${down}${float}</div>`;
}

/** The unlock form of a locked rundown: a reason is required and kept in its history. */
function unlockForm(o: RundownTableOptions, rundown: Rundown): Html {
  const id = `unlock-${o.n}`;
  return html`<form method="post" action="${o.weekPath}/unlock" class="filters unlock">${csrfField(o.csrf)}<input type="hidden" name="slot" value="${o.n}">
<label for="${id}">${message('PAGE_UNLOCK_REASON')}</label> <input id="${id}" name="reason" required maxlength="500" autocomplete="off">
<button class="danger">${message('PAGE_UNLOCK', { air: slotStart(rundown.slot).toFormat('dd/MM HH:mm') })}</button></form>`;
}

/** Who moved the rundown, when and why: its history, oldest first. */
function historyList(rundown: Rundown): Html | '' {
  if (rundown.history.length === 0) return '';
  const items = rundown.history.map((e) => {
    const at = DateTime.fromISO(e.at).setZone(rundown.slot.zone).toFormat('dd/MM/yyyy HH:mm');
    return html`<li>${message('PAGE_RUNDOWN_EVENT', { at, actor: e.actor, from: message(STATE_WORDS[e.from]), to: message(STATE_WORDS[e.to]) })}${e.reason ? html` — <q>${e.reason}</q>` : ''}</li>`;
  });
  return html`<details class="history"><summary>${message('PAGE_RUNDOWN_HISTORY', { count: rundown.history.length })}</summary><ul>${items}</ul></details>`;
}

/**
 * One rundown as the studio reads it: heading, then each segment and story with timing. A
 * draft or ready rundown offers, to those who may change it, each story's move up, move down
 * and float (forms that work without JavaScript; `/assets/rundown.js` adds drag and drop and
 * recomputes cume and back-time as the story lands); a locked one offers the unlock form.
 */
export function rundownTable(rundown: Rundown, o: RundownTableOptions): Html {
  const lang = currentLang();
  const { rows, timing } = rundownRows(rundown);
  const meta = headingLines(rundown, timing, lang);
  const editable = o.canWrite && (rundown.state === 'draft' || rundown.state === 'ready');
  const col = {
    order: message('RUNDOWN_COL_ORDER'),
    slug: message('RUNDOWN_COL_SLUG'),
    title: message('RUNDOWN_COL_TITLE'),
    presenter: message('RUNDOWN_COL_PRESENTER'),
    planned: message('RUNDOWN_COL_PLANNED'),
    cume: message('RUNDOWN_COL_CUME'),
    back: message('RUNDOWN_COL_BACK'),
    ...(editable ? { actions: message('PAGE_ACTIONS') } : {}),
  };
  const seconds = computeTiming(rundown).items.map((t) => t.item.plannedSec);
  const body: Html[] = [];
  let index = 0;
  for (const [position, segment] of timing.segments.entries()) {
    body.push(
      html`<tr class="segment"><th colspan="${Object.keys(col).length}" scope="rowgroup">${segmentLine(segment, lang)}</th></tr>\n`,
    );
    const count = rundown.segments[position]?.items.length ?? 0;
    for (const row of rows.slice(index, index + count)) {
      const at = Number(row.order) - 1;
      const marks = [
        row.floated ? message('RUNDOWN_COL_FLOATED') : '',
        row.evergreen ? message('RUNDOWN_EVERGREEN') : '',
      ].filter((m) => m !== '');
      const controls = editable
        ? cell(col.actions ?? '', storyControls(o, row, at, rows.length))
        : '';
      body.push(
        html`<tr data-slug="${row.slug}" data-planned="${seconds[at] ?? 0}"${row.floated ? html` class="floated" data-floated=""` : ''}>${cell(col.order, row.order, 'num')}${cell(col.slug, row.slug, 'slug')}${cell(col.title, html`<strong>${row.title}</strong>${marks.length ? ` (${marks.join(', ')})` : ''}${row.notes ? html`<div class="notes">${row.notes}</div>` : ''}`)}${cell(col.presenter, row.presenter)}${cell(col.planned, row.planned, 'num')}${cell(col.cume, row.cume, 'time cume')}${cell(col.back, row.back, 'time back')}${controls}</tr>\n`,
      );
    }
    index += count;
  }
  const start = slotStart(rundown.slot);
  const timingData = html` data-start="${start.hour * 3600 + start.minute * 60 + start.second}" data-length="${rundown.slot.lengthSec}" data-opening="${rundown.audio?.openingSec ?? 0}" data-closing="${rundown.audio?.closingSec ?? 0}"`;
  const unlock = o.canWrite && rundown.state === 'locked' ? unlockForm(o, rundown) : '';
  return html`<section class="rundown" id="slot-${o.n}" data-rundown="${rundown.id}" data-state="${rundown.state}" data-slot="${o.n}"${editable ? html` data-movable=""${timingData}` : ''}><h2>${rundown.programme} — ${rundown.station}</h2>
${meta.map((line, i) => html`<p class="${i >= 2 ? 'problem' : 'meta'}">${line}</p>`)}${rundownAudio(rundown)}${editable ? html`<p class="muted no-print">${message('PAGE_STORY_DRAG_HINT')}</p>` : ''}
<table class="stack rundown-table"><thead><tr>${Object.values(col).map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${body}</tbody></table>${unlock}${historyList(rundown)}</section>`;
}
