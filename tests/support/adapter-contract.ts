import { expect, it } from 'vitest';
import { KINDS } from '../../src/channels/registry.js';
import type { ChannelAdapter, PublicationRequest } from '../../src/channels/types.js';
import { type FailureKind, LoaError } from '../../src/errors/loa-error.js';

/** One copy of a publication on the remote side, as the people reading it would see it. */
export interface RemoteCopy {
  /** The remote side's id of the copy (a post id, a file name). */
  id: string;
  title: string;
  /** Shown to the public (not withdrawn, not in a trash). */
  live: boolean;
}

/** The failure classes the dispatcher acts on; `unknown` is covered by the lost answer. */
export type ContractFailure = Exclude<FailureKind, 'unknown'>;

/**
 * How to make an adapter meet one class of failure: a call that must fail with it, or why the
 * kind cannot meet it (a kind with no credentials has no authentication to fail); the reason
 * is printed in the test's title.
 */
export type FailureCase = (() => Promise<unknown>) | { none: string };

/** What `testAdapter` needs to know of one adapter and its remote side. */
export interface AdapterContract {
  /** The channel kind under test, whose capabilities the registry declares. */
  kind: keyof typeof KINDS;
  /**
   * A new adapter. Called again to stand for a restarted process: the adapters share nothing
   * but the remote side.
   */
  adapter(): ChannelAdapter;
  /** A publication nobody has made yet. */
  request(): PublicationRequest;
  /** The title a copy of the publication shows (default: the item's). */
  title?(request: PublicationRequest): string;
  /**
   * The same publication with its item edited (another title, another content hash); needed
   * when the adapter has `update`.
   */
  edit?(request: PublicationRequest): PublicationRequest;
  /** Every copy the remote side holds of a publication, withdrawn ones included. */
  remote(request: PublicationRequest): Promise<RemoteCopy[]>;
  /**
   * Publishes with the answer lost on its way back: the remote side made the copy, the caller
   * learns nothing of it (a connection cut after the write, a process killed before its
   * bookkeeping). Resolves once the copy is made, whatever the adapter said.
   */
  publishLosingAnswer(adapter: ChannelAdapter, request: PublicationRequest): Promise<void>;
  /**
   * A call that fails with each failure class, or why the kind never meets it; `auth` is a
   * reason exactly when the registry declares the kind without credentials.
   */
  failures: Record<ContractFailure, FailureCase>;
}

const signal = () => AbortSignal.timeout(60_000);

async function failureOf(call: () => Promise<unknown>): Promise<LoaError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call was expected to fail').toBeInstanceOf(LoaError);
  return error as LoaError;
}

/**
 * The contract every channel adapter keeps, run against each one (after unjs/unstorage's
 * `testDriver()`): idempotent publish, find after a lost answer, update, withdraw, failures
 * classified for the dispatcher. A capability an adapter lacks (`update`, `withdraw` are
 * optional) is asserted absent, under a title that says so, so nothing is skipped silently.
 * Call it inside a `describe`.
 */
export function testAdapter(contract: AdapterContract): void {
  const { kind } = contract;
  const declared = KINDS[kind].capabilities;
  const title = (request: PublicationRequest) => contract.title?.(request) ?? request.item.title;

  it(`is the ${kind} adapter, with the capabilities the registry declares for it`, () => {
    const adapter = contract.adapter();
    expect(adapter.kind).toBe(kind);
    expect(KINDS[kind].adapter, 'the registry makes an adapter of this kind').toBeDefined();
    expect({
      update: adapter.update !== undefined,
      withdraw: adapter.withdraw !== undefined,
    }).toEqual({
      update: declared.followsEdits,
      withdraw: declared.withdraws,
    });
    expect(typeof contract.failures.auth === 'function').toBe(declared.credentials);
  });

  it('publishes an item once: the same publication twice makes one remote copy', async () => {
    const adapter = contract.adapter();
    const request = contract.request();
    expect(await adapter.find(request.key, signal(), request.identity)).toBeUndefined();
    const first = await adapter.publish(request, signal());
    const again = await adapter.publish({ ...request, attempt: 2 }, signal());
    expect(again.externalId).toBe(first.externalId);
    expect(again.url).toBe(first.url);
    const copies = await contract.remote(request);
    expect(copies).toEqual([
      expect.objectContaining({ id: expect.any(String), title: title(request), live: true }),
    ]);
    expect(await adapter.find(request.key, signal(), request.identity)).toMatchObject({
      externalId: first.externalId,
    });
  });

  it('finds a publication whose answer was lost, and publishing it again makes no second copy', async () => {
    const request = contract.request();
    await contract.publishLosingAnswer(contract.adapter(), request);
    expect(await contract.remote(request)).toHaveLength(1);
    const restarted = contract.adapter();
    const found = await restarted.find(request.key, signal(), request.identity);
    expect(found, 'find after a lost answer').toBeDefined();
    const retried = await restarted.publish({ ...request, attempt: 2 }, signal());
    expect(retried.externalId).toBe(found?.externalId);
    expect(await contract.remote(request)).toEqual([expect.objectContaining({ live: true })]);
  });

  if (declared.followsEdits) {
    it('update: carries an edit of the item to the same remote copy', async () => {
      const adapter = contract.adapter();
      const request = contract.request();
      const ref = await adapter.publish(request, signal());
      if (!contract.edit) throw new Error(`the ${kind} contract needs edit() to test update`);
      const edited = contract.edit(request);
      expect(edited.item.title).not.toBe(request.item.title);
      const updated = await adapter.update?.(ref, edited, signal());
      expect(updated?.externalId).toBe(ref.externalId);
      expect(await contract.remote(request)).toEqual([
        expect.objectContaining({ title: edited.item.title, live: true }),
      ]);
    });
  } else {
    it(`update: not a capability of ${kind} (declared followsEdits: false), an edit after publication is not carried to the copy`, () => {
      expect(contract.adapter().update).toBeUndefined();
    });
  }

  if (declared.withdraws) {
    it('withdraw: takes the copy down, keeps it, and a second withdraw is done already', async () => {
      const adapter = contract.adapter();
      const request = contract.request();
      const ref = await adapter.publish(request, signal());
      await adapter.withdraw?.(ref, signal());
      expect(await contract.remote(request)).toEqual([expect.objectContaining({ live: false })]);
      await adapter.withdraw?.(ref, signal());
      expect(await contract.remote(request)).toEqual([expect.objectContaining({ live: false })]);
    });
  } else {
    it(`withdraw: not a capability of ${kind} (declared withdraws: false), a published copy stays up`, () => {
      expect(contract.adapter().withdraw).toBeUndefined();
    });
  }

  for (const failure of ['transient', 'permanent', 'auth'] as const) {
    const failing = contract.failures[failure];
    if (typeof failing === 'function') {
      it(`classifies the ${failure} failure as ${failure}, for the dispatcher to act on`, async () => {
        const error = await failureOf(failing);
        expect(error.failure).toBe(failure);
      });
    } else {
      it(`${failure} failure: never met by ${kind}, ${failing.none}`, () => {
        // Declared, not skipped: a kind with nothing to authenticate is ready with no secret.
        expect(declared.credentials).toBe(false);
        expect(contract.adapter().readiness?.() ?? { ready: true }).toEqual({ ready: true });
      });
    }
  }
}
