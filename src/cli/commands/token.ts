import type { Command } from 'commander';
import { actorName } from '../../app/who-and-when.js';
import { expiryFrom, formatTokenInstant } from '../../auth/token-expiry.js';
import { listTokens, revokeToken, type TokenInfo } from '../../auth/tokens.js';
import { createToken, findUser, revokeTokensOfUser } from '../../auth/users.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { toStored } from '../../model/instant.js';
import { withStore } from '../../store/open-store.js';
import { type Output, printJson } from '../output.js';

export interface TokenOptions {
  as?: string;
  /** `<days>`, `<YYYY-MM-DD>` or `never` (create). */
  expires?: string;
  /** Every token of this user (revoke). */
  user?: string;
  json?: boolean;
}

/**
 * `loa token create <name> [--expires <days>|<YYYY-MM-DD>|never]`: a new bearer token for a
 * user, printed once on stdout (its id, expiry and the explanation go to stderr, so
 * `$(loa token create x)` captures only the token); only its SHA-256 is stored. It expires
 * after 90 days unless `--expires` says otherwise.
 */
export async function runTokenCreate(
  name: string,
  options: TokenOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const now = clock.now();
  const expiresAt = expiryFrom(options.expires, now);
  return withStore(async (store) => {
    const { token, id, user } = await createToken(
      store,
      name,
      { actor: actorName(options.as), at: toStored(now) },
      expiresAt,
    );
    output.err(message('TOKEN_CREATED', { name: user.name, role: user.role }));
    const expires = expiresAt === null ? message('TOKEN_NEVER') : formatTokenInstant(expiresAt);
    output.err(message('TOKEN_CREATED_DETAIL', { id, expires }));
    output.out(token);
    return 0;
  });
}

/** One token as a line of `loa token list`. */
function tokenLine(t: TokenInfo): string {
  const state =
    t.state === 'revoked'
      ? message('TOKEN_STATE_REVOKED', {
          at: formatTokenInstant(t.revokedAt ?? ''),
          by: t.revokedBy ?? '',
        })
      : message(t.state === 'expired' ? 'TOKEN_STATE_EXPIRED' : 'TOKEN_STATE_ACTIVE');
  return message('TOKEN_LINE', {
    id: t.id,
    name: t.user,
    role: t.role,
    created: formatTokenInstant(t.createdAt),
    createdBy: t.createdBy,
    expires: t.expiresAt === null ? message('TOKEN_NEVER') : formatTokenInstant(t.expiresAt),
    lastUsed: t.lastUsedAt === null ? message('TOKEN_NOT_USED') : formatTokenInstant(t.lastUsedAt),
    state,
  });
}

/**
 * `loa token list [<name>] [--json]`: each token's id (the start of its hash, never the
 * token), user and role, creation, expiry, last use and revocation.
 */
export async function runTokenList(
  name: string | undefined,
  options: TokenOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  return withStore(async (store) => {
    if (name !== undefined && !(await findUser(store, name))) {
      throw new LoaError('USER_UNKNOWN', { params: { name } });
    }
    const tokens = await listTokens(store, toStored(clock.now()), name);
    if (options.json) printJson(output, tokens);
    else if (tokens.length === 0) output.out(message('TOKEN_NONE'));
    else for (const t of tokens) output.out(tokenLine(t));
    return 0;
  });
}

/**
 * `loa token revoke <id>` (at least 8 characters of an id from `loa token list`, matching
 * one token) or `loa token revoke --user <name>` (every token of the user): the next request
 * with a revoked token is refused.
 */
export async function runTokenRevoke(
  id: string | undefined,
  options: TokenOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  if ((id === undefined) === (options.user === undefined)) {
    throw new LoaError('TOKEN_REVOKE_USAGE');
  }
  const by = { actor: actorName(options.as), at: toStored(clock.now()) };
  return withStore(async (store) => {
    if (options.user !== undefined) {
      const { user, revoked } = await revokeTokensOfUser(store, options.user, by);
      output.out(message('TOKEN_REVOKED_USER', { name: user.name, count: revoked }));
      return 0;
    }
    const { token, already } = await revokeToken(store, id ?? '', by);
    output.out(
      already
        ? message('TOKEN_ALREADY_REVOKED', {
            id: token.id,
            name: token.user,
            at: formatTokenInstant(token.revokedAt ?? ''),
            by: token.revokedBy ?? '',
          })
        : message('TOKEN_REVOKED', { id: token.id, name: token.user }),
    );
    return 0;
  });
}

export function registerToken(program: Command, output: Output, setExit: (code: number) => void) {
  const token = program.command('token').description('Mã truy cập / access tokens');
  token
    .command('create <name>')
    .option(
      '--expires <when>',
      'số ngày | YYYY-MM-DD | never (mặc định 90 ngày) / days, date or never',
    )
    .option('--as <name>', 'người thực hiện / who acts')
    .action(async (name: string, opts: TokenOptions) =>
      setExit(await runTokenCreate(name, opts, output)),
    );
  token
    .command('list [name]')
    .option('--json', 'JSON')
    .action(async (name: string | undefined, opts: TokenOptions) =>
      setExit(await runTokenList(name, opts, output)),
    );
  token
    .command('revoke [id]')
    .option('--user <name>', 'mọi mã của người này / every token of this user')
    .option('--as <name>', 'người thực hiện / who acts')
    .action(async (id: string | undefined, opts: TokenOptions) =>
      setExit(await runTokenRevoke(id, opts, output)),
    );
}
