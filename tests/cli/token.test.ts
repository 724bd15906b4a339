import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/auth/tokens.js';
import { runTokenCreate, runTokenList, runTokenRevoke } from '../../src/cli/commands/token.js';
import { main } from '../../src/cli/main.js';
import { ManualClock } from '../../src/model/clock.js';
import { openStore, storeOptionsFrom } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import { captureOutput } from '../support/capture-output.js';
import { storeEngines } from '../support/store-engines.js';

const engines = await storeEngines();
/** 10:00 in Hà Nội on 6 March 2024. */
const NOW = '2024-03-06T03:00:00.000Z';

describe.each(engines)('loa token create, list and revoke on $name', (engine) => {
  const saved = { ...process.env };
  const clock = new ManualClock(NOW);
  const tokens: string[] = [];
  beforeAll(async () => {
    delete process.env.LOA_DATABASE_URL;
    Object.assign(process.env, await engine.env(), { LOA_LANG: 'vi' });
    for (const [name, role] of [
      ['Phạm Minh', 'editor'],
      ['Đỗ Lan', 'auditor'],
    ]) {
      expect(await main(['user', 'add', name as string, '--role', role as string])).toBe(0);
    }
  });
  afterAll(() => {
    process.env = { ...saved };
  });

  async function create(name: string, ...expires: string[]): Promise<string> {
    const out = captureOutput();
    const opts = expires.length ? { expires: expires[0], as: 'Quản trị' } : { as: 'Quản trị' };
    expect(await runTokenCreate(name, opts, out, clock)).toBe(0);
    tokens.push(out.stdout[0] as string);
    clock.advance({ minutes: 1 });
    return out.stderr.join('\n');
  }

  it('creates tokens that expire in 90 days by default, after N days, through a date, or never', async () => {
    expect(await create('Phạm Minh')).toMatch(/Số hiệu [0-9a-f]{12}; hết hạn 04\/06\/2024 10:00$/);
    expect(await create('Phạm Minh', '30')).toContain('hết hạn 05/04/2024 10:01');
    expect(await create('Đỗ Lan', '2024-12-31')).toContain('hết hạn 01/01/2025 00:00');
    expect(await create('Đỗ Lan', 'never')).toContain('hết hạn không hết hạn');
    expect(tokens).toHaveLength(4);
    for (const t of tokens) expect(t).toMatch(/^loa_[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an unreadable or past --expires with the value and what to type, and exits non-zero', async () => {
    const bad = captureOutput();
    expect(await main(['token', 'create', 'Phạm Minh', '--expires', '3 tháng'], bad)).not.toBe(0);
    expect(bad.stdout).toEqual([]);
    expect(bad.all()).toContain('Thời hạn của mã không hợp lệ: --expires "3 tháng"');
    expect(bad.all()).toContain('never (không hết hạn)');
    const past = captureOutput();
    expect(await main(['token', 'create', 'Phạm Minh', '--expires', '2020-01-01'], past)).toBe(1);
    expect(past.all()).toContain('Ngày hết hạn 2020-01-01 đã qua');
  });

  it('lists each token by its short id with user, role, creator and expiry, never the secret', async () => {
    const out = captureOutput();
    expect(await runTokenList(undefined, {}, out, clock)).toBe(0);
    expect(out.stdout).toHaveLength(4);
    const first = hashToken(tokens[0] as string);
    expect(out.stdout[0]).toBe(
      `${first.slice(0, 12)}  Phạm Minh (editor)  tạo 06/03/2024 10:00 bởi Quản trị  ` +
        'hết hạn: 04/06/2024 10:00  dùng lần cuối: chưa dùng  còn hiệu lực',
    );
    for (const t of tokens) {
      expect(out.all()).not.toContain(t);
      expect(out.all()).not.toContain(hashToken(t).slice(0, 13));
    }
    const json = captureOutput();
    expect(await runTokenList('Đỗ Lan', { json: true }, json, clock)).toBe(0);
    const listed = JSON.parse(json.stdout.join('\n')) as Array<Record<string, unknown>>;
    expect(listed.map((t) => [t.user, t.role, t.expiresAt, t.state])).toEqual([
      ['Đỗ Lan', 'auditor', '2024-12-31T17:00:00.000Z', 'active'],
      ['Đỗ Lan', 'auditor', null, 'active'],
    ]);
    expect(Object.keys(listed[0] ?? {})).not.toContain('hash');
    const unknown = captureOutput();
    expect(await main(['token', 'list', 'Ai Đó'], unknown)).toBe(1);
    expect(unknown.all()).toContain('Không có người dùng Ai Đó');
  });

  it('shows a token as expired once its day has passed', async () => {
    const later = captureOutput();
    const clockLater = new ManualClock('2024-04-06T03:00:00.000Z');
    expect(await runTokenList('Phạm Minh', {}, later, clockLater)).toBe(0);
    expect(later.stdout[0]).toMatch(/còn hiệu lực$/);
    expect(later.stdout[1]).toMatch(/hết hạn: 05\/04\/2024 10:01 .* đã hết hạn$/);
  });

  it('revokes by an 8-character prefix of the id, and says so when it is already revoked', async () => {
    const id = hashToken(tokens[1] as string).slice(0, 12);
    clock.advance({ minutes: 5 });
    const out = captureOutput();
    expect(await runTokenRevoke(id.slice(0, 8), { as: 'Quản trị' }, out, clock)).toBe(0);
    expect(out.stdout).toEqual([
      `Đã thu hồi mã ${id} của Phạm Minh; từ nay mọi yêu cầu dùng mã này bị từ chối`,
    ]);
    const again = captureOutput();
    expect(await main(['token', 'revoke', id], again)).toBe(0);
    expect(again.stdout[0]).toContain('đã bị thu hồi từ trước (06/03/2024 10:09, bởi Quản trị)');
    const list = captureOutput();
    expect(await runTokenList('Phạm Minh', {}, list, clock)).toBe(0);
    expect(list.stdout[1]).toMatch(/đã thu hồi 06\/03\/2024 10:09 bởi Quản trị$/);
  });

  it('refuses a short, unknown or ambiguous id with what to do, and exits non-zero', async () => {
    const short = captureOutput();
    expect(await main(['token', 'revoke', 'abc'], short)).toBe(1);
    expect(short.all()).toContain('Số hiệu mã không hợp lệ: "abc"');
    expect(short.all()).toContain('ít nhất 8 ký tự');
    const unknown = captureOutput();
    const absent = (hashToken(tokens[0] as string).startsWith('0') ? 'f' : '0').repeat(8);
    expect(await main(['token', 'revoke', absent], unknown)).toBe(1);
    expect(unknown.all()).toContain(`Không có mã truy cập nào có số hiệu bắt đầu bằng ${absent}`);
    expect(unknown.all()).toContain('loa token list');
    // Two stored hashes that share their first 8 characters (made, as no token is findable).
    const store = await openStore(storeOptionsFrom());
    const row = (hash: string) => ({
      hash,
      user_name: 'Đỗ Lan',
      created_at: NOW,
      created_by: 'test',
    });
    await rawForTests(store)
      .insertInto('api_tokens')
      .values([row(`feedbeef01${'0'.repeat(54)}`), row(`feedbeef02${'0'.repeat(54)}`)])
      .execute();
    await store.close();
    const ambiguous = captureOutput();
    expect(await main(['token', 'revoke', 'feedbeef'], ambiguous)).toBe(1);
    expect(ambiguous.all()).toContain('Số hiệu feedbeef khớp với 2 mã: feedbeef0100, feedbeef0200');
    expect(ambiguous.all()).toContain('Gõ thêm ký tự');
    const neither = captureOutput();
    expect(await main(['token', 'revoke'], neither)).toBe(1);
    expect(neither.all()).toContain('Cần đúng một trong hai');
  });

  it('revokes every token of a user with --user, in English with LOA_LANG=en', async () => {
    process.env.LOA_LANG = 'en';
    try {
      const out = captureOutput();
      expect(await main(['token', 'revoke', '--user', 'Đỗ Lan', '--as', 'admin'], out)).toBe(0);
      expect(out.stdout).toEqual(['Revoked 4 tokens of Đỗ Lan']);
      const users = captureOutput();
      expect(await main(['user', 'list'], users)).toBe(0);
      expect(users.stdout).toEqual(['Phạm Minh  editor  1 token', 'Đỗ Lan  auditor  0 tokens']);
      const unknown = captureOutput();
      expect(await main(['token', 'revoke', '--user', 'Nobody'], unknown)).toBe(1);
      expect(unknown.all()).toContain('No user Nobody');
    } finally {
      process.env.LOA_LANG = 'vi';
    }
  });
});
