import { DateTime } from 'luxon';
import { openSession, type Session } from '../../src/app/session.js';
import { addUser, createToken } from '../../src/auth/users.js';
import { runRundownBuild } from '../../src/cli/commands/rundown.js';
import { main } from '../../src/cli/main.js';
import { ManualClock } from '../../src/model/clock.js';
import { createApp } from '../../src/server/app.js';
import type { AccessRecord } from '../../src/server/context.js';
import { writeStation } from '../cli/rundown-project.js';
import { captureOutput } from '../support/capture-output.js';
import type { EngineCase } from '../support/store-engines.js';
import { tempDir } from '../support/temp-dir.js';

export const ZONE = 'Asia/Ho_Chi_Minh';

/** Wednesday of 2024-W10: the week whose Friday slot has a built rundown. */
export const NOW = DateTime.fromISO('2024-03-06T10:00', { zone: ZONE });

/** A station project served in-process, with one user and token per role. */
export interface StationServer {
  root: string;
  session: Session;
  clock: ManualClock;
  app: ReturnType<typeof createApp>['app'];
  openApi: Record<string, unknown>;
  log: AccessRecord[];
  tokens: Record<'editor' | 'broadcaster' | 'auditor' | 'admin', string>;
}

/**
 * Writes the station fixture, syncs it, builds the rundown of 2024-W10 and opens the app on
 * the engine; users `bt` (editor), `dai` (broadcaster), `kt` (auditor) and `qt` (admin).
 */
export async function stationServer(engine: EngineCase): Promise<StationServer> {
  const root = await tempDir('server');
  await writeStation(root);
  const env = await engine.env();
  delete process.env.LOA_DATABASE_URL;
  Object.assign(process.env, env, { LOA_LANG: 'vi' });
  const clock = new ManualClock(NOW);
  if ((await main(['sync', '--dir', root], captureOutput())) !== 0) throw new Error('sync');
  const built = captureOutput();
  const monday = NOW.minus({ days: 2 });
  const code = await runRundownBuild(
    'tv',
    '2024-W10',
    { dir: root },
    built,
    new ManualClock(monday),
  );
  if (code !== 0) throw new Error(built.all());
  const session = await openSession(root, process.env);
  const by = { actor: 'test', at: NOW.toUTC().toISO() as string };
  const tokens = {} as StationServer['tokens'];
  for (const [name, role] of [
    ['bt', 'editor'],
    ['dai', 'broadcaster'],
    ['kt', 'auditor'],
    ['qt', 'admin'],
  ] as const) {
    await addUser(session.store, name, role, by);
    tokens[role] = (await createToken(session.store, name, by)).token;
  }
  const log: AccessRecord[] = [];
  const { app, openApi } = createApp({ session, clock, log: (r) => log.push(r) });
  return { root, session, clock, app, openApi, log, tokens };
}

/** Request headers with a bearer token. */
export function bearer(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...extra };
}
