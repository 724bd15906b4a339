import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkToken, hashToken } from '../../src/auth/tokens.js';
import { main } from '../../src/cli/main.js';
import { openStore, storeOptionsFrom } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { captureOutput } from '../support/capture-output.js';
import { storeEngines } from '../support/store-engines.js';

const engines = await storeEngines();

describe.each(engines)('loa user and loa token on $name', (engine) => {
  let store: Store;
  const saved = { ...process.env };
  beforeAll(async () => {
    delete process.env.LOA_DATABASE_URL;
    Object.assign(process.env, await engine.env(), { LOA_LANG: 'vi' });
  });
  afterAll(async () => {
    await store?.close();
    process.env = { ...saved };
  });

  it('adds a user with a role, refuses an unknown role and a second user of the same name', async () => {
    const out = captureOutput();
    expect(await main(['user', 'add', 'Nguyễn Hà', '--role', 'auditor'], out)).toBe(0);
    expect(out.stdout).toEqual(['Đã thêm Nguyễn Hà (vai trò auditor)']);
    const bad = captureOutput();
    expect(await main(['user', 'add', 'x', '--role', 'chief'], bad)).not.toBe(0);
    expect(bad.all()).toContain('Vai trò không hợp lệ: chief');
    const twice = captureOutput();
    expect(await main(['user', 'add', 'Nguyễn Hà', '--role', 'editor'], twice)).not.toBe(0);
    expect(twice.all()).toContain('Đã có người dùng Nguyễn Hà');
  });

  it('prints a token once on stdout and keeps only its SHA-256', async () => {
    const out = captureOutput();
    expect(await main(['token', 'create', 'Nguyễn Hà'], out)).toBe(0);
    expect(out.stdout).toHaveLength(1);
    const token = out.stdout[0] as string;
    expect(token).toMatch(/^loa_[A-Za-z0-9_-]{43}$/);
    expect(out.stderr.join('\n')).toContain('chỉ hiện một lần');
    store = await openStore(storeOptionsFrom());
    const rows = await rawForTests(store).selectFrom('api_tokens').selectAll().execute();
    expect(rows.map((r) => r.hash)).toEqual([hashToken(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);
    const check = await checkToken(store, token, new Date().toISOString());
    expect(check).toMatchObject({ ok: true, user: { name: 'Nguyễn Hà', role: 'auditor' } });
    const list = captureOutput();
    expect(await main(['user', 'list'], list)).toBe(0);
    expect(list.stdout).toEqual(['Nguyễn Hà  auditor  1 mã']);
    const unknown = captureOutput();
    expect(await main(['token', 'create', 'ai-do'], unknown)).not.toBe(0);
    expect(unknown.all()).toContain('Không có người dùng ai-do');
  });

  it('changes a role with loa user role: the same token carries the new role on its next use; the last admin keeps the role', async () => {
    const out = captureOutput();
    expect(await main(['token', 'create', 'Nguyễn Hà'], out)).toBe(0);
    const token = out.stdout[0] as string;
    const role = captureOutput();
    expect(await main(['user', 'role', 'Nguyễn Hà', 'editor'], role)).toBe(0);
    expect(role.stdout).toEqual([
      'Đã đổi vai trò của Nguyễn Hà: auditor → editor (có hiệu lực từ yêu cầu tiếp theo)',
    ]);
    const check = await checkToken(store, token, new Date().toISOString());
    expect(check).toMatchObject({ ok: true, user: { name: 'Nguyễn Hà', role: 'editor' } });
    const bad = captureOutput();
    expect(await main(['user', 'role', 'Nguyễn Hà', 'chief'], bad)).not.toBe(0);
    expect(bad.all()).toContain('Vai trò không hợp lệ: chief');
    const nobody = captureOutput();
    expect(await main(['user', 'role', 'ai-do', 'editor'], nobody)).not.toBe(0);
    expect(nobody.all()).toContain('Không có người dùng ai-do');

    expect(await main(['user', 'add', 'qt', '--role', 'admin'], captureOutput())).toBe(0);
    const last = captureOutput();
    expect(await main(['user', 'role', 'qt', 'editor'], last)).not.toBe(0);
    expect(last.all()).toContain('qt là quản trị viên duy nhất nên giữ vai trò quản trị');
    expect(
      (
        await rawForTests(store)
          .selectFrom('users')
          .select('role')
          .where('name', '=', 'qt')
          .executeTakeFirst()
      )?.role,
    ).toBe('admin');
    // With a second administrator, the first may step down.
    expect(await main(['user', 'role', 'Nguyễn Hà', 'admin'], captureOutput())).toBe(0);
    expect(await main(['user', 'role', 'qt', 'editor'], captureOutput())).toBe(0);
  });
});
