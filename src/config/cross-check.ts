import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CodeParams, MessageCode } from '../i18n/catalogue.js';
import type { BroadcastChannel, Channel } from '../model/channel.js';
import { capabilitiesOf, hasCapability } from '../model/channel-kinds.js';
import type { ContentItem } from '../model/item.js';
import type { Plan, Task } from '../model/plan.js';
import { eachUnitsOf } from '../model/plan-each.js';
import { minutesOfDay } from '../model/primitives.js';
import { dataDirFrom } from '../store/open-store.js';
import { resolveInside } from './contained.js';
import { type Diagnostic, fieldPath } from './diagnostic.js';
import type { Located } from './load-file.js';
import type { Project } from './project-types.js';

type Emit = <C extends MessageCode>(
  at: Located<unknown>,
  path: PropertyKey[],
  code: C,
  params: CodeParams<C>,
  severity?: Diagnostic['severity'],
) => void;

function duplicates<T>(list: Located<T>[], idOf: (v: T) => string, what: string, emit: Emit) {
  const seen = new Map<string, Located<T>>();
  for (const entry of list) {
    const id = idOf(entry.value);
    const first = seen.get(id);
    if (first) emit(entry, ['id'], 'DUPLICATE_ID', { id, other: first.file, what });
    else seen.set(id, entry);
  }
}

function duplicatesWithin(
  at: Located<unknown>,
  list: { id: string }[],
  key: string,
  what: string,
  emit: Emit,
) {
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    if (seen.has(entry.id))
      emit(at, [key, index, 'id'], 'DUPLICATE_ID', { id: entry.id, other: at.file, what });
    seen.add(entry.id);
  });
}

/** A per-unit task's `each` names units the plan lists, and at least one. */
function checkEach(
  at: Located<Plan>,
  plan: Plan,
  task: Task,
  i: number,
  units: ReadonlySet<string>,
  emit: Emit,
) {
  const each = task.each;
  if (each === undefined) return;
  let unknown = false;
  if (Array.isArray(each)) {
    each.forEach((id, j) => {
      if (units.has(id)) return;
      unknown = true;
      emit(at, ['tasks', i, 'each', j], 'UNKNOWN_UNIT', { id, plans: plan.id });
    });
  } else if (each.parent !== undefined && !units.has(each.parent)) {
    unknown = true;
    emit(at, ['tasks', i, 'each', 'parent'], 'UNKNOWN_UNIT', { id: each.parent, plans: plan.id });
  }
  if (!unknown && (eachUnitsOf(plan, task) ?? []).length === 0) {
    emit(at, ['tasks', i, 'each'], 'EACH_NO_UNITS', {
      task: task.id,
      parent: Array.isArray(each) ? '' : (each.parent ?? ''),
      type: Array.isArray(each) ? '' : (each.type ?? ''),
    });
  }
}

/**
 * A task's `implements` names tasks of the plan's parents; a parent in schedules/ must have
 * the task (one that is not is named by the `parents` check).
 */
function checkImplements(
  at: Located<Plan>,
  plan: Plan,
  task: Task,
  i: number,
  plans: Map<string, Plan>,
  emit: Emit,
) {
  task.implements?.forEach((ref, j) => {
    if (!plan.parents.includes(ref.plan)) {
      emit(at, ['tasks', i, 'implements', j, 'plan'], 'IMPLEMENTS_NOT_PARENT', {
        plan: ref.plan,
        task: task.id,
      });
      return;
    }
    const parent = plans.get(ref.plan);
    if (parent !== undefined && !parent.tasks.some((t) => t.id === ref.task)) {
      emit(at, ['tasks', i, 'implements', j, 'task'], 'UNKNOWN_TASK', {
        id: ref.task,
        plan: ref.plan,
      });
    }
  });
}

function checkPlan(at: Located<Plan>, plans: Map<string, Plan>, emit: Emit) {
  const plan = at.value;
  duplicatesWithin(at, plan.units, 'units', 'unit', emit);
  duplicatesWithin(at, plan.topics, 'topics', 'topic', emit);
  duplicatesWithin(at, plan.tasks, 'tasks', 'task', emit);
  duplicatesWithin(at, plan.reporting, 'reporting', 'report', emit);
  const units = new Set(plan.units.map((u) => u.id));
  const topics = new Set(plan.topics.map((t) => t.id));
  plan.parents.forEach((parent, i) => {
    if (!plans.has(parent)) emit(at, ['parents', i], 'UNKNOWN_PLAN', { id: parent });
  });
  plan.units.forEach((unit, i) => {
    if (unit.parent && !units.has(unit.parent)) {
      emit(at, ['units', i, 'parent'], 'UNKNOWN_UNIT', { id: unit.parent, plans: plan.id });
    }
  });
  plan.tasks.forEach((task, i) => {
    if (!units.has(task.unit))
      emit(at, ['tasks', i, 'unit'], 'UNKNOWN_UNIT', { id: task.unit, plans: plan.id });
    task.partners.forEach((p, j) => {
      if (!units.has(p))
        emit(at, ['tasks', i, 'partners', j], 'UNKNOWN_UNIT', { id: p, plans: plan.id });
    });
    checkEach(at, plan, task, i, units, emit);
    checkImplements(at, plan, task, i, plans, emit);
    task.rule.topics?.forEach((t, j) => {
      if (!topics.has(t))
        emit(at, ['tasks', i, 'rule', 'topics', j], 'UNKNOWN_TOPIC', { id: t, plans: plan.id });
    });
  });
}

