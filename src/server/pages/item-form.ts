import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context, Hono } from 'hono';
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { SUBMITTABLE, submitItem } from '../../app/queue.js';
import type { AuthUser } from '../../auth/roles.js';
import { renderPostContent } from '../../channels/wordpress/post-content.js';
import { LoaError } from '../../errors/loa-error.js';
import { hint, message } from '../../i18n/catalogue.js';
import { hasCapability } from '../../model/channel-kinds.js';
import type { ContentItem } from '../../model/item.js';
import { DEFAULT_ZONE } from '../../model/primitives.js';
import { channelZone, nextFreeSlot } from '../../scheduler/plan/planner.js';
import { findItem, itemVersion } from '../../store/items.js';
import { occupiedSlots } from '../../store/publications.js';
import { UNAPPROVED } from '../../store/schema.js';
import { slugify } from '../../text/vietnamese.js';
import { addItemText, queueEntries } from '../api-queue.js';
import { requires } from '../auth.js';
import { queueContext, type ServerContext, type ServerEnv } from '../context.js';
import { statusOf } from '../refusal.js';
import { checkUpload } from '../uploads.js';
import { type Html, html, trusted } from './html.js';
import { renditionPreview, renditionRoutes } from './item-renditions.js';
import { csrfField, page, problemBox } from './layout.js';
import { channelStatesHtml, STATE_WORDS } from './queue.js';

/** Where the form's script is served. */
export const EDITOR_SCRIPT_PATH = '/assets/editor.js';

/** What the editor typed, kept when the form comes back with a refusal. */
export interface ItemFormValues {
  id?: string;
  title: string;
  summary: string;
  body: string;
  topics: string[];
  channels: string[];
  unit: string;
  author: string;
  /** `datetime-local` in the plan's zone; empty: the next free slot. */
  when: string;
  priority: string;
  durationSec: string;
  media: { file: string; alt: string }[];
  /** Alt text of a new image. */
  alt: string;
}

const EMPTY: ItemFormValues = {
  title: '',
  summary: '',
  body: '',
  topics: [],
  channels: [],
  unit: '',
  author: '',
  when: '',
  priority: '3',
  durationSec: '',
  media: [],
  alt: '',
};

const text = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC').trim() : '');
const list = (v: unknown) => [v].flat().map(text).filter(Boolean);

function zoneOf(ctx: ServerContext): string {
  return ctx.session.project.plans[0]?.value.timeZone ?? DEFAULT_ZONE;
}

/** The next `n` free posting slots of each channel that has a posting schedule, in words. */
async function nextSlots(ctx: ServerContext, n = 3): Promise<Map<string, string[]>> {
  const { config, store } = ctx.session;
  const out = new Map<string, string[]>();
  const now = ctx.clock.now();
  for (const ch of config.channels.values()) {
    if (!ch.postingSchedule) continue;
    const zone = channelZone(ch, config.planZones);
    const taken = new Set(await occupiedSlots(store, ch.id));
    const slots: string[] = [];
    for (let i = 0; i < n; i++) {
      const slot = nextFreeSlot({
        channel: ch,
        zone,
        occupied: taken,
        after: now,
        horizon: 2000,
      });
      if (!slot) break;
      taken.add(slot);
      slots.push(
        DateTime.fromISO(slot, { zone: 'utc' })
          .setZone(zone)
          .toFormat('ccc dd/MM HH:mm', { locale: message('PAGE_LANG') }),
      );
    }
    out.set(ch.id, slots);
  }
  return out;
}

/** The form's values from a stored item. */
function valuesOf(item: ContentItem): ItemFormValues {
  return {
    id: item.id,
    title: item.title,
    summary: item.summary ?? '',
    body: item.body,
    topics: [...item.topics],
    channels: [...item.channels],
    unit: item.unit,
    author: item.author,
    when: item.publishAt ? item.publishAt.replace(' ', 'T').slice(0, 16) : '',
    priority: String(item.priority),
    durationSec: item.durationSec ? String(item.durationSec) : '',
    media: item.media.map((m) => ({ file: m.file, alt: m.alt })),
    alt: '',
  };
}

