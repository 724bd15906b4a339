import type { Command } from 'commander';
import { findPlan, loadValidProject } from '../../config/project.js';
import { message } from '../../i18n/catalogue.js';
import type { Channel } from '../../model/channel.js';
import type { Plan } from '../../model/plan.js';
import { ruleInWords } from '../../plan/describe.js';
import { servingByTask } from '../../plan/serving.js';
import { type Output, printJson } from '../output.js';

export interface PlanOptions {
  dir?: string;
  json?: boolean;
}

function planSummary(plan: Plan, channels: Channel[]) {
  const serving = servingByTask(plan, channels);
  return {
    id: plan.id,
    document: plan.document,
    period: plan.period,
    timeZone: plan.timeZone,
    parents: plan.parents,
    tasks: plan.tasks.map((task) => ({
      id: task.id,
      title: task.title,
      source: task.source,
      unit: task.unit,
      unitName: plan.units.find((u) => u.id === task.unit)?.name ?? task.unit,
      rule: task.rule,
      manual: task.manual ?? null,
      ruleInWords: ruleInWords(task),
      channels: serving.get(task.id) ?? [],
      served: (serving.get(task.id) ?? []).length > 0,
      ...(task.implements === undefined ? {} : { implements: task.implements }),
    })),
  };
}

/** `loa plan list`: each plan with its number, period and task counts. */
export async function runPlanList(options: PlanOptions, output: Output): Promise<number> {
  const project = await loadValidProject(options.dir);
  const channels = project.channels.map((c) => c.value);
  const plans = project.plans.map((p) => planSummary(p.value, channels));
  if (options.json) {
    printJson(output, plans);
    return 0;
  }
  for (const plan of plans) {
    output.out(
      message('PLAN_LIST_LINE', {
        id: plan.id,
        number: plan.document.number,
        period: `${plan.period.start}…${plan.period.end}`,
        tasks: plan.tasks.length,
        unserved: plan.tasks.filter((t) => !t.served && t.manual === null).length,
      }),
    );
  }
  return 0;
}

/** `loa plan show <id>`: every task with its rule in words, unit, clause and channels. */
export async function runPlanShow(
  id: string,
  options: PlanOptions,
  output: Output,
): Promise<number> {
  const project = await loadValidProject(options.dir);
  const plan = findPlan(project, id);
  const summary = planSummary(
    plan,
    project.channels.map((c) => c.value),
  );
  if (options.json) {
    printJson(output, summary);
    return 0;
  }
  output.out(
    message('PLAN_HEADER', {
      id: plan.id,
      title: plan.document.title,
      number: plan.document.number,
      date: plan.document.date,
      issuer: plan.document.issuer,
      start: plan.period.start,
      end: plan.period.end,
      zone: plan.timeZone,
    }),
  );
  for (const task of summary.tasks) {
    output.out(`\n  ${message('PLAN_TASK_LINE', { source: task.source, title: task.title })}`);
    const channels = task.served ? task.channels.join(', ') : message('PLAN_NO_CHANNEL');
    output.out(
      `    ${message('PLAN_TASK_DETAIL', { unit: task.unitName, rule: task.ruleInWords, channels })}`,
    );
  }
  return 0;
}

export function registerPlan(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
): void {
  const plan = program.command('plan').description('Kế hoạch tuyên truyền / communication plans');
  plan
    .command('list')
    .description('Liệt kê kế hoạch / list plans')
    .option('--json', 'JSON')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .action(async (opts: PlanOptions) => setExit(await runPlanList(opts, output)));
  plan
    .command('show <id>')
    .description('Nhiệm vụ của một kế hoạch / the tasks of a plan')
    .option('--json', 'JSON')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .action(async (id: string, opts: PlanOptions) => setExit(await runPlanShow(id, opts, output)));
}