/** Whether a channel of this kind can carry out the task. */
export function channelCanServe(kind: Channel['kind'], task: Task): boolean {
  if (task.rule.channelKinds?.includes(kind)) return true;
  // Ingested press articles are the evidence of press-coverage tasks.
  return capabilitiesOf(kind).ingests && task.manual === 'press';
}

function slotLabel(slot: BroadcastChannel['slots'][number]): string {
  const days = slot.weekday ?? slot.rrule ?? slot.dates?.join(',') ?? '';
  return `${days} ${slot.start} (${slot.lengthSec}s)`;
}

function outside(window: { from: string; to: string }, start: number, end: number): boolean {
  return start < minutesOfDay(window.from) || end > minutesOfDay(window.to);
}

function checkBroadcastSlots(
  at: Located<Channel>,
  channel: BroadcastChannel,
  tasks: Task[],
  emit: Emit,
) {
  channel.slots.forEach((slot, i) => {
    const start = minutesOfDay(slot.start);
    const end = start + slot.lengthSec / 60;
    const label = slotLabel(slot);
    let short = false;
    let late = false;
    for (const task of tasks) {
      const minimum = task.rule.minDurationSec;
      const cite = { slot: label, task: task.id, source: task.source };
      if (minimum !== undefined && slot.lengthSec < minimum) {
        short = true;
        emit(at, ['slots', i, 'lengthSec'], 'SLOT_TOO_SHORT', {
          ...cite,
          length: slot.lengthSec,
          minimum,
        });
      }
      const window = task.rule.window;
      if (window && outside(window, start, end)) {
        late = true;
        emit(at, ['slots', i, 'start'], 'SLOT_OUTSIDE_WINDOW', {
          ...cite,
          window: `${window.from}–${window.to}`,
        });
      }
    }
    // The channel's own bounds, reported only where no plan clause already said it.
    if (!short && slot.lengthSec < channel.minLengthSec) {
      emit(at, ['slots', i, 'lengthSec'], 'SLOT_BELOW_CHANNEL_MINIMUM', {
        slot: label,
        length: slot.lengthSec,
        minimum: channel.minLengthSec,
      });
    }
    const prime = channel.primeTime;
    if (!late && prime && outside(prime, start, end)) {
      emit(at, ['slots', i, 'start'], 'SLOT_OUTSIDE_CHANNEL_PRIME_TIME', {
        slot: label,
        window: `${prime.from}–${prime.to}`,
      });
    }
  });
}

/**
 * A broadcast channel's jingle folder stays inside the project and each jingle inside that
 * folder, by name and by real path (a symbolic link out is refused here, not at build).
 */
function checkJingles(at: Located<Channel>, channel: BroadcastChannel, root: string, emit: Emit) {
  const audio = channel.audio;
  if (!audio) return;
  const folder = resolveInside(root, audio.folder ?? '.');
  if (folder === undefined) {
    emit(at, ['audio', 'folder'], 'AUDIO_PATH_OUTSIDE', { value: audio.folder ?? '.' });
    return;
  }
  for (const key of ['intro', 'outro'] as const) {
    const name = audio[key];
    if (name !== undefined && resolveInside(folder, name) === undefined) {
      emit(at, ['audio', key], 'AUDIO_PATH_OUTSIDE', { value: name });
    }
  }
}

/**
 * The folder a channel writes into (a files channel's) stays inside the data directory by real path too: a symbolic link
 * there (the folder itself or a folder on the way) leading out is refused here, not at publish.
 * Its name was checked by the schema.
 */
function checkOutputFolder(at: Located<Channel>, channel: Channel, dataDir: string, emit: Emit) {
  if (!hasCapability(channel, 'writesFolder')) return;
  const named = channel.folder ?? join('out', channel.id);
  if (resolveInside(dataDir, named) === undefined) {
    emit(at, channel.folder === undefined ? ['id'] : ['folder'], 'FOLDER_OUTSIDE_DATA', {
      value: named,
    });
  }
}

