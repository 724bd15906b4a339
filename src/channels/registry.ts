import type { Channel } from '../model/channel.js';
import {
  type ChannelKind,
  capabilitiesOf,
  KIND_CAPABILITIES,
  type KindCapabilities,
} from '../model/channel-kinds.js';
import { storeBulletinAdapter } from './bulletin/entry-source.js';
import { filesAdapter } from './files/adapter.js';
import type { AdapterFactory, AdapterReadiness } from './types.js';
import { wordpressAdapter, wordpressReadiness } from './wordpress/index.js';

/** The messages that say what a kind without an adapter is for. */
export type RoleCode = 'CHANNEL_ROLE_AIRS' | 'CHANNEL_ROLE_INGESTS';

/** One kind of channel: what it can do, and how loa publishes through it. */
export interface KindEntry {
  readonly capabilities: KindCapabilities;
  /**
   * Makes the adapter the dispatcher publishes through; absent for kinds that publish
   * nothing through it: a broadcast airs rundowns (src/broadcast), an ingest channel reads
   * feeds (src/channels/ingest).
   */
  readonly adapter?: AdapterFactory;
  /**
   * For a kind without an adapter: what its channels are for instead, as a message that takes
   * `{channel}`. The daemon says it at start and `loa status` beside the channel, so that
   * nobody waits for an adapter that is not meant to come.
   */
  readonly instead?: RoleCode;
  /** Whether a channel of the kind can be used now, without making its adapter. */
  readonly readiness?: (channel: Channel, env: NodeJS.ProcessEnv) => AdapterReadiness;
}

/**
 * Every channel kind, by name: its capabilities (src/model/channel-kinds.ts) and adapter.
 * Bulletin issues are planned by src/scheduler/plan/bulletins.ts (one publication per issue).
 */
export const KINDS: Readonly<Record<ChannelKind, KindEntry>> = {
  wordpress: {
    capabilities: KIND_CAPABILITIES.wordpress,
    adapter: wordpressAdapter,
    readiness: (channel, env) =>
      channel.kind === 'wordpress' ? wordpressReadiness(channel, env) : { ready: true },
  },
  files: { capabilities: KIND_CAPABILITIES.files, adapter: filesAdapter },
  bulletin: { capabilities: KIND_CAPABILITIES.bulletin, adapter: storeBulletinAdapter },
  broadcast: { capabilities: KIND_CAPABILITIES.broadcast, instead: 'CHANNEL_ROLE_AIRS' },
  ingest: { capabilities: KIND_CAPABILITIES.ingest, instead: 'CHANNEL_ROLE_INGESTS' },
};

/** Adapter factories by channel kind, for the kinds that have one. */
export const ADAPTERS: Readonly<Partial<Record<string, AdapterFactory>>> = Object.fromEntries(
  Object.entries(KINDS).flatMap(([kind, entry]) => (entry.adapter ? [[kind, entry.adapter]] : [])),
);

/** How adapters are picked: for `loa run`, or for `loa simulate` (with or without `--live`). */
export type AdapterMode = 'run' | 'simulate' | 'simulate-live';

/**
 * The factory for a channel kind, or undefined when the kind has no adapter (its
 * publications then wait). In simulations, remote kinds get the files adapter unless live,
 * and kinds without an adapter get it too.
 */
export function adapterFactoryFor(
  kind: ChannelKind,
  mode: AdapterMode = 'run',
  adapters: Readonly<Partial<Record<string, AdapterFactory>>> = ADAPTERS,
): AdapterFactory | undefined {
  const own = adapters[kind];
  if (mode === 'run') return own;
  if (mode === 'simulate' && capabilitiesOf(kind).remote) return filesAdapter;
  return own ?? filesAdapter;
}

/**
 * What to say of a kind's channels when the daemon has no adapter for them: what they are for
 * (a broadcast's rundowns are pulled by the station, an ingest channel's feeds are read), or
 * `CHANNEL_NO_ADAPTER` for a kind whose adapter is missing; undefined when it has one.
 */
export function withoutAdapter(kind: ChannelKind): RoleCode | 'CHANNEL_NO_ADAPTER' | undefined {
  const entry = KINDS[kind];
  if (entry.adapter) return undefined;
  return entry.instead ?? 'CHANNEL_NO_ADAPTER';
}

/** Whether a channel can be used now: its credentials are set (ready when it needs none). */
export function channelReadiness(
  channel: Channel,
  env: NodeJS.ProcessEnv,
): AdapterReadiness | undefined {
  return KINDS[channel.kind].readiness?.(channel, env);
}
