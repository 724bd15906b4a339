import type { Hono } from 'hono';
import { z } from 'zod';
import { broadcastChannel, periodOf, zoneOf } from '../app/broadcast/service-context.js';
import { audioDir } from '../audio/files.js';
import { playoutM3u8 } from '../audio/playout.js';
import { podcastFeed } from '../audio/podcast.js';
import {
  podcastEpisodes,
  programmeUrl,
  stationChannels,
  stationPlayout,
} from '../audio/station.js';
import { hasCapability } from '../model/channel-kinds.js';
import { toStored } from '../model/instant.js';
import type { ApiRoutes } from './api-router.js';
import type { ServerContext, ServerEnv } from './context.js';
import { PublicFiles } from './public-files.js';
import { refuse } from './refusal.js';

const siteOf = (url: string, configured: string | undefined) => configured ?? new URL(url).origin;

/**
 * Public audio of loudspeaker and radio channels (issue 16): `/audio/<channel>/<file>.mp3`
 * and the podcast feed `/audio/<channel>/podcast.xml`, readable without a token like the
 * bulletin feeds, so that podcast apps can subscribe.
 */
export function audioPublicRoutes(app: Hono<ServerEnv>, ctx: ServerContext): void {
  const files = new PublicFiles();
  const channelOf = (id: string) => {
    const channel = ctx.session.config.channels.get(id);
    return hasCapability(channel, 'airs') ? channel : undefined;
  };
  app.get('/audio/:channel/podcast.xml', async (c) => {
    const channel = channelOf(c.req.param('channel'));
    if (!channel) return refuse(c, 404, 'HTTP_NOT_FOUND', { path: c.req.path });
    const site = siteOf(c.req.url, channel.audio?.siteUrl);
    const episodes = await podcastEpisodes(ctx.session.store, channel, ctx.session.dataDir);
    const xml = podcastFeed(
      channel,
      episodes,
      {
        site,
        feedUrl: `${site}/audio/${channel.id}/podcast.xml`,
        fileUrl: (r) => programmeUrl(site, r),
      },
      ctx.clock.now(),
    );
    return c.body(xml, 200, { 'content-type': 'application/rss+xml; charset=utf-8' });
  });
  app.get('/audio/:channel/:file', (c) => {
    const { channel: id, file } = c.req.param();
    if (!channelOf(id) || !/^[\w.-]+\.(mp3|wav)$/.test(file)) {
      return refuse(c, 404, 'HTTP_NOT_FOUND', { path: c.req.path });
    }
    return files.serve(c, audioDir(ctx.session.dataDir, id), [file]);
  });
}

/** `GET /api/audio/<station>/playout`: the station's playout schedule for speaker platforms. */
export function audioApiRoutes(api: ApiRoutes, ctx: ServerContext): void {
  api.add(
    {
      method: 'get',
      path: '/api/audio/:station/playout',
      summary: 'Lịch phát của đài truyền thanh (JSON hoặc M3U8), mức thông thường/ưu tiên/khẩn cấp',
      permission: 'rundown:read',
      params: z.object({ station: z.string().min(1) }),
      query: z.object({
        format: z.enum(['json', 'm3u8']).default('json'),
        period: z
          .string()
          .regex(/^\d{4}-(W\d{2}|\d{2})$/)
          .optional()
          .describe('2024-W11 or 2024-03; default: this week'),
      }),
      produces: ['application/json', 'application/vnd.apple.mpegurl'],
    },
    async (c, { params, query }) => {
      const { config, store } = ctx.session;
      const [first] = stationChannels(config.channels, params.station);
      const channel = broadcastChannel(config.channels, first?.id ?? params.station);
      const zone = zoneOf(channel, config);
      const label = query.period ?? ctx.clock.now().setZone(zone).toFormat("kkkk-'W'WW");
      const period = periodOf(label, zone);
      const site = siteOf(c.req.url, channel.audio?.siteUrl);
      const entries = await stationPlayout(
        store,
        config.channels,
        params.station,
        { from: toStored(period.start), to: toStored(period.end) },
        site,
        { dataDir: ctx.session.dataDir, now: ctx.clock.now(), zone },
      );
      if (query.format === 'm3u8') {
        return c.body(playoutM3u8(entries), 200, {
          'content-type': 'application/vnd.apple.mpegurl; charset=utf-8',
        });
      }
      return c.json({ station: params.station, period: label, zone, entries });
    },
  );
}
