import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { DateTime } from 'luxon';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../../src/app/session.js';
import { addUser, createToken } from '../../src/auth/users.js';
import { runAudioBuild } from '../../src/cli/commands/audio.js';
import { runAudioAsRun } from '../../src/cli/commands/audio-as-run.js';
import { runAudioEmergency } from '../../src/cli/commands/audio-emergency.js';
import { runPlayList } from '../../src/cli/commands/audio-play-list.js';
import { runAudit } from '../../src/cli/commands/audit.js';
import { runRundownBuild, runRundownMove } from '../../src/cli/commands/rundown.js';
import { runRundownShow } from '../../src/cli/commands/rundown-show.js';
import { main } from '../../src/cli/main.js';
import { readEvidence } from '../../src/evidence/log.js';
import { ManualClock } from '../../src/model/clock.js';
import { createApp } from '../../src/server/app.js';
import { startServer } from '../../src/server/serve.js';
import { openStore } from '../../src/store/open-store.js';
import { getPage, login } from '../server/pages-support.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';
import { measureLoudness, probeDuration, silences } from './ffmpeg.js';
import { toneVoice } from './tone-voice.js';

const zone = 'Asia/Ho_Chi_Minh';
const clock = new ManualClock(DateTime.fromISO('2024-03-11T09:00', { zone }));
const REPO = join(import.meta.dirname, '..', '..');
const CHANNEL = 'xa-vu-ninh-loa';
const WEEK = '2024-W11';

/** The example project (plans, channels with the station's jingles, content) in a temp folder. */
async function exampleProject(): Promise<{ root: string; data: string }> {
  const root = await tempDir('audio');
  for (const dir of ['schedules', 'channels', 'content']) {
    await cp(join(REPO, dir), join(root, dir), { recursive: true });
  }
  return { root, data: join(root, 'data') };
}

async function build(root: string, extra: Record<string, unknown> = {}, week = WEEK) {
  const out = captureOutput();
  const code = await runAudioBuild(
    CHANNEL,
    week,
    { dir: root, json: true, ...extra },
    out,
    clock,
    undefined,
  );
  return { code, out, results: code === 0 ? JSON.parse(out.stdout.join('\n')) : [] };
}

