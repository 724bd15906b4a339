import type { Rundown } from '../../broadcast/model.js';
import { formatDuration } from '../../broadcast/timing.js';
import { message } from '../../i18n/catalogue.js';
import { type Html, html } from './html.js';

/**
 * Listening on the rundown page (issue 16): the built programme's MP3 in an audio element,
 * with its length, loudness and the start of its SHA-256. Nothing when no audio was built.
 */
export function rundownAudio(rundown: Rundown): Html | '' {
  const audio = rundown.audio;
  if (!audio) return '';
  const src = `/audio/${encodeURIComponent(rundown.channelId)}/${encodeURIComponent(audio.file)}`;
  const caption = message('PAGE_AUDIO_CAPTION', {
    duration: formatDuration(audio.durationSec),
    lufs: audio.loudnessLufs.toFixed(1),
    sha: audio.sha256.slice(0, 16),
  });
  return html`<figure class="programme-audio"><figcaption>${caption}</figcaption><audio controls preload="none" src="${src}"><a href="${src}">${audio.file}</a></audio></figure>`;
}
