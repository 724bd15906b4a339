import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from '../../src/app/session.js';
import { addUser, createToken } from '../../src/auth/users.js';
import { readEvidence } from '../../src/evidence/log.js';
import { ManualClock } from '../../src/model/clock.js';
import { type RunningServer, startServer } from '../../src/server/serve.js';
import { findItem } from '../../src/store/items.js';
import { listPublications } from '../../src/store/publications.js';
import { PASSWORD_ENV, USER_ENV, wpEnv, writePhoto } from '../channels/wordpress/wp-fixtures.js';
import { runLoa } from '../support/loa-process.js';
import { writeSchedProject } from '../support/sched-project.js';
import { tempDir } from '../support/temp-dir.js';
import { wordpressForTests } from '../support/wordpress.js';
import { ARTIFACTS, chromiumAvailable, launchChromium } from './browser.js';

const available = chromiumAvailable();
const wp = available ? await wordpressForTests() : undefined;
afterAll(() => wp?.stop());
const AXE_SOURCE: string = createRequire(import.meta.url)('axe-core').source;

const TITLE = 'Tiếp nhận hồ sơ đất đai trực tuyến từ tháng 4';
const ALT = 'Cán bộ một cửa hướng dẫn người dân nộp hồ sơ đất đai trên máy tính';
const ID = 'tiep-nhan-ho-so-dat-dai-truc-tuyen-tu-thang-4';

