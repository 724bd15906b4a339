import type { Hono } from 'hono';
import { z } from 'zod';
import { allows } from '../../auth/roles.js';
import { rundownHtml } from '../../broadcast/exports.js';
import { recordAsRun } from '../../broadcast/service-as-run.js';
import { moveRundowns } from '../../broadcast/service-state.js';
import { message } from '../../i18n/catalogue.js';
import { currentLang } from '../../i18n/lang.js';
import { escapeHtml } from '../../text/html.js';
import { weekRundowns } from '../api-rundowns.js';
import { nfcDeep } from '../api-spec.js';
import { requires } from '../auth.js';
import { broadcastContext, type ServerContext, type ServerEnv } from '../context.js';
import { csrfField, page } from './layout.js';

/**
 * The rundown page: the week's rundowns of a broadcast channel (cume and back-time come
 * with rundownHtml), printable; `/rundown` lists the broadcast channels.
 */
export function rundownPages(app: Hono<ServerEnv>, ctx: ServerContext): void {
  app.get('/rundown', requires('rundown:read'), (c) => {
    const channels = [...ctx.session.config.channels.values()].filter(
      (ch) => ch.kind === 'broadcast',
    );
    const list = channels
      .map(
        (ch) =>
          `<li><a href="/rundown/${encodeURIComponent(ch.id)}/current">${escapeHtml(ch.id)}</a></li>`,
      )
      .join('');
    return c.html(page(message('PAGE_RUNDOWN'), `<ul>${list}</ul>`, c.get('user'), c.get('csrf')));
  });
  app.get('/rundown/:channel/:week', requires('rundown:read'), async (c) => {
    const { channel, week } = c.req.param();
    const { week: label, rundowns } = await weekRundowns(ctx, channel, week);
    const lang = currentLang();
    const parts = rundowns.map((r) => {
      const html = rundownHtml(r, { lang });
      const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
      const style = /<style[^>]*>[\s\S]*?<\/style>/i.exec(html)?.[0] ?? '';
      return `${style}<section class="rundown">${body}</section>`;
    });
    const links = (['json', 'csv', 'mos', 'ics'] as const)
      .map(
        (f) =>
          `<a href="/api/rundowns/${encodeURIComponent(channel)}/${encodeURIComponent(label)}?format=${f}">${f.toUpperCase()}</a>`,
      )
      .join(' · ');
    const user = c.get('user');
    const csrf = c.get('csrf');
    const action = (move: string) =>
      `/rundown/${encodeURIComponent(channel)}/${encodeURIComponent(label)}/${move}`;
    const forms =
      user && allows(user.role, 'rundown:write')
        ? `<p>${(['ready', 'lock'] as const)
            .map(
              (m) =>
                `<form class="inline" method="post" action="${action(m)}">${csrfField(csrf)}<button>${escapeHtml(message(m === 'ready' ? 'PAGE_RUNDOWN_READY' : 'PAGE_RUNDOWN_LOCK'))}</button></form>`,
            )
            .join(' ')}</p>
<form method="post" action="${action('aired')}">${csrfField(csrf)}
<label>${escapeHtml(message('PAGE_AIRED_START'))} <input type="datetime-local" name="start" required></label>
<label>${escapeHtml(message('PAGE_AIRED_MINUTES'))} <input type="number" name="minutes" min="1" max="600" required></label>
<button>${escapeHtml(message('PAGE_AIRED'))}</button></form>`
        : '';
    return c.html(
      page(
        message('PAGE_RUNDOWN_OF', { channel, week: label }),
        `<p>${links}</p>${forms}${parts.join('\n')}`,
        c.get('user'),
        c.get('csrf'),
      ),
    );
  });
  const AsRunForm = z.object({
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    minutes: z.coerce.number().int().min(1).max(600),
  });
  for (const move of ['ready', 'lock', 'aired'] as const) {
    app.post(`/rundown/:channel/:week/${move}`, requires('rundown:write'), async (c) => {
      const { channel, week } = c.req.param();
      const user = c.get('user');
      if (!user) return c.redirect('/login', 303);
      const b = broadcastContext(ctx, user);
      if (move === 'aired') {
        const form = AsRunForm.parse(nfcDeep(await c.req.parseBody()));
        await recordAsRun(b, {
          channel,
          period: week,
          start: form.start,
          durationSec: form.minutes * 60,
        });
      } else {
        await moveRundowns(b, { channel, period: week, move });
      }
      return c.redirect(`/rundown/${encodeURIComponent(channel)}/${encodeURIComponent(week)}`, 303);
    });
  }
}
