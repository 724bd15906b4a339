import type { DateTime } from 'luxon';
import { type MessageCode, type ParamsArg, renderMessage } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import { type Rundown, type RundownState, slotStart } from './model.js';
import { computeTiming, formatDuration, formatOverUnder, type RundownTiming } from './timing.js';

/** Options every text export takes: the language of its labels (default Vietnamese). */
export interface ExportOptions {
  lang?: Lang;
}

/** One printed row of a rundown: every value already formatted for a reader. */
export interface RundownRow {
  order: string;
  segment: string;
  slug: string;
  title: string;
  presenter: string;
  planned: string;
  seconds: string;
  cume: string;
  back: string;
  floated: boolean;
  evergreen: boolean;
  notes: string;
  media: string;
}

/** The columns the exports print, in order, with their catalogue label. */
export const COLUMNS = [
  ['order', 'RUNDOWN_COL_ORDER'],
  ['segment', 'RUNDOWN_COL_SEGMENT'],
  ['slug', 'RUNDOWN_COL_SLUG'],
  ['title', 'RUNDOWN_COL_TITLE'],
  ['presenter', 'RUNDOWN_COL_PRESENTER'],
  ['planned', 'RUNDOWN_COL_PLANNED'],
  ['seconds', 'RUNDOWN_COL_SECONDS'],
  ['cume', 'RUNDOWN_COL_CUME'],
  ['back', 'RUNDOWN_COL_BACK'],
  ['floated', 'RUNDOWN_COL_FLOATED'],
  ['notes', 'RUNDOWN_COL_NOTES'],
  ['media', 'RUNDOWN_COL_MEDIA'],
] as const satisfies readonly (readonly [keyof RundownRow, MessageCode])[];

/** A catalogue message in the export's language. */
export function label<C extends MessageCode>(
  code: C,
  lang: Lang,
  ...[params]: ParamsArg<C>
): string {
  return renderMessage(code, params ?? {}, lang);
}

/** `20:05:30`: a clock time in the slot's zone. */
export function clock(at: DateTime): string {
  return at.toFormat('HH:mm:ss');
}

const STATE_CODES: Record<RundownState, MessageCode> = {
  draft: 'RUNDOWN_STATE_DRAFT',
  ready: 'RUNDOWN_STATE_READY',
  locked: 'RUNDOWN_STATE_LOCKED',
  aired: 'RUNDOWN_STATE_AIRED',
};

/** The rows of a rundown in running order, with its timing. */
export function rundownRows(rundown: Rundown): { rows: RundownRow[]; timing: RundownTiming } {
  const timing = computeTiming(rundown);
  const rows = timing.items.map((t) => ({
    order: String(t.order),
    segment: t.segment,
    slug: t.item.slug,
    title: t.item.title,
    presenter: t.item.presenter ?? '',
    planned: formatDuration(t.item.plannedSec),
    seconds: String(t.item.plannedSec),
    cume: clock(t.cumeAt),
    back: clock(t.backAt),
    floated: t.item.floated,
    evergreen: t.item.evergreen,
    notes: t.item.notes,
    media: t.item.media.map((m) => m.file).join('; '),
  }));
  return { rows, timing };
}

/** The heading lines every printed rundown starts with: air time, state, totals. */
export function headingLines(rundown: Rundown, timing: RundownTiming, lang: Lang): string[] {
  const start = slotStart(rundown.slot);
  const lines = [
    label('RUNDOWN_AIR_LINE', lang, {
      date: start.toFormat('dd/MM/yyyy'),
      time: start.toFormat('HH:mm'),
      zone: rundown.slot.zone,
      length: formatDuration(rundown.slot.lengthSec),
      state: label(STATE_CODES[rundown.state], lang),
    }),
    label('RUNDOWN_TOTAL_LINE', lang, {
      planned: formatDuration(timing.plannedSec),
      slot: formatDuration(timing.slotSec),
      overUnder: formatOverUnder(timing.overUnderSec),
      minimum: formatDuration(timing.minimumSec),
    }),
  ];
  if (timing.belowMinimum) {
    lines.push(
      label('RUNDOWN_BELOW_MINIMUM', lang, { minimum: formatDuration(timing.minimumSec) }),
    );
  }
  return lines;
}

/** The line that heads a segment: its planned time against its target. */
export function segmentLine(segment: RundownTiming['segments'][number], lang: Lang): string {
  return label('RUNDOWN_SEGMENT_LINE', lang, {
    title: segment.title,
    planned: formatDuration(segment.plannedSec),
    target: formatDuration(segment.targetSec),
    overUnder: formatOverUnder(segment.overUnderSec),
  });
}
