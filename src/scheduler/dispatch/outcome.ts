import type { PublishedRef } from '../../channels/types.js';
import type { FailureKind } from '../../errors/loa-error.js';
import type { PublicationRow, PublicationUpdate } from '../../store/schema.js';
import type { PublicationSettlement } from '../../store/settlement.js';
import type { DispatchOutcome } from './types.js';

/**
 * How handling one claimed publication ended, before anything is written. `attempt` is the
 * attempt number recorded with it.
 */
export type Outcome =
  /** The adapter sent it, or found it already sent (`reconciled`): it went out. */
  | { kind: 'published' | 'reconciled'; attempt: number; ref: PublishedRef }
  /** The remote copy exists, withdrawn on the remote side: the item stays withdrawn. */
  | { kind: 'found-withdrawn'; attempt: number; ref: PublishedRef }
  /** Later than the channel's lateness limit: refused. */
  | { kind: 'missed'; attempt: number; detail: string }
  /** The item is gone, withdrawn, a draft, or its version is missing: nothing goes out. */
  | { kind: 'cancelled'; attempt: number; reason: string }
  /** The item was edited since planning: planning points the publication at the new version. */
  | { kind: 'deferred'; attempt: number; detail: string }
  /** The adapter failed; tried again at `dueAt`. */
  | { kind: 'retry'; attempt: number; failure: FailureKind; text: string; dueAt: string }
  /** The adapter failed for good, or too often. */
  | { kind: 'failed'; attempt: number; failure: FailureKind; text: string }
  /** The remote service refused loa's credentials: the whole channel pauses. */
  | { kind: 'paused'; attempt: number; text: string };

/** Outcomes recorded several per transaction (see `Settler`). */
export function wentOut(
  outcome: Outcome,
): outcome is Extract<Outcome, { kind: 'published' | 'reconciled' }> {
  return outcome.kind === 'published' || outcome.kind === 'reconciled';
}

/** The event an outcome is logged and counted as. */
export function eventOf(outcome: Outcome): DispatchOutcome {
  return outcome.kind === 'found-withdrawn' ? 'withdrawn' : outcome.kind;
}

/** What is logged and recorded with an outcome. */
export function detailOf(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'published':
    case 'reconciled':
      return outcome.ref.url ?? outcome.ref.externalId;
    case 'found-withdrawn':
      return withdrawnDetail(outcome.ref);
    case 'missed':
    case 'deferred':
      return outcome.detail;
    case 'cancelled':
      return outcome.reason;
    case 'retry':
      return `${outcome.failure}: ${outcome.text}`;
    case 'failed':
    case 'paused':
      return outcome.text;
  }
}

function withdrawnDetail(ref: PublishedRef): string {
  return `found withdrawn on the portal (${ref.url ?? ref.externalId})`;
}

/** The publication's new columns for an outcome (`paused` changes only its last error). */
function changeOf(row: PublicationRow, outcome: Outcome): PublicationUpdate {
  switch (outcome.kind) {
    case 'published':
    case 'reconciled':
      return {
        status: 'published',
        attempts: outcome.attempt,
        needs_reconcile: 0,
        external_id: outcome.ref.externalId,
        url: outcome.ref.url ?? null,
        published_at: outcome.ref.publishedAt,
        sent_hash: row.content_hash,
        reason: outcome.kind === 'reconciled' ? 'found on the remote side, not sent again' : null,
      };
    case 'found-withdrawn':
      return {
        status: 'withdrawn',
        attempts: outcome.attempt,
        needs_reconcile: 0,
        external_id: outcome.ref.externalId,
        url: outcome.ref.url ?? null,
        published_at: outcome.ref.publishedAt,
        reason: withdrawnDetail(outcome.ref),
      };
    case 'missed':
      return { status: 'missed', needs_reconcile: 0, reason: outcome.detail };
    case 'cancelled':
      return { status: 'cancelled', needs_reconcile: 0, reason: outcome.reason };
    case 'deferred':
      return { needs_reconcile: 0 };
    case 'retry':
      return {
        attempts: outcome.attempt,
        due_at: outcome.dueAt,
        needs_reconcile: outcome.failure === 'unknown' ? 1 : 0,
        last_error: outcome.text,
      };
    case 'failed':
      return {
        status: 'failed',
        attempts: outcome.attempt,
        last_error: outcome.text,
        reason: outcome.failure,
      };
    case 'paused':
      return { last_error: outcome.text };
  }
}

/**
 * What the store writes for an outcome reached at `at`: the publication's columns, its
 * attempt, whether its item's state is derived again, and (found withdrawn) the item's
 * withdrawal.
 */
export function settlementOf(
  row: PublicationRow,
  outcome: Outcome,
  at: string,
): PublicationSettlement {
  const change = { ...changeOf(row, outcome), updated_at: at };
  const detail = detailOf(outcome);
  return {
    key: row.key,
    itemId: row.item_id,
    change,
    attempt: {
      attempt: outcome.attempt,
      at,
      // NOTE: a pause is recorded as what caused it, an authentication failure.
      outcome: outcome.kind === 'paused' ? 'auth' : eventOf(outcome),
      detail,
    },
    final: change.status !== undefined && change.status !== 'scheduled',
    ...(outcome.kind === 'found-withdrawn' ? { withdrawItem: detail } : {}),
  };
}
