import type { ChannelAdapter } from '../../channels/types.js';
import type { Channel } from '../../model/channel.js';
import type { Clock } from '../../model/clock.js';
import type { FollowUpRow, PublicationRow } from '../../store/schema.js';
import type { Db, Store } from '../../store/types.js';

/** How a claimed publication ended this time. */
export type DispatchOutcome =
  | 'published'
  | 'reconciled'
  | 'retry'
  | 'failed'
  | 'missed'
  | 'cancelled'
  | 'deferred'
  | 'paused'
  | 'lost-lease'
  /** A follow-up sent an edited item's version to its remote copy. */
  | 'updated'
  /** A follow-up took a withdrawn item's remote copy down. */
  | 'withdrawn';

/** One thing the dispatcher did, as logged (one JSON line each) and reported. */
export interface DispatchEvent {
  at: string;
  event: DispatchOutcome | 'waiting' | 'released';
  key?: string;
  channel: string;
  item?: string;
  slot?: string;
  attempt?: number;
  detail?: string;
}

/** A final outcome as the evidence hook gets it: the event and where the copy now lives. */
export type SettledEvent = DispatchEvent & { externalId?: string; url?: string };

/**
 * Called inside the transaction that records final outcomes, with those outcomes in the
 * order they were reached: where evidence is written. A batch of publications that went out
 * comes as one call.
 */
export type OutcomeHook = (tx: Db, events: readonly SettledEvent[]) => Promise<void>;

/** What a follow-up's settlement passes to the evidence hook. */
export interface FollowUpDone {
  followUp: FollowUpRow;
  /** The publication as it stands after the follow-up (url and hash updated, or withdrawn). */
  publication: PublicationRow;
  at: string;
  worker: string;
}

/**
 * Writes a follow-up's evidence in its transaction; returns the entry's index (undefined
 * when the publication has no entry to correct).
 */
export type FollowUpHook = (tx: Db, done: FollowUpDone) => Promise<number | undefined>;

/** What a dispatcher needs. */
export interface DispatcherOptions {
  store: Store;
  channels: ReadonlyMap<string, Channel>;
  /** Adapters by channel id; a channel without one waits (no adapter yet). */
  adapters: ReadonlyMap<string, ChannelAdapter>;
  clock: Clock;
  /** Lease holder name; default host:pid:random. */
  worker?: string;
  /** How long a claim holds, seconds (default 120). */
  leaseSec?: number;
  /**
   * Catch-up bound: at most this many publications per channel per pass (default 20), so a
   * restart after downtime does not burst stale posts out all at once.
   */
  perChannelPerPass?: number;
  /** Longest wait for one adapter call, seconds (default 30, or the channel's timeoutSec). */
  callTimeoutSec?: number;
  random?: () => number;
  log?: (event: DispatchEvent) => void;
  onOutcome?: OutcomeHook;
  /** Called inside the transaction that records a follow-up: where its correction is written. */
  onFollowUp?: FollowUpHook;
  /** The project's content/ folder: media paths of content items are resolved from it. */
  contentDir?: string;
  /** Aborted on shutdown: no new work is started; what is held is finished or released. */
  stop?: AbortSignal;
}

/** What one pass did. */
export interface PassResult {
  claimed: number;
  counts: Record<DispatchOutcome, number>;
  /** Channels whose publications waited this pass, and why. */
  waiting: { channel: string; reason: string }[];
  released: number;
}

/**
 * The topics of the articles a bulletin issue carried, by the issue's publication key; the
 * scheduler, which knows the bulletin, supplies it.
 */
export type IssueTopics = (tx: Db, key: string) => Promise<string[]>;
