import type { Channel } from '../model/channel.js';
import type { Plan } from '../model/plan.js';

/** The ids of the channels that serve each task of a plan (per the channels' `serves`), by task id. */
export function servingByTask(plan: Plan, channels: readonly Channel[]): Map<string, string[]> {
  const byTask = new Map<string, string[]>(plan.tasks.map((t) => [t.id, []]));
  for (const channel of channels) {
    for (const serve of channel.serves) {
      if (serve.plan !== plan.id) continue;
      for (const task of serve.tasks) byTask.get(task)?.push(channel.id);
    }
  }
  return byTask;
}
