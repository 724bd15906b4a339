import { getMosTypes, MosModel, xml2js } from '@mos-connection/helper';
import { describe, expect, it } from 'vitest';
import { rundownMos, storySlug } from '../../src/broadcast/export-mos.js';
import { updateItem } from '../../src/broadcast/state.js';
import { computeTiming } from '../../src/broadcast/timing.js';
import { fixedRundown } from './sample.js';

const mosTypes = getMosTypes(true);

/** Parses a MOS message the way a MOS device (sofie-mos-connection) does. */
function parseRoCreate(text: string) {
  const message = xml2js(text) as { mos: Record<string, unknown> };
  const mos = message.mos;
  const ro = MosModel.XMLRunningOrder.fromXML('roCreate', mos.roCreate as never, true);
  return { mos, ro };
}

function check(text: string) {
  const rundown = fixedRundown();
  const timing = computeTiming(rundown);
  const { mos, ro } = parseRoCreate(text);
  expect(mos.mosID).toBe('dai-ptth.mos');
  expect(mos.ncsID).toBe('loa');
  expect(mos.messageID).toBe('42');
  expect(mosTypes.mosString128.stringify(ro.ID)).toBe('truyen-hinh-tinh@20240308T130000Z');
  expect(mosTypes.mosString128.stringify(ro.Slug)).toBe('Cải cách hành chính 08/03/2024 20:00');
  expect(new Date(mosTypes.mosTime.valueOf(ro.EditorialStart!)).toISOString()).toBe(
    '2024-03-08T13:00:00.000Z',
  );
  expect(mosTypes.mosDuration.valueOf(ro.EditorialDuration!)).toBe(960);
  expect(ro.Stories).toHaveLength(4);
  const stories = ro.Stories.map((story) => {
    const payload = story.MosExternalMetaData?.[0]?.MosPayload as Record<string, string>;
    return {
      id: mosTypes.mosString128.stringify(story.ID),
      slug: mosTypes.mosString128.stringify(story.Slug!),
      num: mosTypes.mosString128.stringify(story.Number!),
      planned: Number(payload.plannedDuration),
      floated: payload.floated,
      presenter: payload.presenter,
    };
  });
  expect(stories).toEqual(
    timing.items.map((t) => ({
      id: t.item.slug,
      slug: `${t.segment};${t.item.title}`,
      num: String(t.order),
      planned: t.item.plannedSec,
      floated: String(t.item.floated),
      presenter: t.item.presenter,
    })),
  );
}

describe('MOS roCreate export', () => {
  const options = { mosId: 'dai-ptth.mos', messageId: 42 };

  it('is read back by a MOS parser with every story and duration, in UTF-8', () => {
    const bytes = rundownMos(fixedRundown(), options);
    expect(bytes.subarray(0, 5).toString('utf8')).toBe('<mos>');
    check(bytes.toString('utf8'));
  });

  it('is read back the same in UTF-16 big-endian (ucs2)', () => {
    const bytes = rundownMos(fixedRundown(), { ...options, encoding: 'ucs2' });
    expect([...bytes.subarray(0, 4)]).toEqual([0x00, 0x3c, 0x00, 0x6d]);
    check(new TextDecoder('utf-16be').decode(bytes));
    const swapped = Buffer.from(bytes).swap16().toString('utf16le');
    expect(swapped).toBe(rundownMos(fixedRundown(), options).toString('utf8'));
  });

  it('keeps story slugs within 128 characters and escapes XML', () => {
    const long = 'Cải cách hành chính '.repeat(10);
    expect([...storySlug('Tin tức', long)]).toHaveLength(128);
    expect(storySlug('A;B', 'x')).toBe('A,B;x');
    const rundown = updateItem(fixedRundown(), 'mot-cua-lien-thong', {
      title: `<Một cửa> & "liên thông" ${long}`,
    });
    const { ro } = parseRoCreate(rundownMos(rundown).toString('utf8'));
    const slug = mosTypes.mosString128.stringify(ro.Stories[0]!.Slug!);
    expect(slug.startsWith('Tin tức;<Một cửa> & "liên thông" Cải cách')).toBe(true);
    expect([...slug]).toHaveLength(128);
  });

  it('encodes a hostile title and presenter as XML text: no element injected, controls dropped', () => {
    const rundown = updateItem(fixedRundown(), 'mot-cua-lien-thong', {
      title: 'A</storySlug><storyID>x</storyID> & ]]> <![CDATA[ y\r\nz\u0000\u0007\u001b[1m',
      presenter: '</presenter><mosAbstract>giả</mosAbstract>&amp;',
    });
    const text = rundownMos(rundown).toString('utf8');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point.
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(text).not.toContain('<storyID>x</storyID>');
    expect(text).not.toContain('<mosAbstract>');
    expect(text).toContain('&lt;/storySlug&gt;');
    const { ro } = parseRoCreate(text);
    expect(ro.Stories).toHaveLength(4);
    const story = ro.Stories[0]!;
    expect(mosTypes.mosString128.stringify(story.ID)).toBe('mot-cua-lien-thong');
    expect(mosTypes.mosString128.stringify(story.Slug!)).toBe(
      'Tin tức;A</storySlug><storyID>x</storyID> & ]]> <![CDATA[ y z[1m',
    );
    const payload = story.MosExternalMetaData?.[0]?.MosPayload as Record<string, string>;
    expect(payload.presenter).toBe('</presenter><mosAbstract>giả</mosAbstract>&amp;');
  });
});
