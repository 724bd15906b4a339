import type { Command } from 'commander';
import { createToken } from '../../auth/users.js';
import { type Clock, systemClock } from '../../calendar/clock.js';
import { message } from '../../i18n/catalogue.js';
import { actorName } from '../../scheduler/scheduling-context.js';
import { toStored } from '../../store/instant.js';
import { openStore, storeOptionsFrom } from '../../store/open-store.js';
import type { Output } from '../output.js';

export interface TokenOptions {
  as?: string;
}

/**
 * `loa token create <name>`: a new bearer token for a user, printed once on stdout (the
 * explanation goes to stderr, so `$(loa token create x)` captures only the token); only its
 * SHA-256 is stored.
 */
export async function runTokenCreate(
  name: string,
  options: TokenOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const store = await openStore(storeOptionsFrom());
  try {
    const { token, user } = await createToken(store.db, name, {
      actor: actorName(options.as),
      at: toStored(clock.now()),
    });
    output.err(message('TOKEN_CREATED', { name: user.name, role: user.role }));
    output.out(token);
    return 0;
  } finally {
    await store.close();
  }
}

export function registerToken(program: Command, output: Output, setExit: (code: number) => void) {
  program
    .command('token')
    .description('Mã truy cập / access tokens')
    .command('create <name>')
    .option('--as <name>', 'người thực hiện / who acts')
    .action(async (name: string, opts: TokenOptions) =>
      setExit(await runTokenCreate(name, opts, output)),
    );
}
