import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendEvidence } from '../../src/evidence/log.js';
import { evidenceKey } from '../../src/evidence/store-checkpoint.js';
import { openStore } from '../../src/store/open-store.js';
import { storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';
import { importedAudit, importedReport, loa } from './import-support.js';

/**
 * Roll-up across plans (issue 12): the district plan's "each commune station 3 times a week"
 * (loa-xa) is carried out by communes that each run their own plan. Vũ Ninh's plan
 * (examples/xa-vu-ninh-2025) says its loudspeaker task implements loa-xa; An Bình's plan has
 * the same task without saying so; Quang Minh runs the district plan itself. Each commune logs
 * January 2025's airings under its own plan and task and sends the bundle its real
 * `loa evidence export` writes; the district's auditor imports them and audits the district
 * plan: Vũ Ninh's airings count for loa-xa (its missed Wednesday of week 3 too), An Bình's
 * do not, Quang Minh's count as before.
 */
const DISTRICT = join(import.meta.dirname, '../../examples/huyen-kien-xuong-2025');
const VU_NINH = join(import.meta.dirname, '../../examples/xa-vu-ninh-2025');
const PARENT = 'huyen-kien-xuong-2025';
const engines = await storeEngines();

/** Monday, Wednesday and Friday of each week of January 2025 at 17:30 local (10:30Z). */
const JANUARY = [3, 6, 8, 10, 13, 15, 17, 20, 22, 24, 27, 29, 31].map(
  (d) => `2025-01-${String(d).padStart(2, '0')}T10:30:00.000Z`,
);

interface Commune {
  unit: string;
  /** The plan and task its airings are logged under. */
  plan: string;
  task: string;
  channel: string;
  station: string;
  dataDir: string;
  project: string;
  key: string;
  bundle: string;
}

/** An Bình's own plan: Vũ Ninh's, renamed, its task not saying what it implements. */
async function anBinhPlan(project: string) {
  const text = (await readFile(join(VU_NINH, 'schedules/xa-vu-ninh-2025.yaml'), 'utf8'))
    .replace('id: xa-vu-ninh-2025', 'id: xa-an-binh-2025')
    .replaceAll('vu-ninh', 'an-binh')
    .replaceAll('Vũ Ninh', 'An Bình')
    .replace(/\n {4}implements:\n.*\n/, '\n');
  expect(text).not.toContain('implements:');
  await writeFile(join(project, 'schedules', 'xa-an-binh-2025.yaml'), text);
  const channel = (await readFile(join(VU_NINH, 'channels/loa-vu-ninh.yaml'), 'utf8'))
    .replaceAll('vu-ninh', 'an-binh')
    .replaceAll('Vũ Ninh', 'An Bình');
  await writeFile(join(project, 'channels', 'loa-an-binh.yaml'), channel);
}

/** A commune's own loa: the district plan as received, its own plan (if any) and channel. */
async function commune(spec: Omit<Commune, 'dataDir' | 'project' | 'key' | 'bundle'>) {
  const dataDir = await tempDir(`unit-${spec.unit}`);
  const project = await tempDir(`project-${spec.unit}`);
  await mkdir(join(project, 'schedules'));
  await mkdir(join(project, 'channels'));
  await cp(
    join(DISTRICT, 'schedules', `${PARENT}.yaml`),
    join(project, 'schedules', `${PARENT}.yaml`),
  );
  if (spec.unit === 'xa-vu-ninh') await cp(VU_NINH, project, { recursive: true });
  else if (spec.unit === 'xa-an-binh') await anBinhPlan(project);
  else {
    await cp(
      join(DISTRICT, 'channels', `${spec.channel}.yaml`),
      join(project, 'channels', `${spec.channel}.yaml`),
    );
  }
  const env = { LOA_DATA_DIR: dataDir, LOA_EVIDENCE_ORIGIN: `${spec.unit}.example.gov.vn/loa` };
  const valid = await loa(['validate', '--dir', project], env);
  expect(valid.code, valid.out).toBe(0);
  const times =
    spec.unit === 'xa-vu-ninh' ? JANUARY.filter((t) => !t.startsWith('2025-01-15')) : JANUARY;
  const store = await openStore({ dataDir });
  await store.transaction(async (tx) => {
    for (const time of times) {
      await appendEvidence(tx, {
        kind: 'airing',
        plan: spec.plan,
        task: spec.task,
        unit: spec.station,
        channel: spec.channel,
        channelKind: 'broadcast',
        time,
        durationSec: 600,
        actor: 'dispatcher',
      });
    }
  });
  await store.close();
  const bundle = join(dataDir, 'thang-1.zip');
  const r = await loa(
    [
      'evidence',
      'export',
      '--dir',
      project,
      '--from',
      '2025-01-01',
      '--to',
      '2025-02-01',
      '--out',
      bundle,
    ],
    env,
  );
  expect(r.code, r.out).toBe(0);
  const key = (await evidenceKey(dataDir, env)).verifierKey;
  return { ...spec, dataDir, project, key, bundle };
}

let communes: Commune[] = [];
beforeAll(async () => {
  communes = [
    await commune({
      unit: 'xa-vu-ninh',
      plan: 'xa-vu-ninh-2025',
      task: 'chuyen-muc-loa',
      channel: 'loa-vu-ninh',
      station: 'dai-vu-ninh',
    }),
    await commune({
      unit: 'xa-an-binh',
      plan: 'xa-an-binh-2025',
      task: 'chuyen-muc-loa',
      channel: 'loa-an-binh',
      station: 'dai-an-binh',
    }),
    await commune({
      unit: 'xa-quang-minh',
      plan: PARENT,
      task: 'loa-xa',
      channel: 'loa-quang-minh',
      station: 'dai-quang-minh',
    }),
  ];
}, 120_000);

describe('loa validate: a task implements a task of a parent plan', () => {
  it.each([
    {
      name: 'a task the parent plan does not have',
      change: (t: string) => t.replace('task: loa-xa }', 'task: loa-xaa }'),
      says: [
        'schedules/xa-vu-ninh-2025.yaml:29:',
        'tasks[0].implements[0].task',
        'Plan "huyen-kien-xuong-2025" has no task "loa-xaa"',
      ],
    },
    {
      name: 'a plan that is not among its parents',
      change: (t: string) =>
        t.replace('plan: huyen-kien-xuong-2025, task', 'plan: tinh-thai-binh-2025, task'),
      says: [
        'schedules/xa-vu-ninh-2025.yaml:29:',
        'tasks[0].implements[0].plan',
        'Task "chuyen-muc-loa" implements a task of plan "tinh-thai-binh-2025", but "tinh-thai-binh-2025" is not among the plan’s parents',
      ],
    },
  ])('refuses $name, naming the file, line and field', async (c) => {
    const project = await tempDir('child-invalid');
    await cp(communes[0]!.project, project, { recursive: true });
    const file = join(project, 'schedules', 'xa-vu-ninh-2025.yaml');
    await writeFile(file, c.change(await readFile(file, 'utf8')));
    const r = await loa(['validate', '--dir', project], {});
    expect(r.code).toBe(1);
    for (const said of c.says) expect(r.out).toContain(said);
    expect(r.out).toContain('1 error');
  });
});

describe.each(engines)('the district audits the communes’ own plans on $name', (engine) => {
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    env = await engine.env();
    for (const c of communes) {
      const r = await loa(['witness', 'add', c.unit, c.key], env);
      expect(r.code, r.out).toBe(0);
    }
    const r = await loa(['import', ...communes.map((c) => c.bundle)], env);
    expect(r.code, r.out).toBe(0);
  });

  it('counts a child plan’s task for the parent task it implements, and only then', async () => {
    const {
      result,
      task,
      period: week,
    } = await importedAudit(
      { plan: PARENT, period: '2025-01', dir: DISTRICT, task: 'loa-xa' },
      env,
    );
    // Vũ Ninh's own plan's airings stand for loa-xa: week 3 short of its Wednesday.
    expect(week('xa-vu-ninh', '2025-W02')).toMatchObject({ achieved: 3, status: 'met' });
    expect(week('xa-vu-ninh', '2025-W03')).toMatchObject({ achieved: 2, status: 'missed' });
    expect(week('xa-quang-minh', '2025-W03')).toMatchObject({ achieved: 3, status: 'met' });
    // An Bình's plan does not say it implements loa-xa: nothing of it counts.
    expect(week('xa-an-binh', '2025-W03')).toMatchObject({ achieved: 0, status: 'missed' });
    expect(task.achieved).toBe(12 + 13);
    expect(result.rollUp!.find((u) => u.unit === 'xa-vu-ninh')).toMatchObject({
      met: 4,
      assessed: 5,
    });
    expect(result.atRisk!.map((u) => u.unit).sort()).toEqual(['xa-an-binh', 'xa-vu-ninh']);
  });

  it('writes the periodic report over them the same way', async () => {
    const text = await importedReport({ plan: PARENT, dir: DISTRICT }, env);
    // The report is written in Vietnamese: each commune's weeks met of the quarter's 13.
    expect(text).toContain('- UBND xã Vũ Ninh: 4/13 kỳ đạt định mức');
    expect(text).toContain('- UBND xã An Bình: 0/13 kỳ đạt định mức');
    expect(text).toContain('- UBND xã Quang Minh: 5/13 kỳ đạt định mức');
    expect(text).toMatch(/- UBND xã Vũ Ninh \(loa-xa\): \d+ kỳ: 2025-W03/);
    expect(text).toMatch(/- UBND xã An Bình \(loa-xa\): \d+ kỳ: 2025-W01/);
    // Quang Minh met every week of January; February's and March's weeks have no entries.
    expect(text).toMatch(/- UBND xã Quang Minh \(loa-xa\): \d+ kỳ: 2025-W06/);
  });
});