/** The item form: every field labelled, the topics and units of the plans, channels with their next slots. */
async function formHtml(
  c: Context<ServerEnv>,
  ctx: ServerContext,
  values: ItemFormValues,
  problem?: { message: string; hint: string | undefined },
): Promise<Html> {
  const user = c.get('user') as AuthUser;
  const csrf = c.get('csrf');
  const plans = ctx.session.project.plans.map((p) => p.value);
  const slots = await nextSlots(ctx);
  const checked = (on: boolean) => (on ? html` checked` : '');
  // Each topic once, under the first plan that names it.
  const seen = new Set<string>();
  const topics = plans
    .map((p) => ({ p, own: p.topics.filter((t) => !seen.has(t.id) && seen.add(t.id)) }))
    .filter(({ own }) => own.length > 0)
    .map(
      ({ p, own }) =>
        html`<fieldset class="choices"><legend>${message('PAGE_ITEM_TOPICS_OF', { plan: p.document.number })}</legend>${own.map(
          (t) =>
            html`<label><input type="checkbox" name="topics" value="${t.id}"${checked(values.topics.includes(t.id))}> ${t.title}${t.focus ? html` <span class="badge">${message('PAGE_ITEM_FOCUS')}</span>` : ''}</label>`,
        )}</fieldset>`,
    );
  const channels = [...ctx.session.config.channels.values()]
    .filter((ch) => hasCapability(ch, 'takesItems'))
    .map((ch) => {
      const next = slots.get(ch.id);
      const when = next?.length
        ? message('PAGE_ITEM_NEXT_SLOTS', { slots: next.join(' · ') })
        : message('PAGE_ITEM_NO_SCHEDULE');
      return html`<label class="channel"><input type="checkbox" name="channels" value="${ch.id}"${checked(values.channels.includes(ch.id))}> <strong>${ch.name}</strong> <span class="muted">(${ch.id}) — ${when}</span></label>`;
    });
  const units = new Map<string, string>();
  for (const p of plans) for (const u of p.units) if (!units.has(u.id)) units.set(u.id, u.name);
  const unitOptions = [...units].map(
    ([id, name]) =>
      html`<option value="${id}"${values.unit === id ? html` selected` : ''}>${name}</option>`,
  );
  const previews = await Promise.all(values.media.map((m) => renditionPreview(ctx, m)));
  const media = values.media.map(
    (m, i) =>
      html`<div class="media"><p><input type="hidden" name="mediaFile" value="${m.file}"><label>${message('PAGE_ITEM_ALT_OF', { file: m.file })} <input name="mediaAlt" value="${m.alt}" required data-index="${i}"></label></p>${previews[i] ?? ''}</div>`,
  );
  const zone = zoneOf(ctx);
  const title = values.id ? message('PAGE_ITEM_EDIT', { id: values.id }) : message('PAGE_ITEM_NEW');
  const entry = values.id ? (await queueEntries(ctx)).find((e) => e.id === values.id) : undefined;
  const state = entry
    ? html`<section class="item-state" aria-labelledby="item-state"><p id="item-state">${message('PAGE_ITEM_STATE', { state: message(STATE_WORDS[entry.status]), version: entry.version })}</p>${channelStatesHtml(ctx, entry)}${UNAPPROVED.has(entry.status) || entry.status === 'withdrawn' ? '' : html`<p class="notice-inline">${message('PAGE_ITEM_REAPPROVE')}</p>`}</section>`
    : '';
  const body = html`${problem ? problemBox(problem) : ''}${state}
<form id="item-form" method="post" action="/items" enctype="multipart/form-data" class="item-form">${csrfField(csrf)}
${values.id ? html`<input type="hidden" name="id" value="${values.id}">` : ''}
<p><label for="f-title">${message('PAGE_TITLE')}</label><input id="f-title" name="title" value="${values.title}" required maxlength="300"></p>
<p><label for="f-summary">${message('PAGE_ITEM_SUMMARY')}</label><textarea id="f-summary" name="summary" rows="2" maxlength="1000">${values.summary}</textarea></p>
<div class="editor"><p><label for="f-body">${message('PAGE_ITEM_BODY')}</label><textarea id="f-body" name="body" rows="14" required>${values.body}</textarea></p>
<section class="preview-box" aria-live="polite"><h2>${message('PAGE_ITEM_PREVIEW')}</h2><div id="preview"><p class="muted">${message('PAGE_ITEM_PREVIEW_HINT')}</p></div></section></div>
${topics}
<fieldset class="choices"><legend>${message('PAGE_CHANNELS')}</legend>${channels}</fieldset>
<p><label for="f-when">${message('PAGE_ITEM_WHEN', { zone })}</label><input id="f-when" type="datetime-local" name="when" value="${values.when}" aria-describedby="when-help"></p>
<p id="when-help" class="muted">${message('PAGE_ITEM_WHEN_HELP')}</p>
<p class="row"><label>${message('PAGE_ITEM_UNIT')} <select name="unit" required>${unitOptions}</select></label>
<label>${message('PAGE_ITEM_AUTHOR')} <input name="author" value="${values.author || user.name}" required maxlength="200"></label>
<label>${message('PAGE_ITEM_PRIORITY')} <input type="number" name="priority" min="1" max="5" value="${values.priority}"></label>
<label>${message('PAGE_ITEM_DURATION')} <input type="number" name="durationSec" min="1" max="7200" value="${values.durationSec}"></label></p>
<fieldset class="choices"><legend>${message('PAGE_ITEM_IMAGES')}</legend>${media}
<p><label>${message('PAGE_ITEM_IMAGE')} <input type="file" name="file" accept=".jpg,.jpeg,.png"></label></p>
<p><label>${message('PAGE_ITEM_ALT')} <input name="alt" value="${values.alt}" maxlength="300"></label></p>
<p class="muted">${message('PAGE_ITEM_ALT_HELP')}</p></fieldset>
<p class="actions"><button type="submit" name="action" value="save" class="secondary">${message('PAGE_ITEM_SAVE')}</button> <button type="submit" name="action" value="submit">${message('PAGE_ITEM_SAVE_SUBMIT')}</button> <a href="/queue">${message('PAGE_ITEM_CANCEL')}</a></p>
</form>`;
  return page(title, body, { user, csrf, path: '/queue', scripts: [EDITOR_SCRIPT_PATH] });
}

