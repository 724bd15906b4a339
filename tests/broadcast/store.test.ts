import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rundown } from '../../src/broadcast/model.js';
import { transitionRundown, unlockRundown } from '../../src/broadcast/state.js';
import {
  asRunsOf,
  itemsOnAir,
  loadRundown,
  rundownsOfChannel,
  saveAsRun,
  saveRundown,
} from '../../src/broadcast/store.js';
import { rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { storeEngines } from '../support/store-engines.js';
import { fixedRundown } from './sample.js';

const engines = await storeEngines();
const by = (at: string, reason?: string) => ({
  actor: 'Trần Minh Đức',
  at,
  ...(reason ? { reason } : {}),
});

describe.each(engines)('rundown store on $name', (engine) => {
  let store: Store;
  let draft: Rundown;
  beforeEach(async () => {
    store = await engine.open();
    draft = { ...fixedRundown(), state: 'draft', history: [] };
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps one rundown per slot with its whole history, in order, with actor and reason', async () => {
    await store.transaction((tx) => saveRundown(tx, draft, [], '2024-03-04T02:00:00.000Z'));
    const ready = transitionRundown(draft, 'ready', by('2024-03-05T02:00:00.000Z'));
    const locked = transitionRundown(ready.rundown, 'locked', by('2024-03-06T02:00:00.000Z'));
    const unlocked = unlockRundown(locked.rundown, by('2024-03-06T03:00:00.000Z', 'Đổi tin'));
    for (const step of [ready, locked, unlocked]) {
      await store.transaction((tx) => saveRundown(tx, step.rundown, [step.event], step.event.at));
    }
    const loaded = await loadRundown(store, draft.id);
    expect(loaded?.rundown.state).toBe('ready');
    expect(loaded?.rundown.segments).toEqual(draft.segments);
    expect(loaded?.rundown.history).toEqual([
      { from: 'draft', to: 'ready', actor: 'Trần Minh Đức', at: '2024-03-05T02:00:00.000Z' },
      { from: 'ready', to: 'locked', actor: 'Trần Minh Đức', at: '2024-03-06T02:00:00.000Z' },
      {
        from: 'locked',
        to: 'ready',
        actor: 'Trần Minh Đức',
        at: '2024-03-06T03:00:00.000Z',
        reason: 'Đổi tin',
      },
    ]);
    expect(loaded?.createdAt).toBe('2024-03-04T02:00:00.000Z');
    const rows = await rawForTests(store).selectFrom('rundowns').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slot_start).toBe('2024-03-08T13:00:00.000Z');
    const inMarch = await rundownsOfChannel(store, draft.channelId, {
      from: '2024-03-01T00:00:00.000Z',
      to: '2024-04-01T00:00:00.000Z',
    });
    expect(inMarch.map((s) => s.rundown.id)).toEqual([draft.id]);
  });

  it('offers no item again once a rundown that carries it is locked', async () => {
    await store.transaction((tx) => saveRundown(tx, draft, [], '2024-03-04T02:00:00.000Z'));
    expect(await itemsOnAir(store, draft.channelId)).toEqual(new Set());
    const locked = { ...draft, state: 'locked' as const };
    await store.transaction((tx) => saveRundown(tx, locked, [], '2024-03-06T02:00:00.000Z'));
    expect([...(await itemsOnAir(store, draft.channelId))].sort()).toEqual([
      'hoi-dap/cccd',
      'tin/du-phong',
      'tin/dvc',
      'tin/mot-cua',
    ]);
    expect(await itemsOnAir(store, draft.channelId, draft.id)).toEqual(new Set());
  });

  it('keeps one as-run per rundown and item, and rolls back with its transaction', async () => {
    const input = {
      rundownId: draft.id,
      itemSlug: '',
      start: '2024-03-08T13:00:00.000Z',
      durationSec: 840,
      compliant: false,
      reasons: ['too-short'],
      actor: 'Trần Minh Đức',
      recordedAt: '2024-03-08T14:00:00.000Z',
      evidenceIndex: 0,
    };
    await store.transaction((tx) => saveAsRun(tx, input));
    await store.transaction((tx) =>
      saveAsRun(tx, {
        ...input,
        itemSlug: 'mot-cua',
        durationSec: 300,
        compliant: true,
        reasons: [],
      }),
    );
    await expect(
      store.transaction(async (tx) => {
        await saveAsRun(tx, { ...input, itemSlug: 'mot-cua', durationSec: 1 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await asRunsOf(store, draft.id);
    expect(rows.map((r) => [r.item_slug, r.duration_sec, r.compliant, r.reason])).toEqual([
      ['', 840, 0, 'too-short'],
      ['mot-cua', 300, 1, null],
    ]);
  });
});
