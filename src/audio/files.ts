import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type RundownSlot, slotStart } from '../broadcast/model.js';

/** The folder a channel's programmes, podcast feed and playout lists are written to. */
export const audioDir = (dataDir: string, channelId: string) =>
  join(dataDir, 'public', 'audio', channelId);

/** The podcast feed's file name in a channel's audio folder. */
export const PODCAST_FILE = 'podcast.xml';

/** The synthesis cache (`$LOA_DATA_DIR/audio-cache`). */
export const speechCacheDir = (dataDir: string) => join(dataDir, 'audio-cache');

/** A programme's file name from its slot, in local time: `xa-vu-ninh-loa-20240308-1730.mp3`. */
export function programmeFileName(channelId: string, slot: RundownSlot, ext: string): string {
  return `${channelId}-${slotStart(slot).toFormat('yyyyMMdd-HHmm')}.${ext}`;
}

/** Writes a file whole or not at all: a temporary name, then a rename. */
export async function writeAtomically(path: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const part = `${path}.${process.pid}.part`;
  await writeFile(part, bytes);
  await rename(part, path);
}
