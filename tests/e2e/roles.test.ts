import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storeEngines } from '../support/store-engines.js';
import { ARTIFACTS, chromiumAvailable, stationInChromium } from './browser.js';

const available = chromiumAvailable();
const [sqlite] = await storeEngines();
const AXE_SOURCE: string = createRequire(import.meta.url)('axe-core').source;

/** What each role's menu holds, in order (and nothing else). */
const MENUS = {
  editor: ['Trang chủ', 'Hàng đợi bài', 'Lịch', 'Chỉ tiêu', 'Kịch bản phát sóng', 'Minh chứng'],
  broadcaster: ['Trang chủ', 'Lịch', 'Kịch bản phát sóng'],
  auditor: ['Trang chủ', 'Hàng đợi bài', 'Lịch', 'Chỉ tiêu', 'Kịch bản phát sóng', 'Minh chứng'],
  admin: ['Trang chủ', 'Quản trị'],
} as const;
type RoleName = keyof typeof MENUS;

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe.runIf(available)('every role at home in Chromium, at 1366 and 390 px', () => {
  const station = stationInChromium(sqlite);

  /** Signs in from the login page as a new user would, landing on the role's home. */
  async function signIn(role: RoleName, viewport: (typeof VIEWPORTS)[number]): Promise<Page> {
    const context = await station.browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
    });
    const page = await context.newPage();
    await page.goto(station.base);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Mã truy cập').fill(station.s.tokens[role]);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    expect(new URL(page.url()).pathname).toBe('/');
    return page;
  }

  /** The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page. */
  async function axe(page: Page): Promise<string[]> {
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const run = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe
        .run;
      const result = (await run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      })) as { violations: AxeViolation[] };
      return result.violations;
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  }

  /** Checks the page a user is on: no sideways scroll on a phone, no serious axe finding. */
  async function checkPage(page: Page, label: string, width: number): Promise<void> {
    const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
    expect(scrollWidth, `${label}: scroll width`).toBeLessThanOrEqual(width);
    expect(await axe(page), `${label}: axe`).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `${label}.png`), fullPage: true });
  }

  for (const viewport of VIEWPORTS)
    for (const role of Object.keys(MENUS) as RoleName[]) {
      it(`${role} on ${viewport.name}: the menu holds only what the role may open, and every page in it passes`, async () => {
        const page = await signIn(role, viewport);
        const menu = page.getByRole('navigation', { name: 'Trình đơn chính' });
        const labels = (await menu.getByRole('link').allTextContents()).map((t) => t.trim());
        expect(labels).toEqual([...MENUS[role]]);
        await checkPage(page, `${role}-home-${viewport.name}`, viewport.width);
        for (const label of MENUS[role].slice(1)) {
          await menu.getByRole('link', { name: label, exact: true }).click();
          expect(await page.locator('h1').count()).toBe(1);
          // No refusal and no error page behind any menu entry.
          expect(await page.locator('[data-code]').count(), `${role} → ${label}`).toBe(0);
          const slug = new URL(page.url()).pathname.replace(/\//g, '') || 'home';
          await checkPage(page, `${role}-${slug}-${viewport.name}`, viewport.width);
        }
        if (role === 'broadcaster') {
          // This week's rundown, with its stories, cume and back-time.
          await page.getByRole('link', { name: '2024-W10' }).click();
          expect(await page.locator('section.rundown td.time').count()).toBeGreaterThan(0);
          await checkPage(page, `broadcaster-week-${viewport.name}`, viewport.width);
        }
        if (role === 'editor') {
          // The item form, reached from the home page, previews the body as it is typed.
          await menu.getByRole('link', { name: 'Trang chủ', exact: true }).click();
          await page.getByRole('link', { name: 'Viết bài mới' }).click();
          await page.getByLabel(/^Nội dung/).fill('## Một cửa liên thông\n\n**Nhanh** hơn');
          await page.locator('#preview strong').waitFor();
          expect(await page.locator('#preview h2').textContent()).toBe('Một cửa liên thông');
          await checkPage(page, `editor-item-form-${viewport.name}`, viewport.width);
        }
        await page.context().close();
      });
    }

  for (const viewport of VIEWPORTS)
    it(`error pages, a locked rundown and the admin's role change pass on ${viewport.name}`, async () => {
      const broadcaster = await signIn('broadcaster', viewport);
      await broadcaster.goto(`${station.base}/khong-co-trang-nay`);
      expect(await broadcaster.getByRole('alert').getAttribute('data-code')).toBe('HTTP_NOT_FOUND');
      await checkPage(broadcaster, `not-found-${viewport.name}`, viewport.width);
      await broadcaster.goto(`${station.base}/admin`);
      expect(await broadcaster.getByRole('alert').textContent()).toContain('quản trị');
      await checkPage(broadcaster, `refused-admin-${viewport.name}`, viewport.width);
      // A locked week: no story moves, the unlock form with its labelled reason.
      const week = viewport.name === 'phone' ? '2024-W12' : '2024-W13';
      await broadcaster.goto(`${station.base}/rundown/tv/${week}`);
      await broadcaster.getByRole('button', { name: 'Dựng kịch bản' }).click();
      await broadcaster.getByRole('button', { name: 'Đánh dấu sẵn sàng' }).click();
      await broadcaster.getByRole('button', { name: 'Khoá kịch bản' }).click();
      expect(await broadcaster.getByRole('button', { name: /^Chuyển/ }).count()).toBe(0);
      expect(await broadcaster.getByLabel('Lý do mở khoá').count()).toBeGreaterThan(0);
      await checkPage(broadcaster, `rundown-locked-${viewport.name}`, viewport.width);
      await broadcaster.context().close();

      // The admin adds a user, gives them another role, and the change shows in words.
      const admin = await signIn('admin', viewport);
      await admin
        .getByRole('navigation', { name: 'Trình đơn chính' })
        .getByRole('link', { name: 'Quản trị' })
        .click();
      const name = `Lê Lan ${viewport.name}`;
      await admin.locator('#users').getByLabel('Người dùng').fill(name);
      await admin.locator('#users form.filters').getByLabel('Vai trò').selectOption('auditor');
      await admin.getByRole('button', { name: 'Thêm người dùng' }).click();
      await admin.getByLabel(`Vai trò mới của ${name}`).selectOption('editor');
      await admin
        .locator(`tr[data-user="${name}"]`)
        .getByRole('button', { name: 'Đổi vai trò' })
        .click();
      expect(await admin.getByRole('status').textContent()).toBe(
        `Đã đổi vai trò của ${name}: kiểm tra viên → biên tập viên. Có hiệu lực từ yêu cầu tiếp theo của người này.`,
      );
      expect(await admin.locator(`tr[data-user="${name}"]`).getAttribute('data-role')).toBe(
        'editor',
      );
      // The only administrator cannot step down: the refusal says why and what to do.
      await admin.getByLabel('Vai trò mới của qt').selectOption('auditor');
      await admin
        .locator('tr[data-user="qt"]')
        .getByRole('button', { name: 'Đổi vai trò' })
        .click();
      expect(await admin.getByRole('alert').textContent()).toContain(
        'qt là quản trị viên duy nhất nên giữ vai trò quản trị',
      );
      expect(await admin.locator('tr[data-user="qt"]').getAttribute('data-role')).toBe('admin');
      await checkPage(admin, `admin-role-${viewport.name}`, viewport.width);
      await admin.context().close();
    }, 120_000);

  it('the login page and a refusal pass on a phone too, and the refusal says whom to ask', async () => {
    const context = await station.browser.newContext({
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${station.base}/login`);
    await checkPage(page, 'login-phone', 390);
    await page.getByLabel('Mã truy cập').fill(station.s.tokens.broadcaster);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.goto(`${station.base}/evidence`);
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toBe(
      'Người dùng dai (vai trò phát thanh – truyền hình) không được xem nhật ký minh chứng: việc này dành cho vai trò biên tập viên hoặc kiểm tra viên',
    );
    expect(await page.locator('.problem').textContent()).toContain('hãy nhờ quản trị viên (qt)');
    await checkPage(page, 'refused-phone', 390);
    await context.close();
  });
});
