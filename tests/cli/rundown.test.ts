import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getMosTypes, MosModel, xml2js } from '@mos-connection/helper';
import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRun } from '../../src/cli/commands/run.js';
import {
  runRundownAired,
  runRundownBuild,
  runRundownMove,
} from '../../src/cli/commands/rundown.js';
import { runRundownShow } from '../../src/cli/commands/rundown-show.js';
import { runStatus } from '../../src/cli/commands/status.js';
import { main } from '../../src/cli/main.js';
import { readEvidence } from '../../src/evidence/log.js';
import { ManualClock } from '../../src/model/clock.js';
import { openStore } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import { captureOutput } from '../support/capture-output.js';
import { storeEngines } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';
import { writeStation } from './rundown-project.js';

const zone = 'Asia/Ho_Chi_Minh';
const at = (local: string) => new ManualClock(DateTime.fromISO(local, { zone }));
const WEEKS = ['2024-W09', '2024-W10', '2024-W11', '2024-W12', '2024-W13'];
const FRIDAYS = ['2024-03-01', '2024-03-08', '2024-03-15', '2024-03-22', '2024-03-29'];
const mosTypes = getMosTypes(true);

const engines = await storeEngines();

describe.each(engines)('loa rundown on $name', (engine) => {
  let root: string;
  const opts = () => ({ dir: root, as: 'Nguyễn Thu Hà' });

  beforeAll(async () => {
    root = await tempDir('station');
    await writeStation(root);
    const env = await engine.env();
    delete process.env.LOA_DATABASE_URL;
    Object.assign(process.env, env, { LOA_LANG: 'en' });
    expect(await main(['sync', '--dir', root], captureOutput())).toBe(0);
  });

  it('builds every Friday of March 2024 between the minimum and the slot, ready 48 h ahead', async () => {
    for (const [i, week] of WEEKS.entries()) {
      const monday = DateTime.fromISO(FRIDAYS[i] as string, { zone }).minus({ days: 4 });
      const out = captureOutput();
      expect(
        await runRundownBuild(
          'tv',
          week,
          { ...opts(), json: true },
          out,
          at(monday.toISO() as string),
        ),
      ).toBe(0);
      const [built] = JSON.parse(out.stdout.join('\n'));
      expect(built.rundown.slot.start).toBe(`${FRIDAYS[i]}T20:00:00.000+07:00`);
      if (week === '2024-W12') {
        expect(built.belowMinimum).toBe(true);
        expect(built.evergreenUsed).toEqual(['du-phong-ky-cuong']);
        continue;
      }
      expect(built.plannedSec).toBeGreaterThanOrEqual(900);
      expect(built.plannedSec).toBeLessThanOrEqual(1200);
      expect(built.belowMinimum).toBe(false);
      const wednesday = monday.plus({ days: 2, hours: 10 });
      const moved = captureOutput();
      await runRundownMove('ready', 'tv', week, opts(), moved, at(wednesday.toISO() as string));
      expect(moved.stdout.join('\n')).toContain('draft → ready');
    }
  });

  it('reports the evergreen top-up and the shortfall when building a thin week', async () => {
    const out = captureOutput();
    await runRundownBuild('tv', '2024-W12', opts(), out, at('2024-03-18T09:00'));
    expect(out.stdout.join('\n')).toContain(
      'rebuilt rundown tv@20240322T130000Z: 2 items, 8:20 of 20:00',
    );
    expect(out.stdout.join('\n')).toContain(
      'topped up from evergreen items: Kỷ luật, kỷ cương hành chính',
    );
    expect(out.stderr.join('\n')).toContain('below the minimum length 15:00 (only 8:20)');
    expect(out.stdout.join('\n')).not.toContain('Tin dự kiến phát thứ Bảy');
  });

  it('exports each week in all six formats, read back by their parsers', async () => {
    const dir = await tempDir('exports');
    for (const week of WEEKS) {
      const show = async (format: string, extra: Record<string, string> = {}) => {
        const out = captureOutput();
        await runRundownShow(
          'tv',
          week,
          { ...opts(), format, ...extra },
          out,
          at('2024-03-01T08:00'),
        );
        return out.stdout.join('\n');
      };
      const json = JSON.parse(await show('json'));
      expect(json.rundown.id).toMatch(/^tv@2024/);
      expect(json.timing.items.length).toBeGreaterThan(0);
      expect((await show('csv')).startsWith('\uFEFF')).toBe(true);
      expect(await show('txt')).toContain('Cải cách hành chính');
      expect(await show('html')).toContain('<html');
      const mos = xml2js(await show('mos')) as { mos: { roCreate: unknown } };
      const ro = MosModel.XMLRunningOrder.fromXML('roCreate', mos.mos.roCreate as never, true);
      expect(mosTypes.mosString128.stringify(ro.ID)).toBe(json.rundown.id);
      expect(ro.Stories.length).toBe(json.timing.items.length);
      const file = join(dir, `${week}.xml`);
      await show('mos', { encoding: 'ucs2', out: file });
      const bytes = await readFile(file);
      expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0, 0x3c]));
      const events = Object.values(ical.sync.parseICS(await show('ics'))).filter(
        (c): c is VEvent => c?.type === 'VEVENT',
      );
      expect(events.map((e) => e.start.toISOString())).toEqual([
        DateTime.fromISO(json.rundown.slot.start).toUTC().toISO(),
      ]);
    }
    const out = captureOutput();
    await runRundownShow(
      'tv',
      '2024-W10',
      { ...opts(), format: 'ics', from: '2024-03-01', to: '2024-03-31' },
      out,
      at('2024-03-01T08:00'),
    );
    const march = Object.values(ical.sync.parseICS(out.stdout.join('\n'))).filter(
      (c): c is VEvent => c?.type === 'VEVENT',
    );
    expect(march).toHaveLength(5);
    expect(march.filter((e) => e.status === 'TENTATIVE')).toHaveLength(5);
  });

  it('warns two days ahead about the thin week, in loa status and in each loa run pass', async () => {
    const out = captureOutput();
    await runStatus({ dir: root, channel: 'tv' }, out, at('2024-03-20T21:00'));
    const text = out.stdout.join('\n');
    expect(text).toContain(
      'warning: Cải cách hành chính 2024-03-22 20:00: due by 2024-03-20 20:00 (below the minimum length; the rundown is still a draft; 8:20 / 15:00) [thu IV.1.d]',
    );
    expect(text).toContain('Cải cách hành chính 2024-03-29 20:00: ok');
    const run = captureOutput();
    expect(await runRun({ dir: root, once: true }, run, at('2024-03-20T21:00'))).toBe(0);
    const warnings = run.stdout
      .map((line) => JSON.parse(line))
      .filter((r) => r.event === 'rundown');
    expect(warnings).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        status: 'warning',
        source: 'thu IV.1.d',
        rundown: 'tv@20240322T130000Z',
        problems: ['short', 'not-ready'],
      }),
    );
    const late = captureOutput();
    await runStatus({ dir: root, channel: 'tv' }, late, at('2024-03-22T19:00'));
    expect(late.stdout.join('\n')).toContain('2024-03-22 20:00: at risk');
  });

  it('records a 14-minute airing as non-compliant evidence, and reposts aired works once', async () => {
    const short = captureOutput();
    const clock = at('2024-03-15T21:00');
    await runRundownAired(
      'tv',
      '2024-W11',
      { ...opts(), start: '2024-03-15T20:00', duration: '840' },
      short,
      clock,
    );
    expect(short.stdout.join('\n')).toContain('NOT compliant: shorter than the minimum 15:00');
    const full = captureOutput();
    await runRundownAired(
      'tv',
      '2024-W10',
      { ...opts(), start: '2024-03-08T20:00', duration: '960' },
      full,
      at('2024-03-08T21:00'),
    );
    expect(full.stdout.join('\n')).toContain(': compliant');
    expect(full.stdout.join('\n')).toContain(
      'reposted on cong-tinh: w10-mot-cua/dang-lai-cong-tinh (2024-03-11 08:00 +07:00)',
    );
    await expect(
      runRundownAired(
        'tv',
        '2024-W10',
        { ...opts(), start: '2024-03-08T20:00', duration: '960' },
        captureOutput(),
        at('2024-03-08T22:00'),
      ),
    ).rejects.toMatchObject({ code: 'RUNDOWN_ALREADY_AIRED' });

    const status = captureOutput();
    await runStatus({ dir: root, channel: 'tv' }, status, at('2024-03-16T09:00'));
    expect(status.stdout.join('\n')).toContain('  Cải cách hành chính 2024-03-15 20:00: aired');
    const queue = captureOutput();
    expect(
      await main(['queue', 'list', '--dir', root, '--channel', 'cong-tinh', '--json'], queue),
    ).toBe(0);
    const listed = JSON.parse(queue.stdout.join('\n'));
    expect(listed.map((i: { id: string }) => i.id)).toEqual(['w10-mot-cua/dang-lai-cong-tinh']);

    const store = await openStore();
    try {
      const airings = (await readEvidence(store)).filter((e) => e.kind === 'airing');
      expect(airings.map((e) => [e.time, e.durationSec, e.compliant, e.note ?? null])).toEqual([
        ['2024-03-15T13:00:00.000Z', 840, false, 'too-short'],
        ['2024-03-08T13:00:00.000Z', 960, true, null],
      ]);
      expect(airings[0]).toMatchObject({
        plan: 'thu',
        task: 'chuyen-muc',
        channel: 'tv',
        channelKind: 'broadcast',
        unit: 'dai-ptth',
        actor: 'Nguyễn Thu Hà',
        key: 'tv@20240315T130000Z',
      });
      const events = await rawForTests(store)
        .selectFrom('rundown_events')
        .selectAll()
        .where('rundown_id', '=', 'tv@20240308T130000Z')
        .orderBy('id')
        .execute();
      expect(events.map((e) => `${e.from_state}→${e.to_state}`)).toEqual([
        'draft→draft',
        'draft→ready',
        'ready→locked',
        'locked→aired',
      ]);
    } finally {
      await store.close();
    }
  });

  it('keeps locked rundowns, unlocks only with a recorded reason, and reports a missed airing', async () => {
    const clock = at('2024-03-27T09:00');
    await runRundownMove('lock', 'tv', '2024-W13', opts(), captureOutput(), clock);
    const rebuild = captureOutput();
    await runRundownBuild('tv', '2024-W13', { ...opts(), force: true }, rebuild, clock);
    expect(rebuild.stdout.join('\n')).toContain('kept rundown tv@20240329T130000Z (locked)');
    await expect(
      runRundownMove('unlock', 'tv', '2024-W13', opts(), captureOutput(), clock),
    ).rejects.toMatchObject({ code: 'RUNDOWN_UNLOCK_REASON' });
    const unlocked = captureOutput();
    await runRundownMove(
      'unlock',
      'tv',
      '2024-W13',
      { ...opts(), reason: 'Thay tin theo chỉ đạo', json: true },
      unlocked,
      clock,
    );
    const [moved] = JSON.parse(unlocked.stdout.join('\n'));
    expect(moved.event).toEqual({
      from: 'locked',
      to: 'ready',
      actor: 'Nguyễn Thu Hà',
      at: '2024-03-27T02:00:00.000Z',
      reason: 'Thay tin theo chỉ đạo',
    });
    const after = captureOutput();
    await runStatus({ dir: root, channel: 'tv' }, after, at('2024-03-30T09:00'));
    expect(after.stdout.join('\n')).toContain(
      'warning: Cải cách hành chính 2024-03-29 20:00: missed, no as-run record [thu IV.1.d]',
    );
  });
});
