import type { Plan, Task } from './plan.js';

/** Every unit under `unit` through `parent`, at any depth, not the unit itself. */
export function descendantsOf(plan: Plan, unit: string): string[] {
  const children = new Map<string, string[]>();
  for (const u of plan.units) {
    if (u.parent !== undefined) children.set(u.parent, [...(children.get(u.parent) ?? []), u.id]);
  }
  const out: string[] = [];
  const queue = [...(children.get(unit) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (out.includes(next) || next === unit) continue;
    out.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return out;
}

/**
 * The units a per-unit task holds each to its quota, in plan order: the listed ids, or the
 * units under `parent` (at any depth) and/or of `type`. Undefined for a task without `each`.
 */
export function eachUnitsOf(plan: Plan, task: Task): string[] | undefined {
  const each = task.each;
  if (each === undefined) return undefined;
  if (Array.isArray(each)) return [...new Set(each)];
  const under = each.parent === undefined ? undefined : new Set(descendantsOf(plan, each.parent));
  return plan.units
    .filter((u) => (under ? under.has(u.id) : true))
    .filter((u) => (each.type === undefined ? true : u.type === each.type))
    .map((u) => u.id);
}

/**
 * A function from a unit id to the member of `members` it belongs to: itself, or the nearest
 * unit above it (through `parent`) that is a member; undefined when none is. A commune's
 * loudspeaker station (a unit under the commune) counts for the commune.
 */
export function memberOf(
  plan: Plan,
  members: readonly string[],
): (unit: string) => string | undefined {
  const set = new Set(members);
  const parents = new Map(plan.units.map((u) => [u.id, u.parent]));
  const cache = new Map<string, string | undefined>();
  return (unit) => {
    if (cache.has(unit)) return cache.get(unit);
    let at: string | undefined = unit;
    const seen = new Set<string>();
    while (at !== undefined && !set.has(at) && !seen.has(at)) {
      seen.add(at);
      at = parents.get(at);
    }
    const found = at !== undefined && set.has(at) ? at : undefined;
    cache.set(unit, found);
    return found;
  };
}
