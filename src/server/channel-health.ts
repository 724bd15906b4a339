import type { Channel } from '../model/channel.js';
import { listPublications, pausedChannels } from '../store/publications.js';
import type { ServerContext } from './context.js';

/** How one channel is doing, for its administrator. */
export interface ChannelHealth {
  id: string;
  kind: Channel['kind'];
  /** Why it is paused (an authentication failure), when it is. */
  paused: string | undefined;
  /** Publications that failed and were not retried since. */
  failing: number;
  /** The last error of the latest failed publication. */
  lastError: string | undefined;
  /** When it last published (UTC ISO), if ever. */
  lastSuccess: string | undefined;
  /** Publications waiting for their slot. */
  scheduled: number;
}

/**
 * Every configured channel with its pause, its failed publications and its last success,
 * from the same store the dispatcher and `loa status` read.
 */
export async function channelHealth(ctx: ServerContext): Promise<ChannelHealth[]> {
  const { store, config } = ctx.session;
  const paused = await pausedChannels(store);
  const byChannel = new Map<string, ChannelHealth>();
  for (const ch of config.channels.values()) {
    byChannel.set(ch.id, {
      id: ch.id,
      kind: ch.kind,
      paused: paused.has(ch.id) ? paused.get(ch.id) || '—' : undefined,
      failing: 0,
      lastError: undefined,
      lastSuccess: undefined,
      scheduled: 0,
    });
  }
  for (const p of await listPublications(store)) {
    const health = byChannel.get(p.channel_id);
    if (!health) continue;
    if (p.status === 'failed') {
      health.failing++;
      health.lastError = p.last_error ?? health.lastError;
    } else if (p.status === 'scheduled') {
      health.scheduled++;
    } else if (p.status === 'published' && p.published_at) {
      if (!health.lastSuccess || p.published_at > health.lastSuccess) {
        health.lastSuccess = p.published_at;
      }
    }
  }
  return [...byChannel.values()];
}
