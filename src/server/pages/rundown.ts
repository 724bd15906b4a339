import type { Hono } from 'hono';
import { rundownHtml } from '../../broadcast/exports.js';
import { message } from '../../i18n/catalogue.js';
import { currentLang } from '../../i18n/lang.js';
import { escapeHtml } from '../../text/html.js';
import { weekRundowns } from '../api-rundowns.js';
import { requires } from '../auth.js';
import type { ServerContext, ServerEnv } from '../context.js';
import { page } from './layout.js';

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
    return c.html(
      page(
        message('PAGE_RUNDOWN_OF', { channel, week: label }),
        `<p>${links}</p>${parts.join('\n')}`,
        c.get('user'),
        c.get('csrf'),
      ),
    );
  });
}