describe('loa audio build: a week of the example commune station', () => {
  let root: string;
  let file: string;
  let result: { action: string; plannedSec: number; audio: Record<string, unknown> };

  beforeAll(async () => {
    ({ root } = await exampleProject());
    delete process.env.LOA_DATABASE_URL;
    process.env.LOA_DATA_DIR = join(root, 'data');
    process.env.LOA_LANG = 'en';
    expect(await main(['sync', '--dir', root], captureOutput())).toBe(0);
    expect(await runRundownBuild(CHANNEL, WEEK, { dir: root }, captureOutput(), clock)).toBe(0);
    const built = await build(root);
    expect(built.code, built.out.all()).toBe(0);
    result = built.results[0];
    file = join(root, 'data', 'public', 'audio', CHANNEL, String(result.audio.file));
  }, 180_000);

  it('writes one MP3 whose decoded length matches the rundown within 2 s', async () => {
    expect(result.action).toBe('built');
    const duration = await probeDuration(file);
    expect(Math.abs(duration - result.plannedSec)).toBeLessThanOrEqual(2);
    const shown = captureOutput();
    await runRundownShow(CHANNEL, WEEK, { dir: root, format: 'json' }, shown);
    const parsed = JSON.parse(shown.stdout.join('\n'));
    const rundown = Array.isArray(parsed) ? parsed[0] : parsed;
    expect(Math.abs(duration - rundown.timing.plannedSec)).toBeLessThanOrEqual(2);
  });

  it('is at −16 LUFS within 1 LU, measured by an independent meter', async () => {
    const lufs = await measureLoudness(file);
    expect(Math.abs(lufs - -16)).toBeLessThanOrEqual(1);
    expect(Math.abs(lufs - Number(result.audio.loudnessLufs))).toBeLessThanOrEqual(0.5);
  });

  it('has no silence longer than the configured pause (1.5 s)', async () => {
    expect(await silences(file, 1.5 + 0.3)).toEqual([]);
    // …and the pauses between parts are there.
    expect((await silences(file, 1.2)).length).toBeGreaterThanOrEqual(2);
  });

  it('records the file’s SHA-256 and puts the real story lengths in the rundown', async () => {
    const bytes = await readFile(file);
    const { createHash } = await import('node:crypto');
    expect(result.audio.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const shown = captureOutput();
    await runRundownShow(CHANNEL, WEEK, { dir: root, format: 'json' }, shown);
    const parsed = JSON.parse(shown.stdout.join('\n'));
    const rundown = Array.isArray(parsed) ? parsed[0] : parsed;
    const items = rundown.rundown.segments.flatMap((s: { items: unknown[] }) => s.items);
    // The items planned 420 s and 360 s; read aloud they take far less.
    for (const item of items) expect(item.plannedSec).toBeLessThan(120);
    expect(rundown.rundown.audio.sha256).toBe(result.audio.sha256);
  });

  it('recognises an unchanged week and keeps the file', async () => {
    const before = await stat(file);
    const again = await build(root);
    expect(again.results[0].action).toBe('unchanged');
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('lists the station’s playout in its zone with the level, as JSON and M3U8', async () => {
    const out = captureOutput();
    expect(
      await runPlayList(CHANNEL, { dir: root, period: '2024-03', format: 'json' }, out, clock),
    ).toBe(0);
    const list = JSON.parse(out.stdout.join('\n'));
    const entry = list.entries.find((e: { sha256: string }) => e.sha256 === result.audio.sha256);
    expect(entry).toMatchObject({
      start: '2024-03-15T17:30:00.000+07:00',
      level: 'normal',
      url: `http://127.0.0.1:8080/audio/${CHANNEL}/${result.audio.file}`,
    });
    const m3u = captureOutput();
    await runPlayList(CHANNEL, { dir: root, period: '2024-W11', format: 'm3u8' }, m3u, clock);
    const lines = m3u.stdout.join('\n').split('\n');
    expect(lines[0]).toBe('#EXTM3U');
    expect(lines).toContain('#EXT-X-PROGRAM-DATE-TIME:2024-03-15T17:30:00.000+07:00');
    expect(lines).toContain(
      `#EXTINF:${Math.round(Number(result.audio.durationSec))},Cải cách hành chính và thủ tục hành chính cấp xã`,
    );
    expect(lines.at(-1)).toBe(entry.url);
  });

  it('serves the playout to a read-only token, the MP3 and a podcast feed that two parsers read', async () => {
    const session = await openSession(root, process.env);
    try {
      const by = { actor: 'test', at: '2024-03-11T02:00:00.000Z' };
      await addUser(session.store, 'Kiểm tra', 'auditor', by);
      const token = (await createToken(session.store, 'Kiểm tra', by)).token;
      const { app } = createApp({ session, clock, log: () => {} });
      const path = `/api/audio/${CHANNEL}/playout?period=2024-W11`;
      expect((await app.request(path)).status).toBe(401);
      const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        entries: { sha256: string; level: string; url: string }[];
      };
      expect(body.entries[0]).toMatchObject({ sha256: result.audio.sha256, level: 'normal' });
      const m3u = await app.request(`${path}&format=m3u8`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(m3u.headers.get('content-type')).toContain('mpegurl');
      const mp3 = await app.request(new URL(body.entries[0]?.url ?? '').pathname);
      expect(mp3.status).toBe(200);
      expect(mp3.headers.get('content-type')).toBe('audio/mpeg');
      const bytes = new Uint8Array(await mp3.arrayBuffer());
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(result.audio.sha256);

      // The rundown page plays the programme in the browser.
      const cookie = await login(app, token);
      const page = await getPage(app, `/rundown/${CHANNEL}/${WEEK}`, cookie);
      expect(page).toContain(
        `<audio controls preload="none" src="/audio/${CHANNEL}/${result.audio.file}">`,
      );
      expect(page).toContain(`SHA-256 ${String(result.audio.sha256).slice(0, 16)}`);

      const feed = await app.request(`http://loa.example.vn/audio/${CHANNEL}/podcast.xml`);
      expect(feed.status).toBe(200);
      const xml = await feed.text();
      const rss = await new Parser({ customFields: { item: ['itunes:duration'] } }).parseString(
        xml,
      );
      expect(rss.title).toBe('Chuyên mục Cải cách hành chính – Đài truyền thanh xã Vũ Ninh');
      expect(rss.language).toBe('vi');
      const episode = rss.items.find((i) => i.guid === result.audio.sha256);
      expect(episode?.enclosure).toMatchObject({
        url: `http://loa.example.vn/audio/${CHANNEL}/${result.audio.file}`,
        type: 'audio/mpeg',
        length: String(bytes.length),
      });
      expect(episode?.title).toBe('Cải cách hành chính và thủ tục hành chính cấp xã – 15/03/2024');
      expect(rss.itunes?.author).toBe('Đài truyền thanh xã Vũ Ninh (huyện Kiến Xương)');
      const second = parseFeed(xml);
      expect(second.language).toBe('vi');
      const item = second.items.find((i) => i.id === result.audio.sha256);
      expect(item?.media[0]).toMatchObject({
        url: `http://loa.example.vn/audio/${CHANNEL}/${result.audio.file}`,
        mimeType: 'audio/mpeg',
        length: bytes.length,
      });
      expect(item?.published?.toISOString()).toBe('2024-03-15T10:30:00.000Z');
    } finally {
      await session.store.close();
    }
  });

  it('writes the podcast feed under the data folder, says where, and two parsers read it', async () => {
    const again = await build(root);
    const path = join(root, 'data', 'public', 'audio', CHANNEL, 'podcast.xml');
    expect(again.out.stderr.join('\n')).toContain(`Podcast feed written: ${path}`);
    const xml = await readFile(path, 'utf8');
    const url = `http://127.0.0.1:8080/audio/${CHANNEL}/${result.audio.file}`;
    const bytes = (await stat(file)).size;
    const rss = await new Parser({ customFields: { item: ['itunes:duration'] } }).parseString(xml);
    expect(rss.title).toBe('Chuyên mục Cải cách hành chính – Đài truyền thanh xã Vũ Ninh');
    expect(rss.feedUrl).toBe(`http://127.0.0.1:8080/audio/${CHANNEL}/podcast.xml`);
    const episode = rss.items.find((i) => i.guid === result.audio.sha256);
    expect(episode?.enclosure).toMatchObject({ url, type: 'audio/mpeg', length: String(bytes) });
    const seconds = Math.round(Number(result.audio.durationSec));
    expect((episode as Record<string, unknown> | undefined)?.['itunes:duration']).toBe(
      `0:${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`,
    );
    const second = parseFeed(xml);
    expect(second.language).toBe('vi');
    const item = second.items.find((i) => i.id === result.audio.sha256);
    expect(item?.media[0]).toMatchObject({ url, mimeType: 'audio/mpeg', length: bytes });
    // The text output names the file too.
    const text = captureOutput();
    await runAudioBuild(CHANNEL, WEEK, { dir: root }, text, clock, undefined);
    expect(text.stdout.join('\n')).toContain(path);
  });

  it('serves the MP3 in byte ranges over HTTP, so players can seek', async () => {
    const session = await openSession(root, process.env);
    const server = await startServer({ session, clock, log: () => {} }, { port: 0 });
    try {
      const url = `http://127.0.0.1:${server.port}/audio/${CHANNEL}/${result.audio.file}`;
      const whole = new Uint8Array(await readFile(file));
      const full = await fetch(url);
      expect(full.status).toBe(200);
      expect(full.headers.get('accept-ranges')).toBe('bytes');
      await full.arrayBuffer();
      const cases: [string, number, number][] = [
        ['bytes=0-99', 0, 99],
        [`bytes=1000-`, 1000, whole.length - 1],
        ['bytes=-500', whole.length - 500, whole.length - 1],
        [`bytes=${whole.length - 10}-${whole.length + 999}`, whole.length - 10, whole.length - 1],
      ];
      for (const [range, start, end] of cases) {
        const res = await fetch(url, { headers: { range } });
        expect(res.status, range).toBe(206);
        expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${whole.length}`);
        expect(res.headers.get('content-type')).toBe('audio/mpeg');
        const got = new Uint8Array(await res.arrayBuffer());
        expect(got.length).toBe(end - start + 1);
        expect(Buffer.from(got).equals(Buffer.from(whole.subarray(start, end + 1)))).toBe(true);
      }
      for (const range of [`bytes=${whole.length}-`, 'bytes=500-100', 'bytes=x-y']) {
        const res = await fetch(url, { headers: { range } });
        expect(res.status, range).toBe(416);
        expect(res.headers.get('content-range')).toBe(`bytes */${whole.length}`);
        expect(await res.text()).toContain(String(whole.length));
      }
      // A stale If-Range validator gets the whole, current file.
      const stale = await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': '"old"' } });
      expect(stale.status).toBe(200);
      expect((await stale.arrayBuffer()).byteLength).toBe(whole.length);
      const etag = full.headers.get('etag') ?? '';
      const fresh = await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': etag } });
      expect(fresh.status).toBe(206);
      await fresh.arrayBuffer();
    } finally {
      await server.close();
      await session.store.close();
    }
  });

  it('binds the as-run to the audio: the scheduled file passes, another file is non-compliant and not counted', async () => {
    expect(await runRundownBuild(CHANNEL, '2024-W10', { dir: root }, captureOutput(), clock)).toBe(
      0,
    );
    const w10 = await build(root, {}, '2024-W10');
    expect(w10.code, w10.out.all()).toBe(0);
    for (const week of ['2024-W10', WEEK]) {
      for (const move of ['ready', 'lock'] as const) {
        expect(
          await runRundownMove(move, CHANNEL, week, { dir: root }, captureOutput(), clock),
        ).toBe(0);
      }
    }
    const matching = String(result.audio.sha256);
    const other = String(w10.results[0].audio.sha256);
    // The platform played this week's file on Friday 15 March and the wrong file on 8 March.
    const csv = join(root, 'as-run.csv');
    await writeFile(
      csv,
      [
        'station,start,duration,sha256',
        `Đài truyền thanh xã Vũ Ninh (huyện Kiến Xương),2024-03-15 17:30,${Math.round(Number(result.audio.durationSec))},${matching.toUpperCase()}`,
        `${CHANNEL},2024-03-08T17:30,${Math.round(Number(w10.results[0].audio.durationSec))},${matching}`,
      ].join('\n'),
    );
    expect(other).not.toBe(matching);
    const out = captureOutput();
    expect(await runAudioAsRun(csv, { dir: root, json: true }, out, clock)).toBe(0);
    const recorded = JSON.parse(out.stdout.join('\n'));
    // Read aloud, the stories are far shorter than the 5 minutes the channel asks for.
    expect(recorded[0].problems).toEqual(['too-short']);
    expect(recorded[1].problems).toEqual(['too-short', 'audio-mismatch']);
    const store = await openStore();
    try {
      const airings = (await readEvidence(store)).filter((e) => e.kind === 'airing');
      const good = airings.find((e) => e.index === recorded[0].evidenceIndex);
      const bad = airings.find((e) => e.index === recorded[1].evidenceIndex);
      expect(good).toMatchObject({
        audioSha256: matching,
        audioPlayedSha256: matching,
        audioDurationSec: result.audio.durationSec,
        audioLufs: result.audio.loudnessLufs,
      });
      expect(bad).toMatchObject({
        compliant: false,
        audioSha256: other,
        audioPlayedSha256: matching,
      });
    } finally {
      await store.close();
    }
    // The audit does not count the airing of the wrong file, and says why.
    const audit = captureOutput();
    await runAudit(
      { dir: root, plan: 'thai-binh-2024', period: '2024-03', format: 'json' },
      audit,
      clock,
    );
    const text = audit.stdout.join('\n');
    expect(text).toContain('audio-mismatch');
  }, 120_000);

  it('refuses an as-run file with a bad row and records nothing', async () => {
    const csv = join(root, 'bad.csv');
    await writeFile(
      csv,
      `station,start,duration,sha256\n${CHANNEL},2024-03-22T17:30,600,not-a-hash\n`,
    );
    const out = captureOutput();
    expect(await main(['audio', 'as-run', csv, '--dir', root], out)).toBe(1);
    expect(out.all()).toContain('bad.csv:2');
    expect(out.all()).toContain('sha256');
  });

  it('imports all rows or none: a refused row names its line and nothing of the file is recorded', async () => {
    expect(await runRundownBuild(CHANNEL, '2024-W12', { dir: root }, captureOutput(), clock)).toBe(
      0,
    );
    for (const move of ['ready', 'lock'] as const) {
      expect(
        await runRundownMove(move, CHANNEL, '2024-W12', { dir: root }, captureOutput(), clock),
      ).toBe(0);
    }
    const countAirings = async () => {
      const store = await openStore();
      try {
        return (await readEvidence(store)).filter((e) => e.kind === 'airing').length;
      } finally {
        await store.close();
      }
    };
    const before = await countAirings();
    const good = `${CHANNEL},2024-03-22T17:30,600,${'a'.repeat(64)}`;
    // Line 3 is well formed, but the station has no programme built in that week.
    const csv = join(root, 'one-refused.csv');
    await writeFile(
      csv,
      ['station,start,duration,sha256', good, `${CHANNEL},2024-04-05T17:30,600,${'b'.repeat(64)}`]
        .join('\n')
        .concat('\n'),
    );
    const out = captureOutput();
    expect(await main(['audio', 'as-run', csv, '--dir', root], out)).toBe(1);
    expect(out.all()).toContain('one-refused.csv:3');
    expect(out.all()).toContain('2024-04-05 17:30');
    expect(await countAirings()).toBe(before);
    // Line 2 was not recorded: the week is still locked, and the good row alone imports.
    const shown = captureOutput();
    await runRundownShow(CHANNEL, '2024-W12', { dir: root, format: 'json' }, shown);
    const parsed = JSON.parse(shown.stdout.join('\n'));
    expect((Array.isArray(parsed) ? parsed[0] : parsed).rundown.state).toBe('locked');
    const alone = join(root, 'good.csv');
    await writeFile(alone, `station,start,duration,sha256\n${good}\n`);
    expect(await runAudioAsRun(alone, { dir: root, json: true }, captureOutput(), clock)).toBe(0);
    expect(await countAirings()).toBe(before + 1);
  }, 60_000);

  it('puts an emergency announcement first on the station’s playout, marked, preempting the programme it overlaps', async () => {
    const item = 'loa-xa-lich-tiep-cong-dan';
    const now = captureOutput();
    expect(await runAudioEmergency(CHANNEL, item, { dir: root, json: true }, now, clock)).toBe(0);
    const announced = JSON.parse(now.stdout.join('\n'));
    expect(announced).toMatchObject({
      channel: CHANNEL,
      item: '2024/03/loa-xa-lich-tiep-cong-dan',
      title: 'Lịch tiếp công dân và giờ làm việc của bộ phận một cửa xã',
      start: '2024-03-11T02:00:00.000Z',
    });
    const mp3 = join(root, 'data', 'public', 'audio', CHANNEL, announced.file);
    expect(Math.abs((await measureLoudness(mp3)) - -16)).toBeLessThanOrEqual(1);
    // A second one cuts into Friday's programme (17:30, about a minute long).
    const friday = captureOutput();
    expect(
      await runAudioEmergency(
        CHANNEL,
        item,
        { dir: root, at: '2024-03-15T17:30:20' },
        friday,
        clock,
      ),
    ).toBe(0);
    expect(friday.stdout.join('\n')).toMatch(
      /^EMERGENCY xa-vu-ninh-loa: .* preempts xa-vu-ninh-loa@/m,
    );

    const session = await openSession(root, process.env);
    try {
      const by = { actor: 'test', at: '2024-03-11T02:00:00.000Z' };
      await addUser(session.store, 'Nền tảng loa', 'auditor', by);
      const token = (await createToken(session.store, 'Nền tảng loa', by)).token;
      const { app } = createApp({ session, clock, log: () => {} });
      const headers = { authorization: `Bearer ${token}` };
      const path = `/api/audio/${CHANNEL}/playout?period=2024-W11`;
      const res = await app.request(path, { headers });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        entries: Record<string, unknown>[];
      };
      const [first, second] = body.entries;
      expect(first).toMatchObject({
        start: '2024-03-11T09:00:00.000+07:00',
        level: 'emergency',
        item: '2024/03/loa-xa-lich-tiep-cong-dan',
        title: 'Lịch tiếp công dân và giờ làm việc của bộ phận một cửa xã',
        sha256: announced.sha256,
        url: `http://localhost/audio/${CHANNEL}/${announced.file}`,
      });
      expect(second).toMatchObject({ start: '2024-03-15T17:30:20.000+07:00', level: 'emergency' });
      const programme = body.entries.find((e) => e.sha256 === result.audio.sha256);
      expect(programme).toMatchObject({ level: 'normal', preemptedBy: second?.rundown });
      expect(second?.preempts).toEqual([programme?.rundown]);
      // The file the platform fetches is the one announced.
      const served = await app.request(`/audio/${CHANNEL}/${announced.file}`);
      const { createHash } = await import('node:crypto');
      expect(
        createHash('sha256')
          .update(new Uint8Array(await served.arrayBuffer()))
          .digest('hex'),
      ).toBe(announced.sha256);
      const m3u = await (await app.request(`${path}&format=m3u8`, { headers })).text();
      const lines = m3u.split('\n');
      expect(lines.slice(2, 5)).toEqual([
        '#EXT-X-PROGRAM-DATE-TIME:2024-03-11T09:00:00.000+07:00',
        `#EXTINF:${Math.round(announced.durationSec)},Lịch tiếp công dân và giờ làm việc của bộ phận một cửa xã`,
        '#LOA-LEVEL:emergency',
      ]);
      expect(lines).toContain(`#LOA-LEVEL:normal preempted-by=${second?.rundown}`);
    } finally {
      await session.store.close();
    }
    const unknown = captureOutput();
    expect(
      await main(['audio', 'emergency', CHANNEL, 'khong-co-bai', '--dir', root], unknown),
    ).toBe(1);
    expect(unknown.all()).toContain('khong-co-bai');
  }, 120_000);
});

describe('loa audio build: a pluggable engine', () => {
  it('speaks with a command the agency installs (a stand-in that writes a tone)', async () => {
    const { root } = await exampleProject();
    process.env.LOA_DATA_DIR = join(root, 'data');
    const engine = await toneVoice(root);
    const channelFile = join(root, 'channels', `${CHANNEL}.yaml`);
    const yaml = await readFile(channelFile, 'utf8');
    await writeFile(channelFile, yaml.replace('  voice: vi\n', engine));
    expect(await main(['sync', '--dir', root], captureOutput())).toBe(0);
    expect(await runRundownBuild(CHANNEL, WEEK, { dir: root }, captureOutput(), clock)).toBe(0);
    const built = await build(root);
    expect(built.code, built.out.all()).toBe(0);
    const audio = built.results[0].audio;
    expect(audio.engine).toContain('tone-1');
    const file = join(root, 'data', 'public', 'audio', CHANNEL, audio.file);
    expect(Math.abs((await probeDuration(file)) - built.results[0].plannedSec)).toBeLessThanOrEqual(
      2,
    );
    expect(Math.abs((await measureLoudness(file)) - -16)).toBeLessThanOrEqual(1);
  }, 120_000);

  it('stops a command that does not answer in time, and writes nothing', async () => {
    const { root } = await exampleProject();
    process.env.LOA_DATA_DIR = join(root, 'data');
    const channelFile = join(root, 'channels', `${CHANNEL}.yaml`);
    const yaml = await readFile(channelFile, 'utf8');
    await writeFile(
      channelFile,
      yaml.replace(
        '  voice: vi\n',
        `  engine: { kind: command, command: [${JSON.stringify(process.execPath)}, -e, "setTimeout(() => {}, 60000)"], timeoutSec: 1 }\n  voice: vi\n`,
      ),
    );
    expect(await main(['sync', '--dir', root], captureOutput())).toBe(0);
    expect(await runRundownBuild(CHANNEL, WEEK, { dir: root }, captureOutput(), clock)).toBe(0);
    const out = captureOutput();
    expect(await main(['audio', 'build', CHANNEL, WEEK, '--dir', root], out)).toBe(1);
    expect(out.all()).toContain('AUDIO_SPEECH_TIMEOUT');
    expect(out.all()).toContain('1 s');
    await expect(stat(join(root, 'data', 'public', 'audio', CHANNEL))).rejects.toThrow();
  }, 60_000);
});