describe.runIf(available && wp)(
  'an editor’s item, approved by another, on the real WordPress',
  () => {
    let root: string;
    let env: NodeJS.ProcessEnv;
    let session: Session;
    let server: RunningServer;
    let browser: Browser;
    let base: string;
    const tokens = { bt: '', bt2: '' };

    beforeAll(async () => {
      if (!wp) throw new Error('no WordPress');
      root = await tempDir('editor-wp');
      await writeSchedProject(
        root,
        [
          {
            id: 'cong-ttdt',
            wordpress: { url: wp.url, userEnv: USER_ENV, passwordEnv: PASSWORD_ENV },
            maxLatenessMinutes: 600,
            fourEyes: true,
          },
        ],
        [],
      );
      env = { LOA_DATA_DIR: await tempDir('editor-wp-data'), LOA_LANG: 'vi', ...wpEnv(wp) };
      session = await openSession(root, env);
      const by = { actor: 'test', at: DateTime.utc().toISO() as string };
      for (const name of ['bt', 'bt2'] as const) {
        await addUser(session.store, name, 'editor', by);
        tokens[name] = (await createToken(session.store, name, by)).token;
      }
      const clock = new ManualClock(DateTime.now());
      server = await startServer({ session, clock, log: () => undefined }, { port: 0 });
      base = `http://127.0.0.1:${server.port}`;
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await session?.store.close();
    });

    async function signIn(token: string, width = 1366, height = 900): Promise<Page> {
      const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
      await page.goto(base);
      await page.getByLabel('Mã truy cập').fill(token);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      return page;
    }

    /** No sideways scroll at the viewport's width, no serious or critical axe finding. */
    async function checkPage(page: Page, label: string): Promise<void> {
      const width = page.viewportSize()?.width ?? 0;
      const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
      expect(scrollWidth, `${label}: scroll width`).toBeLessThanOrEqual(width);
      await page.evaluate(AXE_SOURCE);
      const found = await page.evaluate(async () => {
        const { axe } = globalThis as unknown as {
          axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string }[] }> };
        };
        const result = await axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact})`);
      });
      expect(found, `${label}: axe`).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `${label}.png`), fullPage: true });
    }

    it('is written and submitted in the form, refused to its author, approved by bt2, published and read back', async () => {
      if (!wp) return;
      const editor = await signIn(tokens.bt);
      await editor.getByRole('link', { name: 'Viết bài mới' }).first().click();
      await editor.getByLabel('Tiêu đề', { exact: true }).fill(TITLE);
      await editor
        .getByLabel('Tóm tắt (sapo)')
        .fill('Người dân nộp hồ sơ đất đai không cần đến trụ sở.');
      await editor
        .getByLabel(/^Nội dung/)
        .fill('Từ **1/4**, hồ sơ đăng ký đất đai được nhận trực tuyến.');
      await editor.locator('#preview strong').waitFor();
      await editor.getByRole('checkbox', { name: /Kênh cong-ttdt/ }).check();
      // Due five minutes ago in the plan's zone: the next dispatcher pass sends it.
      const due = DateTime.now().setZone('Asia/Ho_Chi_Minh').minus({ minutes: 5 });
      await editor.getByLabel(/^Giờ đăng/).fill(due.toFormat("yyyy-MM-dd'T'HH:mm"));
      // An image, described as the form requires.
      const photo = await writePhoto(await tempDir('editor-wp-photo'), 'ho-so.jpg', 1600, 1000);
      await editor.getByLabel('Thêm ảnh (JPEG, PNG)').setInputFiles(photo);
      await editor.getByLabel('Mô tả ảnh (bắt buộc khi có ảnh)').fill(ALT);
      await editor.getByRole('button', { name: 'Lưu và gửi duyệt' }).click();
      expect(await editor.getByRole('status').textContent()).toBe(
        `Đã gửi duyệt bài ${ID} (phiên bản 1): bài sẽ được xếp lịch khi một người có quyền duyệt`,
      );

      // The author is offered no Approve, and a forged approval is refused in words.
      const own = editor.locator(`tr[data-item="${ID}"]`);
      expect(await own.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
      expect(await own.textContent()).toContain(
        'Chờ người khác duyệt (kênh cong-ttdt cần bốn mắt)',
      );
      const hash = (await findItem(session.store, ID))?.content_hash ?? '';
      const forged = await editor.request.post(`${base}/queue/${ID}/approve`, {
        headers: { origin: base },
        form: { _csrf: await editor.locator('input[name=_csrf]').first().inputValue(), hash },
      });
      expect(forged.status()).toBe(400);
      expect(await forged.text()).toContain(
        `Bạn (bt) là người viết phiên bản 1 của bài &quot;${ID}&quot;: kênh cong-ttdt cần một người khác duyệt`,
      );
      expect((await findItem(session.store, ID))?.status).toBe('submitted');

      // The edit page shows where it stands, and passes at both sizes.
      await own.getByRole('link', { name: 'Sửa' }).click();
      expect(await editor.locator('#item-state').textContent()).toBe(
        'Trạng thái: Chờ duyệt (phiên bản 1). Từng kênh:',
      );
      // The renditions the portal gets, each loaded and described by the alt text.
      const social = editor.locator('figure.rendition.social img');
      await expect
        .poll(() =>
          social.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        )
        .toBe(1200);
      expect(await social.getAttribute('alt')).toBe(ALT);
      expect(await editor.locator('figure.rendition figcaption').allTextContents()).toEqual([
        'Ảnh đại diện: 1200×750 px',
        'Ảnh thu nhỏ: 400×250 px',
        'Ảnh chia sẻ mạng xã hội: 1200×630 px',
      ]);
      await checkPage(editor, 'editor-item-edit-desktop');
      await editor.setViewportSize({ width: 390, height: 844 });
      await checkPage(editor, 'editor-item-edit-phone');
      // An error page, at both sizes.
      await editor.goto(`${base}/items/khong-co-bai-nay/edit`);
      expect(await editor.getByRole('alert').textContent()).toContain('khong-co-bai-nay');
      await checkPage(editor, 'editor-not-found-phone');
      await editor.setViewportSize({ width: 1366, height: 900 });
      await checkPage(editor, 'editor-not-found-desktop');

      // Another editor approves the version they read.
      const approver = await signIn(tokens.bt2);
      await approver.getByRole('navigation').getByRole('link', { name: 'Hàng đợi bài' }).click();
      await approver
        .locator(`tr[data-item="${ID}"]`)
        .getByRole('button', { name: 'Duyệt', exact: true })
        .click();
      expect(await approver.getByRole('status').textContent()).toContain(
        `Đã duyệt phiên bản 1 của bài ${ID}; lượt đăng: ${due.toFormat('yyyy-MM-dd HH:mm')}`,
      );
      await approver.context().close();

      // The dispatcher sends it to WordPress; the public page shows it.
      const run = await runLoa(['run', '--once', '--dir', root], env);
      expect(run.code, run.stderr).toBe(0);
      const [publication] = await listPublications(session.store, { channel: 'cong-ttdt' });
      expect(publication?.status).toBe('published');
      const publicPage = await fetch(publication?.url ?? '');
      expect(publicPage.status).toBe(200);
      const text = await publicPage.text();
      expect(text).toContain(TITLE);
      expect(text).toContain('hồ sơ đăng ký đất đai được nhận trực tuyến');
      expect(text).toContain(`alt="${ALT}"`);

      await editor.goto(`${base}/queue`);
      const state = editor.locator(`tr[data-item="${ID}"] li[data-channel="cong-ttdt"]`);
      expect(await state.getAttribute('data-state')).toBe('published');
      expect(await state.textContent()).toBe('cong-ttdt: Đã đăng');

      // The evidence entry records who approved which version, and the evidence page says so.
      const entry = (await readEvidence(session.store)).find((e) => e.item === ID);
      expect(entry).toMatchObject({
        kind: 'publication',
        approvedBy: 'bt2',
        approvedVersion: 1,
        approvedHash: hash,
        contentHash: hash,
      });
      await editor.getByRole('navigation').getByRole('link', { name: 'Minh chứng' }).click();
      expect(await editor.locator(`tr[data-index="${entry?.index}"] .approved`).textContent()).toBe(
        `(duyệt: bt2, phiên bản 1, ${hash.slice(0, 12)})`,
      );
      await editor.context().close();
    }, 300_000);
  },
);
