import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { runAudioBuild } from '../../src/cli/commands/audio.js';
import { runAudioAsRun } from '../../src/cli/commands/audio-as-run.js';
import { runAudit } from '../../src/cli/commands/audit.js';
import { runRundownBuild, runRundownMove } from '../../src/cli/commands/rundown.js';
import { main } from '../../src/cli/main.js';
import { ManualClock } from '../../src/model/clock.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';
import { toneVoice } from './tone-voice.js';

const zone = 'Asia/Ho_Chi_Minh';
const clock = new ManualClock(DateTime.fromISO('2024-03-11T09:00', { zone }));
const REPO = join(import.meta.dirname, '..', '..');
const NINH = 'xa-vu-ninh-loa';
const TAY = 'xa-vu-tay-loa';

/**
 * The example project with a second commune station (Vũ Tây) carrying the same items, each
 * station its own unit, and the plan's commune-station task held to 3 airings a month for
 * each station.
 */
async function twoStations(): Promise<string> {
  const root = await tempDir('stations');
  for (const dir of ['schedules', 'channels', 'content']) {
    await cp(join(REPO, dir), join(root, dir), { recursive: true });
  }
  const engine = await toneVoice(root);
  const ninh = (await readFile(join(root, 'channels', `${NINH}.yaml`), 'utf8'))
    .replace('  voice: vi\n', engine)
    .replace('unit: dai-truyen-thanh-xa', 'unit: dai-xa-vu-ninh')
    // The stand-in voice reads fast: a short programme is a full one here.
    .replace('minLengthSec: 300', 'minLengthSec: 5');
  await writeFile(join(root, 'channels', `${NINH}.yaml`), ninh);
  await writeFile(
    join(root, 'channels', `${TAY}.yaml`),
    ninh
      .replace(`id: ${NINH}`, `id: ${TAY}`)
      .replace('Đài truyền thanh xã Vũ Ninh', 'Đài truyền thanh xã Vũ Tây')
      .replace('Đài truyền thanh xã Vũ Ninh', 'Đài truyền thanh xã Vũ Tây')
      .replace('unit: dai-xa-vu-ninh', 'unit: dai-xa-vu-tay'),
  );
  const planFile = join(root, 'schedules', 'thai-binh-2024.yaml');
  const plan = await readFile(planFile, 'utf8');
  const unit =
    '  - id: dai-truyen-thanh-xa\n    name: Đài truyền thanh các xã, phường, thị trấn\n    parent: ubnd-xa\n';
  const rule =
    '    source: IV.1.a\n    rule: { per: month, atLeast: 0, channelKinds: [broadcast] }\n';
  expect(plan).toContain(unit);
  expect(plan).toContain(rule);
  await writeFile(
    planFile,
    plan
      .replace(
        unit,
        `${unit}  - id: dai-xa-vu-ninh\n    name: Đài truyền thanh xã Vũ Ninh\n    parent: dai-truyen-thanh-xa\n  - id: dai-xa-vu-tay\n    name: Đài truyền thanh xã Vũ Tây\n    parent: dai-truyen-thanh-xa\n`,
      )
      .replace(
        rule,
        '    source: IV.1.a\n    each: [dai-xa-vu-ninh, dai-xa-vu-tay]\n    rule: { per: month, atLeast: 3, channelKinds: [broadcast] }\n',
      ),
  );
  const dir = join(root, 'content');
  for (const f of await readdir(dir, { recursive: true })) {
    if (!f.endsWith('.md')) continue;
    const text = await readFile(join(dir, f), 'utf8');
    if (text.includes(NINH)) await writeFile(join(dir, f), text.replace(NINH, `${NINH}, ${TAY}`));
  }
  return root;
}

/** Builds, readies and locks a week of a station, with its audio; the programme's file. */
async function weekOf(root: string, channel: string, week: string) {
  expect(await runRundownBuild(channel, week, { dir: root }, captureOutput(), clock)).toBe(0);
  const out = captureOutput();
  expect(
    await runAudioBuild(channel, week, { dir: root, json: true }, out, clock, undefined),
    out.all(),
  ).toBe(0);
  const [built] = JSON.parse(out.stdout.join('\n'));
  for (const move of ['ready', 'lock'] as const) {
    expect(await runRundownMove(move, channel, week, { dir: root }, captureOutput(), clock)).toBe(
      0,
    );
  }
  return built.audio as { sha256: string; durationSec: number };
}

describe('the audit counts loudspeaker airings per station', () => {
  it('misses March for both stations when they air 2 and 1 programmes against 3 each', async () => {
    const root = await twoStations();
    delete process.env.LOA_DATABASE_URL;
    process.env.LOA_DATA_DIR = join(root, 'data');
    process.env.LOA_LANG = 'en';
    const synced = captureOutput();
    expect(await main(['sync', '--dir', root], synced), synced.all()).toBe(0);
    const rows = ['station,start,duration,sha256'];
    for (const [channel, week, day] of [
      [NINH, '2024-W10', '2024-03-08'],
      [NINH, '2024-W11', '2024-03-15'],
      [TAY, '2024-W11', '2024-03-15'],
    ] as const) {
      const audio = await weekOf(root, channel, week);
      rows.push(`${channel},${day}T17:30,${Math.round(audio.durationSec)},${audio.sha256}`);
    }
    const csv = join(root, 'as-run.csv');
    await writeFile(csv, `${rows.join('\n')}\n`);
    const imported = captureOutput();
    expect(
      await runAudioAsRun(csv, { dir: root, json: true }, imported, clock),
      imported.all(),
    ).toBe(0);
    const recorded = JSON.parse(imported.stdout.join('\n')) as { problems: string[] }[];
    // Each airing is the scheduled file (only short: read aloud, the stories are brief).
    expect(recorded.map((r) => r.problems.includes('audio-mismatch'))).toEqual([
      false,
      false,
      false,
    ]);
    const audit = captureOutput();
    await runAudit(
      { dir: root, plan: 'thai-binh-2024', period: '2024-03', format: 'json' },
      audit,
      new ManualClock(DateTime.fromISO('2024-04-02T09:00', { zone })),
    );
    const result = JSON.parse(audit.stdout.join('\n'));
    const task = result.tasks.find((t: { id: string }) => t.id === 'dai-truyen-thanh-xa');
    const each = (
      task.each as {
        unit: string;
        periods: { required: number; achieved: number; status: string }[];
      }[]
    ).map((u) => [u.unit, u.periods[0]?.achieved, u.periods[0]?.required, u.periods[0]?.status]);
    expect(each).toEqual([
      ['dai-xa-vu-ninh', 2, 3, 'missed'],
      ['dai-xa-vu-tay', 1, 3, 'missed'],
    ]);
  }, 240_000);
});
