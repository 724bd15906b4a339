import { LoaError } from '../errors/loa-error.js';
import type { Plan, Task } from '../model/plan.js';

/**
 * A unit and every unit under it through `parent`, so that an audit of a department rolls
 * up its offices. Throws AUDIT_UNIT_NOT_FOUND for a unit the plan does not list.
 */
export function unitWithDescendants(plan: Plan, unit: string): string[] {
  if (!plan.units.some((u) => u.id === unit)) {
    const known = plan.units.map((u) => u.id).join(', ');
    throw new LoaError('AUDIT_UNIT_NOT_FOUND', {
      params: { unit, plan: plan.id, known },
      kind: 'not-found',
    });
  }
  const children = new Map<string, string[]>();
  for (const u of plan.units) {
    if (u.parent === undefined) continue;
    children.set(u.parent, [...(children.get(u.parent) ?? []), u.id]);
  }
  const out: string[] = [];
  const queue = [unit];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (out.includes(next)) continue;
    out.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return out;
}

/** Whether a task falls to one of these units, as the responsible unit or a partner. */
export function taskOfUnits(task: Task, units: ReadonlySet<string>): boolean {
  return units.has(task.unit) || task.partners.some((p) => units.has(p));
}
