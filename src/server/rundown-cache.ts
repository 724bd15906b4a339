import { createHash } from 'node:crypto';
import {
  broadcastChannel,
  periodOf,
  pickSlots,
  slotsOf,
  zoneOf,
} from '../app/broadcast/service-context.js';
import { mustLoad } from '../app/broadcast/service-state.js';
import { exportRundown, type RundownFormat } from '../broadcast/exports.js';
import { type RundownSlot, rundownId } from '../broadcast/model.js';
import { LoaError } from '../errors/loa-error.js';
import type { Lang } from '../i18n/lang.js';
import { rundownVersion } from '../store/rundowns.js';
import type { ServerContext } from './context.js';

/** One rendered export of one stored rundown, and what it was rendered from. */
export interface RenderedRundown {
  bytes: Uint8Array;
  etag: string;
  week: string;
}

interface SlotOf {
  id: string;
  slot: RundownSlot;
}

/**
 * Serves a week's rundown in a format without re-rendering it on every request: slots are
 * resolved once per channel and week (the channels do not change while a session is open),
 * and a rendering is reused while the stored rundown's state, document and history length
 * are the same (one indexed read per request).
 */
export class RundownRenderings {
  private readonly slots = new Map<string, { week: string; slots: SlotOf[] }>();
  private readonly rendered = new Map<string, RenderedRundown & { version: string }>();

  constructor(private readonly ctx: ServerContext) {}

  private zone(channelId: string): string {
    const { config } = this.ctx.session;
    return zoneOf(broadcastChannel(config.channels, channelId), config);
  }

  /** The ISO week label of a week parameter (`current` is the clock's week in the zone). */
  weekLabel(channelId: string, week: string): string {
    if (week !== 'current') return week;
    return this.ctx.clock.now().setZone(this.zone(channelId)).toFormat("kkkk-'W'WW");
  }

  /** The slot of a week (1-based `n`), resolved once. */
  slotOf(channelId: string, week: string, n: string): { week: string; slot: SlotOf } {
    const label = this.weekLabel(channelId, week);
    const key = `${channelId}\0${label}\0${n}`;
    let found = this.slots.get(key);
    if (!found) {
      const { config } = this.ctx.session;
      const channel = broadcastChannel(config.channels, channelId);
      const zone = zoneOf(channel, config);
      const picked = pickSlots(slotsOf(channel, periodOf(label, zone), zone), n, {
        channel: channel.id,
        period: label,
      });
      found = {
        week: label,
        slots: picked.map((p) => ({ id: rundownId(channel.id, p.slot), slot: p.slot })),
      };
      if (this.slots.size > 1000) this.slots.clear();
      this.slots.set(key, found);
    }
    const [slot] = found.slots;
    if (!slot) {
      throw new LoaError('RUNDOWN_NO_SLOTS', { params: { channel: channelId, period: label } });
    }
    return { week: label, slot };
  }

  /** The export of a week's slot `n` in a format, rendered again only when it changed. */
  async render(
    channelId: string,
    week: string,
    n: string,
    format: RundownFormat,
    lang: Lang,
  ): Promise<RenderedRundown> {
    const { week: label, slot } = this.slotOf(channelId, week, n);
    const db = this.ctx.session.store;
    const row = await rundownVersion(db, slot.id);
    const version = row
      ? createHash('sha256')
          .update(`${row.state}\0${row.events}\0${row.document}`)
          .digest('base64url')
      : '';
    const key = `${slot.id}\0${format}\0${lang}`;
    const cached = this.rendered.get(key);
    if (cached && row && cached.version === version) return cached;
    const rundown = await mustLoad(db, channelId, slot.slot, label);
    const out = exportRundown(format, rundown, { lang, encoding: 'utf8' });
    const bytes = typeof out === 'string' ? new TextEncoder().encode(out) : new Uint8Array(out);
    const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
    const entry = { bytes, etag, week: label, version };
    if (this.rendered.size > 1000) this.rendered.clear();
    this.rendered.set(key, entry);
    return entry;
  }
}
