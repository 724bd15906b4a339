import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  moveItem,
  reviseRundown,
  setFloated,
  transitionRundown,
  unlockRundown,
  updateItem,
} from '../../src/broadcast/state.js';
import { computeTiming } from '../../src/broadcast/timing.js';
import { LoaError } from '../../src/errors/loa-error.js';
import { hint, message } from '../../src/i18n/catalogue.js';
import { fixedRundown } from './sample.js';

const at = DateTime.fromISO('2024-03-06T09:00:00+07:00', { setZone: true });
const editor = { actor: 'bien-tap-vien', at };

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof LoaError ? error.code : 'not a LoaError';
  }
  return undefined;
}

describe('rundown states', () => {
  it('goes draft → ready → locked → aired and records every move', () => {
    const draft = { ...fixedRundown(), state: 'draft' as const };
    const ready = transitionRundown(draft, 'ready', editor);
    const locked = transitionRundown(ready.rundown, 'locked', { actor: 'truong-ca', at });
    const aired = transitionRundown(locked.rundown, 'aired', { actor: 'truong-ca', at });
    expect(aired.rundown.state).toBe('aired');
    expect(aired.rundown.history.map((e) => `${e.from}>${e.to}:${e.actor}`)).toEqual([
      'draft>ready:bien-tap-vien',
      'ready>locked:truong-ca',
      'locked>aired:truong-ca',
    ]);
    expect(aired.event).toEqual({
      from: 'locked',
      to: 'aired',
      actor: 'truong-ca',
      at: '2024-03-06T09:00:00.000+07:00',
    });
    expect(draft.state).toBe('draft');
  });

  it('refuses moves that skip a state or go back from aired', () => {
    const draft = { ...fixedRundown(), state: 'draft' as const };
    expect(errorCode(() => transitionRundown(draft, 'locked', editor))).toBe('RUNDOWN_TRANSITION');
    expect(errorCode(() => transitionRundown(draft, 'aired', editor))).toBe('RUNDOWN_TRANSITION');
    const aired = { ...fixedRundown(), state: 'aired' as const };
    expect(errorCode(() => transitionRundown(aired, 'ready', editor))).toBe('RUNDOWN_TRANSITION');
    expect(errorCode(() => unlockRundown(aired, { ...editor, reason: 'sửa' }))).toBe(
      'RUNDOWN_TRANSITION',
    );
  });

  it('changes a locked rundown only after a recorded unlock with a reason', () => {
    const locked = transitionRundown(fixedRundown(), 'locked', editor).rundown;
    expect(errorCode(() => setFloated(locked, 'tin-du-phong', false))).toBe('RUNDOWN_NOT_EDITABLE');
    expect(errorCode(() => reviseRundown(locked, (s) => [...s]))).toBe('RUNDOWN_NOT_EDITABLE');
    expect(errorCode(() => transitionRundown(locked, 'ready', editor))).toBe('RUNDOWN_TRANSITION');
    expect(errorCode(() => unlockRundown(locked, editor))).toBe('RUNDOWN_UNLOCK_REASON');
    expect(errorCode(() => unlockRundown(locked, { ...editor, reason: '  ' }))).toBe(
      'RUNDOWN_UNLOCK_REASON',
    );

    const reason = 'Thay tin dự phòng theo chỉ đạo của lãnh đạo Đài';
    const unlocked = unlockRundown(locked, { actor: 'truong-ca', at, reason });
    expect(unlocked.event).toMatchObject({ from: 'locked', to: 'ready', reason });
    expect(unlocked.rundown.history.at(-1)).toEqual(unlocked.event);
    const edited = setFloated(unlocked.rundown, 'tin-du-phong', false);
    expect(edited.segments[0]?.items[2]?.floated).toBe(false);
    expect(locked.segments[0]?.items[2]?.floated).toBe(true);
  });

  it('names the unknown item it cannot change', () => {
    expect(errorCode(() => updateItem(fixedRundown(), 'khong-co', { plannedSec: 10 }))).toBe(
      'RUNDOWN_ITEM_UNKNOWN',
    );
  });

  it('says in Vietnamese why a move is refused', () => {
    const draft = { ...fixedRundown(), state: 'draft' as const };
    try {
      transitionRundown(draft, 'aired', editor);
    } catch (error) {
      const { code, params } = error as LoaError;
      expect(message(code, params, 'vi')).toContain('không thể chuyển từ "draft" sang "aired"');
      expect(hint(code, params, 'vi')).toContain('mở khoá');
    }
    expect.assertions(2);
  });
});

describe('reordering stories', () => {
  const order = (r: ReturnType<typeof fixedRundown>) =>
    r.segments.map((s) => `${s.title}: ${s.items.map((i) => i.slug).join(' ')}`);

  it('moves a story within its segment, and cume and back-time follow the new order', () => {
    const moved = moveItem(fixedRundown(), 'dich-vu-cong-truc-tuyen', 0);
    expect(order(moved)).toEqual([
      'Tin tức: dich-vu-cong-truc-tuyen mot-cua-lien-thong tin-du-phong',
      'Hỏi – đáp: hoi-dap-cap-doi-cccd',
    ]);
    const cume = computeTiming(moved).items.map((t) => `${t.item.slug}@${t.cumeSec}`);
    expect(cume).toEqual([
      'dich-vu-cong-truc-tuyen@0',
      'mot-cua-lien-thong@240',
      'tin-du-phong@540',
      'hoi-dap-cap-doi-cccd@540',
    ]);
  });

  it('a story moved across a segment boundary joins the segment it lands in, and the segments’ over/under change', () => {
    const down = moveItem(fixedRundown(), 'tin-du-phong', 3);
    expect(order(down)).toEqual([
      'Tin tức: mot-cua-lien-thong dich-vu-cong-truc-tuyen',
      'Hỏi – đáp: hoi-dap-cap-doi-cccd tin-du-phong',
    ]);
    const up = moveItem(fixedRundown(), 'hoi-dap-cap-doi-cccd', 0);
    expect(order(up)).toEqual([
      'Tin tức: hoi-dap-cap-doi-cccd mot-cua-lien-thong dich-vu-cong-truc-tuyen tin-du-phong',
      'Hỏi – đáp: ',
    ]);
    expect(computeTiming(up).segments.map((s) => s.overUnderSec)).toEqual([960 - 600, -600]);
  });

  it('refuses a position outside the order, an unknown story, and any move of a locked rundown', () => {
    expect(errorCode(() => moveItem(fixedRundown(), 'mot-cua-lien-thong', 4))).toBe(
      'RUNDOWN_POSITION_INVALID',
    );
    expect(errorCode(() => moveItem(fixedRundown(), 'mot-cua-lien-thong', -1))).toBe(
      'RUNDOWN_POSITION_INVALID',
    );
    expect(errorCode(() => moveItem(fixedRundown(), 'khong-co', 0))).toBe('RUNDOWN_ITEM_UNKNOWN');
    const locked = { ...fixedRundown(), state: 'locked' as const };
    expect(errorCode(() => moveItem(locked, 'mot-cua-lien-thong', 1))).toBe('RUNDOWN_NOT_EDITABLE');
  });
});
