import type { Command } from 'commander';
import { actorName } from '../../app/who-and-when.js';
import { ROLES } from '../../auth/roles.js';
import { addUser, listUsers, setUserRole } from '../../auth/users.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { toStored } from '../../model/instant.js';
import { openStore, storeOptionsFrom } from '../../store/open-store.js';
import type { Output } from '../output.js';

export interface UserOptions {
  role?: string;
  as?: string;
  json?: boolean;
}

/** `loa user add <name> --role <role>`: a user of the HTTP API and pages. */
export async function runUserAdd(
  name: string,
  options: UserOptions,
  output: Output,
  clock: Clock = systemClock,
): Promise<number> {
  const store = await openStore(storeOptionsFrom());
  try {
    const row = await addUser(store, name, options.role ?? '', {
      actor: actorName(options.as),
      at: toStored(clock.now()),
    });
    output.out(message('USER_ADDED', { name: row.name, role: row.role }));
    return 0;
  } finally {
    await store.close();
  }
}

/** `loa user role <name> <role>`: gives a user another role, as the admin page does. */
export async function runUserRole(name: string, role: string, output: Output): Promise<number> {
  const store = await openStore(storeOptionsFrom());
  try {
    const { user, from } = await setUserRole(store, name, role);
    output.out(message('USER_ROLE_SET', { name: user.name, from, role: user.role }));
    return 0;
  } finally {
    await store.close();
  }
}

/** `loa user list`: users, roles and how many tokens each holds (never the tokens). */
export async function runUserList(options: UserOptions, output: Output): Promise<number> {
  const store = await openStore(storeOptionsFrom());
  try {
    const users = await listUsers(store);
    if (options.json) output.out(JSON.stringify(users, null, 2));
    else if (users.length === 0) output.out(message('USER_NONE'));
    else for (const u of users) output.out(message('USER_LINE', { ...u }));
    return 0;
  } finally {
    await store.close();
  }
}

export function registerUser(program: Command, output: Output, setExit: (code: number) => void) {
  const user = program.command('user').description('Người dùng máy chủ / server users');
  user
    .command('add <name>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--as <name>', 'người thực hiện / who acts')
    .action(async (name: string, opts: UserOptions) =>
      setExit(await runUserAdd(name, opts, output)),
    );
  user
    .command('role <name> <role>')
    .description(`đổi vai trò / change the role (${ROLES.join(' | ')})`)
    .action(async (name: string, role: string) => setExit(await runUserRole(name, role, output)));
  user
    .command('list')
    .option('--json', 'JSON')
    .action(async (opts: UserOptions) => setExit(await runUserList(opts, output)));
}
