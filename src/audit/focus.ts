import type { Plan } from '../model/plan.js';
import type { FocusCoverage } from './types.js';

/**
 * The plan's focus topics (trọng tâm) with the number of counted entries on each inside the
 * audited period: an entry covers a topic when it counts for a task of the audit (it passed
 * the task's rule) and carries the topic. A focus topic with none is shown as uncovered.
 */
export function focusCoverage(
  plan: Plan,
  hits: ReadonlyMap<string, ReadonlySet<number>>,
): FocusCoverage[] {
  return plan.topics
    .filter((topic) => topic.focus)
    .map((topic) => {
      const entries = hits.get(topic.id)?.size ?? 0;
      return { topic: topic.id, title: topic.title, entries, covered: entries > 0 };
    });
}