/** A free id for a new item: the title's slug, with `-2`, `-3`… when it is taken. */
async function freeId(ctx: ServerContext, title: string): Promise<string> {
  const base = slugify(title) || 'bai';
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await findItem(ctx.session.store, id))) return id;
  }
}

/** The Markdown file of the form's values: YAML front matter, then the body. */
function markdownOf(values: ItemFormValues): string {
  const front: Record<string, unknown> = {
    title: values.title,
    ...(values.summary ? { summary: values.summary } : {}),
    topics: values.topics,
    channels: values.channels,
    unit: values.unit,
    author: values.author,
    ...(values.when ? { publishAt: values.when.replace('T', ' ') } : { slot: 'next' }),
    priority: Number(values.priority) || 3,
    ...(values.durationSec ? { durationSec: Number(values.durationSec) } : {}),
    ...(values.media.length ? { media: values.media } : {}),
  };
  return `---\n${stringify(front)}---\n${values.body.replace(/\r\n/g, '\n')}\n`;
}

/**
 * The editor's forms: `/items/new` and `/items/<id>/edit` (title, summary, Markdown body
 * with a live preview rendered as the portal renders it, the plans' topics by title, the
 * channels with their next free slots, a time in the plan's zone or the next free slot,
 * images with required alt text). Saving writes the item as `loa queue add` does, as a
 * draft: an edit of an approved item returns it for approval.
 */
export function itemPages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  renditionRoutes(app, ctx);
  app.get('/items/new', requires('queue:write'), async (c) =>
    c.html(await formHtml(c, ctx, { ...EMPTY })),
  );
  app.get('/items/:id/edit', requires('queue:write'), async (c) => {
    const id = c.req.param('id').normalize('NFC');
    const row = await findItem(ctx.session.store, id);
    const item = row ? await itemVersion(ctx.session.store, id, row.version) : undefined;
    if (!item) throw new LoaError('ITEM_NOT_FOUND', { params: { id }, kind: 'not-found' });
    return c.html(await formHtml(c, ctx, valuesOf(item)));
  });
  app.post('/items/preview', requires('queue:write'), async (c) => {
    const body = await c.req.parseBody();
    // The post's own markup, as loa's WordPress renderer makes it (it escapes the text).
    return c.html(trusted(renderPostContent(text(body.body))));
  });
  app.post('/items', requires('queue:write'), async (c) => {
    const user = c.get('user') as AuthUser;
    const body = await c.req.parseBody({ all: true });
    const files = list(body.mediaFile);
    const alts = [body.mediaAlt].flat().map(text);
    const values: ItemFormValues = {
      ...(text(body.id) ? { id: text(body.id) } : {}),
      title: text(body.title),
      summary: text(body.summary),
      body: typeof body.body === 'string' ? body.body.normalize('NFC') : '',
      topics: list(body.topics),
      channels: list(body.channels),
      unit: text(body.unit),
      author: text(body.author),
      when: text(body.when),
      priority: text(body.priority) || '3',
      durationSec: text(body.durationSec),
      media: files.map((file, i) => ({ file, alt: alts[i] ?? '' })),
      alt: text(body.alt),
    };
    try {
      if (values.channels.length === 0) throw new LoaError('PAGE_ITEM_NO_CHANNEL');
      if (values.media.some((m) => !m.alt)) throw new LoaError('PAGE_ITEM_NO_ALT');
      const id = values.id ?? (await freeId(ctx, values.title));
      const image = [body.file].flat().find((f): f is File => f instanceof File && f.size > 0);
      if (image) {
        if (!values.alt) throw new LoaError('PAGE_ITEM_NO_ALT');
        const bytes = new Uint8Array(await image.arrayBuffer());
        const name = checkUpload(image.name.normalize('NFC'), image.type, bytes);
        const file = `${id}-${slugify(name.replace(/\.[^.]+$/, ''))}${name.slice(name.lastIndexOf('.')).toLowerCase()}`;
        const dir = join(ctx.session.dataDir, 'api-items');
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, file), bytes);
        values.media.push({ file, alt: values.alt });
        values.alt = '';
      }
      const saved = await addItemText(ctx, user.name, markdownOf(values), id);
      const submit = text(body.action) === 'submit' && SUBMITTABLE.includes(saved.row.status);
      if (submit) await submitItem(queueContext(ctx, user), saved.row.id);
      const done = submit ? 'submitted' : 'saved';
      return c.redirect(
        `/queue?${done}=${encodeURIComponent(saved.row.id)}#item-${encodeURIComponent(saved.row.id)}`,
        303,
      );
    } catch (error) {
      if (!(error instanceof LoaError)) throw error;
      c.set('refused', error.code);
      const problem = {
        message: message(error.code, error.params),
        hint: hint(error.code, error.params),
      };
      return c.html(await formHtml(c, ctx, values, problem), statusOf(error));
    }
  });
}
