import { type Rundown, slotStart } from './model.js';
import { computeTiming } from './timing.js';

/** How the MOS message is addressed and encoded. */
export interface MosExportOptions {
  /** The MOS device the message is for; default `loa.mos`. */
  mosId?: string;
  /** The newsroom system that sends it; default `loa`. */
  ncsId?: string;
  /** The message's sequence number; default 1. */
  messageId?: number;
  /** `utf8` (default) or `ucs2`: UTF-16 big-endian, as MOS sockets carry it. */
  encoding?: 'utf8' | 'ucs2';
  /** `mosSchema` of the external metadata; default `urn:loa:rundown:1`. */
  schema?: string;
}

/** MOS strings (mosString128) hold at most 128 characters. */
const MOS_STRING_MAX = 128;

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // NOTE: XML 1.0 forbids control characters other than tab and line breaks.
      .replace(/[^\P{Cc}\t\n\r]/gu, '')
  );
}

/** Cuts text to the MOS limit, in characters, on one line. */
function mos128(text: string): string {
  return [...text.replace(/\s+/g, ' ').trim()].slice(0, MOS_STRING_MAX).join('');
}

/** A MOS duration, `hh:mm:ss`. */
function mosDuration(totalSec: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(totalSec / 3600))}:${pad(Math.floor(totalSec / 60) % 60)}:${pad(totalSec % 60)}`;
}

function element(name: string, value: string | number | boolean): string {
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function metadata(schema: string, payload: Record<string, string | number | boolean>): string {
  const body = Object.entries(payload)
    .map(([k, v]) => element(k, v))
    .join('');
  return `<mosExternalMetadata><mosScope>PLAYLIST</mosScope>${element('mosSchema', schema)}<mosPayload>${body}</mosPayload></mosExternalMetadata>`;
}

/**
 * The story slug Sofie and iNEWS read: `SEGMENT;ITEM`, at most 128 characters. A `;` inside
 * the segment's name would split it wrongly, so it becomes `,`.
 */
export function storySlug(segment: string, title: string): string {
  return mos128(`${segment.replace(/;/g, ',')};${title}`);
}

/**
 * A MOS 2.8.5 `roCreate` message, as a newsroom system sends it to a MOS device: the `mos`
 * root with mosID, ncsID and messageID; roID, roSlug, roEdStart (slot start with its
 * offset), roEdDur (planned total); one story per item (storyID, storySlug `SEGMENT;ITEM`,
 * storyNum). A MOS story has no duration field: planned seconds, segment, presenter and the
 * floated flag go in each story's `mosExternalMetadata`.
 */
export function rundownMos(rundown: Rundown, options: MosExportOptions = {}): Buffer {
  const schema = options.schema ?? 'urn:loa:rundown:1';
  const timing = computeTiming(rundown);
  const start = slotStart(rundown.slot);
  const stories = timing.items.map((t) => {
    const payload: Record<string, string | number | boolean> = {
      plannedDuration: t.item.plannedSec,
      segment: t.segment,
      floated: t.item.floated,
      itemId: t.item.itemId,
      cume: t.cumeSec,
      backTime: t.backSec,
    };
    if (t.item.presenter !== undefined) payload.presenter = t.item.presenter;
    if (t.item.evergreen) payload.evergreen = true;
    return [
      '<story>',
      element('storyID', mos128(t.item.slug)),
      element('storySlug', storySlug(t.segment, t.item.title)),
      element('storyNum', t.order),
      metadata(schema, payload),
      '</story>',
    ].join('');
  });
  const xml = [
    '<mos>',
    element('mosID', mos128(options.mosId ?? 'loa.mos')),
    element('ncsID', mos128(options.ncsId ?? 'loa')),
    element('messageID', options.messageId ?? 1),
    '<roCreate>',
    element('roID', mos128(rundown.id)),
    element('roSlug', mos128(`${rundown.programme} ${start.toFormat('dd/MM/yyyy HH:mm')}`)),
    element('roEdStart', start.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ")),
    element('roEdDur', mosDuration(timing.plannedSec)),
    metadata(schema, {
      station: rundown.station,
      programme: rundown.programme,
      slotLength: rundown.slot.lengthSec,
      minimumLength: rundown.minimumSec,
      state: rundown.state,
    }),
    ...stories,
    '</roCreate>',
    '</mos>',
  ].join('\n');
  if (options.encoding === 'ucs2') return Buffer.from(xml, 'utf16le').swap16();
  return Buffer.from(xml, 'utf8');
}
