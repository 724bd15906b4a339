import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LoaError } from '../errors/loa-error.js';
import { audioDir, writeAtomically } from './files.js';

/**
 * An emergency announcement put on a station's speakers (issue 16): one approved item, spoken
 * and mastered to its own MP3, that cuts into whatever the station plays from `start`.
 */
export interface EmergencyAnnouncement {
  /** `<channel>@<start>`: unique per channel and start. */
  id: string;
  channel: string;
  /** The content item read out. */
  item: string;
  title: string;
  /** When it cuts in, UTC ISO. */
  start: string;
  durationSec: number;
  /** The MP3 in the channel's audio folder. */
  file: string;
  sha256: string;
  loudnessLufs: number;
  actor: string;
  /** When it was announced, UTC ISO. */
  announcedAt: string;
}

/** The file, in a channel's audio folder, that lists its emergency announcements. */
export const EMERGENCY_FILE = 'emergencies.json';

/** A channel's emergency announcements, oldest first (none when it has had none). */
export async function readEmergencies(
  dataDir: string,
  channelId: string,
): Promise<EmergencyAnnouncement[]> {
  const path = join(audioDir(dataDir, channelId), EMERGENCY_FILE);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return [];
  try {
    const list = JSON.parse(text) as unknown;
    if (!Array.isArray(list)) throw new Error('not a list');
    return list as EmergencyAnnouncement[];
  } catch (cause) {
    throw new LoaError('AUDIO_EMERGENCY_FILE_INVALID', { params: { file: path }, cause });
  }
}

/** Adds an announcement to the channel's list (written whole, or not at all). */
export async function addEmergency(
  dataDir: string,
  announcement: EmergencyAnnouncement,
): Promise<void> {
  const list = (await readEmergencies(dataDir, announcement.channel)).filter(
    (a) => a.id !== announcement.id,
  );
  list.push(announcement);
  list.sort((a, b) => a.start.localeCompare(b.start));
  await writeAtomically(
    join(audioDir(dataDir, announcement.channel), EMERGENCY_FILE),
    `${JSON.stringify(list, null, 2)}\n`,
  );
}
