import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { TokenUsage } from '../../src/auth/token-usage.js';
import {
  checkToken,
  hashToken,
  listTokens,
  revokeToken,
  tokenIdOf,
} from '../../src/auth/tokens.js';
import { addUser, createToken } from '../../src/auth/users.js';
import { LoaError } from '../../src/errors/loa-error.js';
import { toStored } from '../../src/model/instant.js';
import { openStore, storeOptionsFrom } from '../../src/store/open-store.js';
import { rawForTests } from '../../src/store/testing.js';
import type { Store } from '../../src/store/types.js';
import { storeEngines } from '../support/store-engines.js';

const engines = await storeEngines();
const T0 = DateTime.fromISO('2024-03-06T03:00:00.000Z', { zone: 'utc' });
const at = (d: DateTime) => ({ actor: 'quản trị', at: toStored(d) });

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
  } catch (error) {
    return error instanceof LoaError ? error.code : String(error);
  }
  return undefined;
}

describe.each(engines)('token lifecycle in the store on $name', (engine) => {
  const stores: Store[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });
  async function fresh(): Promise<Store> {
    const store = await engine.open();
    stores.push(store);
    await addUser(store, 'Trần Thu', 'editor', at(T0));
    return store;
  }

  it('keeps a token made before migration 9 valid, with no expiry', async () => {
    const options = storeOptionsFrom(await engine.env());
    const before = await openStore(options);
    // Back to the schema of version 8: the table as migration 6 made it.
    for (const column of ['expires_at', 'revoked_at', 'revoked_by', 'last_used_at']) {
      await sql`alter table api_tokens drop column ${sql.ref(column)}`.execute(rawForTests(before));
    }
    await rawForTests(before).deleteFrom('loa_migrations').where('version', '=', 9).execute();
    await addUser(before, 'Lê Văn', 'auditor', at(T0));
    await sql`insert into api_tokens (hash, user_name, created_at, created_by)
      values (${hashToken('loa_old')}, ${'Lê Văn'}, ${toStored(T0)}, ${'test'})`.execute(
      rawForTests(before),
    );
    await before.close();

    const after = await openStore(options);
    stores.push(after);
    const years = toStored(T0.plus({ years: 20 }));
    expect(await checkToken(after, 'loa_old', years)).toMatchObject({
      ok: true,
      user: { name: 'Lê Văn', role: 'auditor' },
    });
    const [listed] = await listTokens(after, years);
    expect(listed).toMatchObject({ expiresAt: null, state: 'active', revokedAt: null });
  });

  it('refuses a token from its expiry on, and a revoked one at once, saying which', async () => {
    const store = await fresh();
    const expires = toStored(T0.plus({ days: 1 }));
    const { token, id } = await createToken(store, 'Trần Thu', at(T0), expires);
    expect(await checkToken(store, token, toStored(T0.plus({ hours: 23 })))).toMatchObject({
      ok: true,
    });
    expect(await checkToken(store, token, expires)).toEqual({
      ok: false,
      reason: 'expired',
      expiresAt: expires,
    });
    const other = await createToken(store, 'Trần Thu', at(T0));
    const revokedAt = T0.plus({ minutes: 5 });
    const { token: info, already } = await revokeToken(
      store,
      tokenIdOf(hashToken(other.token)).slice(0, 8),
      at(revokedAt),
    );
    expect(already).toBe(false);
    expect(info).toMatchObject({ id: other.id, state: 'revoked', revokedBy: 'quản trị' });
    expect(await checkToken(store, other.token, toStored(revokedAt))).toEqual({
      ok: false,
      reason: 'revoked',
      revokedAt: toStored(revokedAt),
    });
    const again = await revokeToken(store, other.id, at(revokedAt.plus({ hours: 1 })));
    expect(again.already).toBe(true);
    expect(again.token.revokedAt).toBe(toStored(revokedAt));
    expect(id).toHaveLength(12);
  });

  it('revokes only by an unambiguous prefix of at least 8 hex characters', async () => {
    const store = await fresh();
    const row = (hash: string) => ({
      hash,
      user_name: 'Trần Thu',
      created_at: toStored(T0),
      created_by: 'test',
    });
    await rawForTests(store)
      .insertInto('api_tokens')
      .values([row(`abcdef01aa${'0'.repeat(54)}`), row(`abcdef01bb${'0'.repeat(54)}`)])
      .execute();
    expect(await codeOf(revokeToken(store, 'abcdef01', at(T0)))).toBe('TOKEN_AMBIGUOUS');
    expect(await codeOf(revokeToken(store, 'abcdef0', at(T0)))).toBe('TOKEN_ID_INVALID');
    expect(await codeOf(revokeToken(store, 'abcdef0%', at(T0)))).toBe('TOKEN_ID_INVALID');
    expect(await codeOf(revokeToken(store, '12345678', at(T0)))).toBe('TOKEN_UNKNOWN');
    const { token } = await revokeToken(store, 'ABCDEF01A', at(T0));
    expect(token.id).toBe('abcdef01aa00');
    const states = (await listTokens(store, toStored(T0))).map((t) => [t.id, t.state]);
    expect(states).toEqual([
      ['abcdef01aa00', 'revoked'],
      ['abcdef01bb00', 'active'],
    ]);
  });

  it('writes the last use at most once a minute, however many requests come', async () => {
    const store = await fresh();
    const { token } = await createToken(store, 'Trần Thu', at(T0));
    const usage = new TokenUsage(store);
    const use = async (when: DateTime) => {
      const check = await checkToken(store, token, toStored(when));
      if (!check.ok) throw new Error(check.reason);
      await usage.used(check.hash, check.lastUsedAt, when);
    };
    const lastUsed = async () => (await listTokens(store, toStored(T0)))[0]?.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    // A burst: twenty requests at once write once.
    await Promise.all(Array.from({ length: 20 }, () => use(T0)));
    expect(await lastUsed()).toBe(toStored(T0));
    await use(T0.plus({ seconds: 59 }));
    expect(await lastUsed()).toBe(toStored(T0));
    await use(T0.plus({ seconds: 60 }));
    expect(await lastUsed()).toBe(toStored(T0.plus({ seconds: 60 })));
    // Another process (a second recorder) sees the row's last use and does not write either.
    await use(T0.plus({ seconds: 61 }));
    await new TokenUsage(store).used(hashToken(token), null, T0.plus({ seconds: 90 }));
    expect(await lastUsed()).toBe(toStored(T0.plus({ seconds: 60 })));
  });
});