function checkChannel(
  at: Located<Channel>,
  plans: Map<string, Plan>,
  channels: Map<string, Channel>,
  env: NodeJS.ProcessEnv,
  root: string,
  emit: Emit,
) {
  const channel = at.value;
  const served: Task[] = [];
  const servedPlans: Plan[] = [];
  for (const [i, serve] of channel.serves.entries()) {
    const plan = plans.get(serve.plan);
    if (!plan) {
      emit(at, ['serves', i, 'plan'], 'UNKNOWN_PLAN', { id: serve.plan });
      continue;
    }
    servedPlans.push(plan);
    for (const [j, taskId] of serve.tasks.entries()) {
      const task = plan.tasks.find((t) => t.id === taskId);
      if (!task) {
        emit(at, ['serves', i, 'tasks', j], 'UNKNOWN_TASK', { id: taskId, plan: plan.id });
        continue;
      }
      if (!channelCanServe(channel.kind, task)) {
        emit(at, ['serves', i, 'tasks', j], 'TASK_KIND_MISMATCH', {
          task: task.id,
          source: task.source,
          kind: channel.kind,
        });
      }
      served.push(task);
    }
  }
  const unitPlans = servedPlans.length > 0 ? servedPlans : [...plans.values()];
  if (!unitPlans.some((p) => p.units.some((u) => u.id === channel.unit))) {
    emit(at, ['unit'], 'UNKNOWN_UNIT', {
      id: channel.unit,
      plans: unitPlans.map((p) => p.id).join(', '),
    });
  }
  const wantPortal = (path: PropertyKey[], id: string | undefined) => {
    if (id === undefined) return;
    if (!hasCapability(channels.get(id), 'portal')) emit(at, path, 'UNKNOWN_CHANNEL', { id });
  };
  // Each check belongs to what the channel does, not to its kind's name.
  if (hasCapability(channel, 'airs')) {
    checkBroadcastSlots(at, channel, served, emit);
    wantPortal(['repostTo'], channel.repostTo);
    checkJingles(at, channel, root, emit);
  }
  if (hasCapability(channel, 'issues')) wantPortal(['portal'], channel.portal);
  if (hasCapability(channel, 'ingests')) {
    channel.channels.forEach((id, i) => {
      if (!channels.has(id)) emit(at, ['channels', i], 'UNKNOWN_CHANNEL', { id });
    });
  }
  if (hasCapability(channel, 'credentials')) {
    const missing = [channel.credentials.userEnv, channel.credentials.passwordEnv].filter(
      (name) => !env[name],
    );
    if (missing.length > 0) {
      emit(
        at,
        ['credentials'],
        'CHANNEL_NOT_CONFIGURED',
        { channel: channel.id, vars: missing.join(', ') },
        'warning',
      );
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function checkItem(
  at: Located<ContentItem>,
  plans: Map<string, Plan>,
  channels: Map<string, Channel>,
  emit: Emit,
) {
  const item = at.value;
  const itemPlans = new Map<string, Plan>();
  for (const [i, id] of item.channels.entries()) {
    const channel = channels.get(id);
    if (!channel) {
      emit(at, ['channels', i], 'UNKNOWN_CHANNEL', { id });
      continue;
    }
    for (const serve of channel.serves) {
      const plan = plans.get(serve.plan);
      if (plan) itemPlans.set(plan.id, plan);
    }
  }
  const scope = itemPlans.size > 0 ? [...itemPlans.values()] : [...plans.values()];
  const names = scope.map((p) => p.id).join(', ');
  if (!scope.some((p) => p.units.some((u) => u.id === item.unit))) {
    emit(at, ['unit'], 'UNKNOWN_UNIT', { id: item.unit, plans: names });
  }
  item.topics.forEach((topic, i) => {
    if (!scope.some((p) => p.topics.some((t) => t.id === topic))) {
      emit(at, ['topics', i], 'UNKNOWN_TOPIC', { id: topic, plans: names });
    }
  });
  await Promise.all(
    item.media.map(async (media, i) => {
      if (!(await exists(join(dirname(at.file), media.file)))) {
        emit(at, ['media', i, 'file'], 'UNKNOWN_MEDIA', { file: media.file });
      }
    }),
  );
}

/** Cross-references among the files that parsed: ids, plans, tasks, units, topics, slots. */
export async function crossCheck(project: Project, env: NodeJS.ProcessEnv): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const emit: Emit = (at, path, code, params, severity = 'error') => {
    out.push({
      severity,
      code,
      params,
      file: at.file,
      field: fieldPath(path),
      ...at.source.locate(path),
    });
  };
  duplicates(project.plans, (p) => p.id, 'plan', emit);
  duplicates(project.channels, (c) => c.id, 'channel', emit);
  duplicates(project.items, (i) => i.id, 'item', emit);
  const plans = new Map(project.plans.map((p) => [p.value.id, p.value]));
  const channels = new Map(project.channels.map((c) => [c.value.id, c.value]));
  for (const plan of project.plans) checkPlan(plan, plans, emit);
  for (const channel of project.channels) {
    checkChannel(channel, plans, channels, env, project.root, emit);
    checkOutputFolder(channel, channel.value, dataDirFrom(env), emit);
  }
  await Promise.all(project.items.map((item) => checkItem(item, plans, channels, emit)));
  return out;
}
