import type { DateTime } from 'luxon';
import { itemsInOrder, type Rundown, slotStart } from '../broadcast/model.js';
import type { BroadcastChannel } from '../model/channel.js';
import { escapeHtml } from '../text/html.js';

/** A built programme with the size of its MP3 (the enclosure's length). */
export interface PodcastEpisode {
  rundown: Rundown;
  bytes: number;
}

const x = (text: string) => escapeHtml(text.normalize('NFC'));

/** `h:mm:ss` for `itunes:duration`. */
function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A podcast feed (RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, in Vietnamese) of a
 * channel's built programmes, newest first: each episode's enclosure is the MP3 with its
 * length in bytes, its `itunes:duration`, and the file's SHA-256 as a stable guid.
 */
export function podcastFeed(
  channel: BroadcastChannel,
  episodes: readonly PodcastEpisode[],
  base: { site: string; feedUrl: string; fileUrl: (rundown: Rundown) => string },
  now: DateTime,
): string {
  const sorted = [...episodes]
    .filter((e) => e.rundown.audio)
    .sort((a, b) => slotStart(b.rundown.slot).toMillis() - slotStart(a.rundown.slot).toMillis());
  const items = sorted.map(({ rundown, bytes }) => {
    const audio = rundown.audio as NonNullable<Rundown['audio']>;
    const day = slotStart(rundown.slot).setLocale('vi').toFormat('dd/MM/yyyy');
    const titles = itemsInOrder(rundown).map(({ item }) => item.title);
    return [
      '    <item>',
      `      <title>${x(`${channel.programme} – ${day}`)}</title>`,
      `      <description>${x(titles.join('; '))}</description>`,
      `      <pubDate>${slotStart(rundown.slot).toRFC2822()}</pubDate>`,
      `      <guid isPermaLink="false">${audio.sha256}</guid>`,
      `      <enclosure url="${x(base.fileUrl(rundown))}" length="${bytes}" type="audio/mpeg"/>`,
      `      <itunes:duration>${clock(audio.durationSec)}</itunes:duration>`,
      `      <itunes:episodeType>full</itunes:episodeType>`,
      '      <itunes:explicit>false</itunes:explicit>',
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${x(channel.name)}</title>`,
    `    <link>${x(base.site)}</link>`,
    `    <atom:link href="${x(base.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    `    <description>${x(`${channel.programme} – ${channel.station}`)}</description>`,
    '    <language>vi</language>',
    `    <lastBuildDate>${now.toUTC().toRFC2822()}</lastBuildDate>`,
    `    <itunes:author>${x(channel.station)}</itunes:author>`,
    '    <itunes:category text="Government"/>',
    '    <itunes:explicit>false</itunes:explicit>',
    '    <itunes:type>episodic</itunes:type>',
    `    <podcast:locked>yes</podcast:locked>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
