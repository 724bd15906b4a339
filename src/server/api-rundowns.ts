import { z } from 'zod';
import { recordAsRun } from '../app/broadcast/service-as-run.js';
import { broadcastChannel, periodOf, zoneOf } from '../app/broadcast/service-context.js';
import { moveRundowns } from '../app/broadcast/service-state.js';
import { RUNDOWN_FORMAT_FILES, RUNDOWN_FORMATS, rundownCalendar } from '../broadcast/exports.js';
import { rundownsOfChannel } from '../broadcast/store.js';
import { currentLang } from '../i18n/lang.js';
import { toStored } from '../model/instant.js';
import type { ApiRoutes } from './api-router.js';
import { broadcastContext, type ServerContext } from './context.js';
import { RundownRenderings } from './rundown-cache.js';

const FORMATS = [...RUNDOWN_FORMATS, 'ics'] as const;

const WeekParams = z.object({
  channel: z.string().min(1),
  week: z
    .string()
    .regex(/^(\d{4}-W\d{2}|current)$/)
    .describe('2024-W10, or `current` for this week in the channel’s zone'),
});

/** The ISO week label of a week parameter (`current` is the clock's week in the zone). */
export function weekLabel(ctx: ServerContext, week: string, zone: string): string {
  return week === 'current' ? ctx.clock.now().setZone(zone).toFormat("kkkk-'W'WW") : week;
}

/** Rundowns: a week in every export format, and the moves ready, lock, unlock and aired. */
export function rundownRoutes(api: ApiRoutes, ctx: ServerContext): void {
  const renderings = new RundownRenderings(ctx);
  api.add(
    {
      method: 'get',
      path: '/api/rundowns/:channel/:week',
      summary: 'Kịch bản chương trình của một tuần (json, csv, txt, html, mos, ics)',
      permission: 'rundown:read',
      params: WeekParams,
      query: z.object({
        format: z.enum(FORMATS).default('json'),
        slot: z.string().regex(/^\d+$/).optional().describe('khung thứ n (mặc định: khung 1)'),
      }),
      produces: FORMATS.map((f) => RUNDOWN_FORMAT_FILES[f].type),
    },
    async (c, { params, query }) => {
      const lang = currentLang();
      const file = RUNDOWN_FORMAT_FILES[query.format];
      c.header('content-type', file.type);
      if (query.format === 'ics') {
        const { config, store } = ctx.session;
        const channel = broadcastChannel(config.channels, params.channel);
        const zone = zoneOf(channel, config);
        const period = periodOf(weekLabel(ctx, params.week, zone), zone);
        const stored = await rundownsOfChannel(store, channel.id, {
          from: toStored(period.start),
          to: toStored(period.end),
        });
        const text = rundownCalendar(
          channel,
          period.start,
          period.end,
          stored.map((s) => s.rundown),
          { generatedAt: ctx.clock.now(), zone, lang },
        );
        return c.body(text);
      }
      const r = await renderings.render(
        params.channel,
        params.week,
        query.slot ?? '1',
        query.format,
        lang,
      );
      c.header('etag', r.etag);
      c.header('content-disposition', `inline; filename="${params.channel}-${r.week}.${file.ext}"`);
      if (c.req.header('if-none-match') === r.etag) return c.body(null, 304);
      return c.body(r.bytes as Uint8Array<ArrayBuffer>);
    },
  );
  for (const move of ['ready', 'lock', 'unlock'] as const) {
    api.add(
      {
        method: 'post',
        path: `/api/rundowns/:channel/:week/${move}`,
        summary: `Chuyển kịch bản sang ${move}`,
        permission: 'rundown:write',
        params: WeekParams,
        body: {
          type: 'application/json',
          schema: z.object({
            slot: z.string().regex(/^\d+$/).optional(),
            reason: z.string().max(500).optional(),
          }),
        },
      },
      async (c, { params, body }) => {
        const b = broadcastContext(ctx, c.get('user') ?? { name: '', role: 'broadcaster' });
        const channel = broadcastChannel(b.planning.channels, params.channel);
        const period = weekLabel(ctx, params.week, zoneOf(channel, b.planning));
        const moved = await moveRundowns(b, { channel: channel.id, period, move, ...body });
        return c.json(moved.map((m) => ({ slot: m.n, state: m.rundown.state, event: m.event })));
      },
    );
  }
  api.add(
    {
      method: 'post',
      path: '/api/rundowns/:channel/:week/aired',
      summary: 'Ghi nhận đã phát (as-run)',
      permission: 'rundown:write',
      params: WeekParams,
      body: {
        type: 'application/json',
        schema: z.object({
          slot: z.string().regex(/^\d+$/).optional(),
          start: z.string().optional().describe('2024-03-08T20:00 (giờ của kế hoạch)'),
          durationSec: z.number().int().positive().max(86_400).optional(),
          item: z.string().optional(),
        }),
      },
    },
    async (c, { params, body }) => {
      const b = broadcastContext(ctx, c.get('user') ?? { name: '', role: 'broadcaster' });
      const channel = broadcastChannel(b.planning.channels, params.channel);
      const period = weekLabel(ctx, params.week, zoneOf(channel, b.planning));
      const r = await recordAsRun(b, { channel: channel.id, period, ...body });
      return c.json({
        start: r.start.toISO(),
        durationSec: r.durationSec,
        compliant: r.compliant,
        problems: r.problems,
        evidenceIndex: r.evidenceIndex,
        reposts: r.reposts,
      });
    },
  );
}
