import type { Channel } from '../model/channel.js';
import type { Clock } from '../model/clock.js';
import type { ContentItem } from '../model/item.js';
import type { Store } from '../store/types.js';

/** What the dispatcher hands an adapter: one publication of one item version. */
export interface PublicationRequest {
  /** Unique publication key (channel + item + slot, channel + issue, channel + week). */
  key: string;
  channel: Channel;
  /** The item as it was approved and planned (this exact version). */
  item: ContentItem;
  /** Hash of the item version, so an adapter can tell edits apart. */
  contentHash: string;
  /** The planned instant, UTC ISO 8601. */
  slot: string;
  /** 1 for the first attempt. */
  attempt: number;
  /**
   * What makes two publications the same on the remote side, when that is wider than the
   * key: the dispatcher gives `channel/item` for channels that carry an item once, so that a
   * post made under another slot (a lost data directory, a new plan) is found, not repeated.
   * Defaults to the key.
   */
  identity?: string;
  /**
   * The remote copy this publication finds in the trash was withdrawn by loa itself and the
   * item approved again since: publish anew instead of reporting it withdrawn.
   */
  republish?: boolean;
  /**
   * The folder of the item's source file; the item's media paths are relative to it.
   * Required by adapters that upload media when the item has any.
   */
  itemDir?: string;
}

/** Where a publication landed: the remote id and public address. */
export interface PublishedRef {
  externalId: string;
  url?: string;
  /** When the remote side recorded it, UTC ISO 8601. */
  publishedAt: string;
  /** Found taken down on the remote side (a post in WordPress's trash): withdrawn, not live. */
  withdrawn?: boolean;
  /** `publish` found this already on the remote side and made nothing. */
  existing?: boolean;
}

/** Whether a channel can be used now; `missing` names unset environment variables. */
export type AdapterReadiness = { ready: true } | { ready: false; missing: string[] };

/**
 * A channel adapter. `publish` and `find` are required; `update` and `withdraw` are optional
 * capabilities. Adapters must be idempotent per publication key: `find(key)` returns what an
 * earlier `publish` with that key produced, even when its response was lost. Failures are
 * LoaErrors with a `failure` kind that tells the dispatcher how to retry.
 */
export interface ChannelAdapter {
  readonly kind: string;
  publish(request: PublicationRequest, signal: AbortSignal): Promise<PublishedRef>;
  /** `identity` as in PublicationRequest (defaults to the key). */
  find(key: string, signal: AbortSignal, identity?: string): Promise<PublishedRef | undefined>;
  update?(
    ref: PublishedRef,
    request: PublicationRequest,
    signal: AbortSignal,
  ): Promise<PublishedRef>;
  withdraw?(ref: PublishedRef, signal: AbortSignal): Promise<void>;
  /** Defaults to ready when absent. */
  readiness?(): AdapterReadiness;
}

/** What every adapter factory is given. */
export interface AdapterOptions {
  channel: Channel;
  env: NodeJS.ProcessEnv;
  /** The data directory (`LOA_DATA_DIR`, default ./data). */
  dataDir: string;
  clock: Clock;
  /** The store, for adapters that read from it (the bulletin gathers its approved items). */
  store?: Store;
  /** The zone the channel's local times are read in (its plan's; default Asia/Ho_Chi_Minh). */
  zone?: string;
  /** Titles of the topics of the plans the channel serves, by topic id (Vietnamese). */
  topicTitles?: ReadonlyMap<string, string>;
  /**
   * The evidence log's checkpoint signed over every entry now (a bulletin issue carries it).
   */
  checkpoint?: () => Promise<{ size: number; rootHashHex: string; note: string }>;
}

/** Makes an adapter for one channel. */
export type AdapterFactory = (options: AdapterOptions) => ChannelAdapter;
