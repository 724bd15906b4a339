import type { Project } from '../../config/project-types.js';
import type { Channel } from '../../model/channel.js';
import type { PlanningConfig } from './items.js';

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
