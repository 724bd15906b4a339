import { userInfo } from 'node:os';
import { DateTime } from 'luxon';
import type { Project } from '../config/project-types.js';
import type { Channel } from '../model/channel.js';
import type { PlanningConfig } from './plan/items.js';

/** The planning configuration of a loaded project: channels by id, plan zones by id. */
export function planningConfig(project: Pick<Project, 'plans' | 'channels'>): PlanningConfig {
  return {
    channels: new Map<string, Channel>(project.channels.map((c) => [c.value.id, c.value])),
    planZones: new Map(project.plans.map((p) => [p.value.id, p.value.timeZone])),
    planTopics: new Map(
      project.plans.map((p) => [p.value.id, new Map(p.value.topics.map((t) => [t.id, t.title]))]),
    ),
  };
}

/** Who acts: `--as <name>`, else the operating-system user. */
export function actorName(as?: string): string {
  if (as?.trim()) return as.trim().normalize('NFC');
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A stored instant as a user reads it: local date and time in a zone, with its offset. */
export function localTime(stored: string, zone: string): string {
  return DateTime.fromISO(stored, { zone: 'utc' }).setZone(zone).toFormat('yyyy-MM-dd HH:mm ZZ');
}
