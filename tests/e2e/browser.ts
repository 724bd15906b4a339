import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

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
