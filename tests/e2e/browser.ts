import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { eventStation } from '../server/pages-support.js';
import type { StationServer } from '../server/station-server.js';
import type { EngineCase } from '../support/store-engines.js';

/** Debian's Chromium: the e2e suite drives it; playwright-core downloads no browser. */
export const CHROMIUM = process.env.LOA_CHROMIUM ?? '/usr/bin/chromium';

/** Where the suite writes a screenshot of each page (gitignored). */
export const ARTIFACTS = join(process.cwd(), 'artifacts', 'e2e');

/**
 * Whether the browser suites run. With LOA_REQUIRE_SERVICES=1 a missing Chromium is an
 * error (the suite fails); without it the suites are skipped with the reason printed.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const reason = `${CHROMIUM} not found (apt-get install -y chromium)`;
  if (process.env.LOA_REQUIRE_SERVICES === '1') throw new Error(`[e2e] ${reason}`);
  console.warn(`[e2e] ${reason}; browser suites skipped (LOA_REQUIRE_SERVICES=1 fails instead)`);
  return false;
}

/** Headless Chromium, no sandbox, no background traffic. */
export async function launchChromium(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The event station served on a free port and a Chromium to drive it, for one suite. */
export interface StationInChromium {
  s: StationServer;
  server: RunningServer;
  browser: Browser;
  /** The server's address, `http://127.0.0.1:<port>`. */
  base: string;
}

/**
 * Starts the station, its server and Chromium before the suite (call inside `describe`) and
 * closes them after it; the returned object is filled in by then.
 */
export function stationInChromium(engine: EngineCase | undefined): StationInChromium {
  const station = {} as StationInChromium;
  beforeAll(async () => {
    if (!engine) throw new Error('no engine');
    station.s = await eventStation(engine);
    station.server = await startServer(
      { session: station.s.session, clock: station.s.clock, log: () => undefined },
      { port: 0 },
    );
    station.base = `http://127.0.0.1:${station.server.port}`;
    station.browser = await launchChromium();
  });
  afterAll(async () => {
    await station.browser?.close();
    await station.server?.close();
    await station.s?.session.store.close();
  });
  return station;
}
