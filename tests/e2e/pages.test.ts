import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/commands/audit.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { type StationServer, stationServer } from '../server/station-server.js';
import { captureOutput } from '../support/capture-output.js';
import { storeEngines } from '../support/store-engines.js';
import { ARTIFACTS, chromiumAvailable, launchChromium } from './browser.js';

const available = chromiumAvailable();
const [sqlite] = await storeEngines();

const ITEM = `---
title: Hội nghị trực tuyến về một cửa
topics: [mot-cua]
channels: [cong-tinh]
unit: cong-ttdt
author: Văn phòng
publishAt: 2024-03-11T08:00
---
Nội dung tin đăng trên chuyên trang.
`;

describe.runIf(available)('pages in headless Chromium', () => {
  let s: StationServer;
  let server: RunningServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!sqlite) throw new Error('no engine');
    s = await stationServer(sqlite);
    server = await startServer(
      { session: s.session, clock: s.clock, log: () => undefined },
      { port: 0 },
    );
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await s?.session.store.close();
  });

  async function signIn(token: string): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/queue`);
    expect(page.url()).toContain('/login');
    await page.fill('input[name=token]', token);
    await page.click('button[type=submit]');
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('an editor signs in, adds an item, approves it and sees it on the calendar', async () => {
    const page = await signIn(s.tokens.editor);
    expect(new URL(page.url()).pathname).toBe('/queue');
    await page.fill('textarea[name=markdown]', ITEM);
    await page.click('form[action="/queue"] button[type=submit]');
    const row = page.locator('tr[data-item="hoi-nghi-truc-tuyen-ve-mot-cua"]');
    await expect(row.textContent()).resolves.toContain('Hội nghị trực tuyến về một cửa');
    await shot(page, 'queue-editor');
    await row.locator('button[value=approve]').click();
    // Approved, then planned at once: the item is listed as scheduled, no longer as a draft.
    const id = 'tr[data-item="hoi-nghi-truc-tuyen-ve-mot-cua"]';
    expect(await page.locator(`#draft + table ${id}`).count()).toBe(0);
    expect(await page.locator(`#scheduled + table ${id}`).count()).toBe(1);
    await page.goto(`${base}/calendar?plan=thu&view=month&period=2024-03`);
    const calendar = await page.locator('main').textContent();
    expect(calendar).toContain('hoi-nghi-truc-tuyen-ve-mot-cua');
    await shot(page, 'calendar');
    await page.goto(`${base}/rundown/tv/2024-W10`);
    await shot(page, 'rundown');
    await page.goto(`${base}/evidence`);
    await shot(page, 'evidence');
    await page.context().close();
  });

  it('an auditor sees on the quotas page the figures of loa audit', async () => {
    const page = await signIn(s.tokens.auditor);
    await page.goto(`${base}/quotas?plan=thu&period=2024-03`);
    const out = captureOutput();
    await runAudit({ dir: s.root, plan: 'thu', period: '2024-03', format: 'json' }, out, s.clock);
    const parsed = JSON.parse(out.stdout.join('\n'));
    const audit = Array.isArray(parsed) ? parsed[0] : parsed;
    for (const task of audit.tasks)
      for (const p of task.periods) {
        const row = page.locator(`tr[data-task="${task.id}"][data-period="${p.label}"]`);
        expect(await row.locator('td.required').textContent()).toBe(String(p.required));
        expect(await row.locator('td.achieved').textContent()).toBe(String(p.achieved));
      }
    expect(await page.locator('#completion').getAttribute('data-percent')).toBe(
      audit.completion.percent === null ? '' : String(audit.completion.percent),
    );
    await shot(page, 'quotas');
    await page.context().close();
  });

  it("refuses an auditor's attempt to approve an item", async () => {
    const page = await signIn(s.tokens.auditor);
    expect(await page.locator('button[value=approve]').count()).toBe(0);
    const csrf = await page.locator('input[name=_csrf]').first().getAttribute('value');
    // The auditor sends the approve form by hand: same origin, own session and CSRF token.
    const answer = await page.request.post(`${base}/queue/w10-mot-cua/approve`, {
      form: { _csrf: csrf ?? '' },
      headers: { origin: base },
    });
    expect(answer.status()).toBe(403);
    expect(await answer.text()).toContain('không có quyền queue:write');
    await page.setContent(await answer.text());
    await shot(page, 'refused');
    await page.context().close();
  });
});
