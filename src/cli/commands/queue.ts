import type { Command } from 'commander';
import {
  addItemFile,
  approveItem,
  type QueueContext,
  rescheduleItem,
  submitItem,
  withdrawItem,
} from '../../app/queue.js';
import { queueEntries } from '../../app/queue-list.js';
import { openSession, type Session } from '../../app/session.js';
import { actorName } from '../../app/who-and-when.js';
import { LoaError } from '../../errors/loa-error.js';
import { message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { toStored } from '../../model/instant.js';
import { setChannelPaused } from '../../store/publications.js';
import { ITEM_STATUSES, type ItemStatus } from '../../store/schema.js';
import { type Output, printJson } from '../output.js';

export interface QueueOptions {
  dir?: string;
  as?: string;
  json?: boolean;
  status?: string;
  channel?: string;
}

async function withQueue<T>(
  options: QueueOptions,
  clock: Clock,
  fn: (ctx: QueueContext, session: Session) => Promise<T>,
): Promise<T> {
  const session = await openSession(options.dir ?? '.');
  try {
    const ctx = {
      store: session.store,
      config: session.config,
      now: clock.now(),
      actor: actorName(options.as),
    };
    return await fn(ctx, session);
  } finally {
    await session.store.close();
  }
}

/** `loa queue list`: items with their state, channels and next slot. */
export async function runQueueList(
  options: QueueOptions,
  output: Output,
  clock: Clock = systemClock,
) {
  if (options.status && !ITEM_STATUSES.includes(options.status as ItemStatus)) {
    throw new LoaError('OPTION_INVALID', {
      params: { option: '--status', value: options.status, expected: ITEM_STATUSES.join(', ') },
    });
  }
  return withQueue(options, clock, async (ctx, session) => {
    const listed = await queueEntries(ctx.store, session.config, {
      status: options.status as ItemStatus | undefined,
      channel: options.channel,
    });
    if (options.json) printJson(output, listed);
    else if (listed.length === 0) output.out(message('QUEUE_EMPTY'));
    else {
      for (const l of listed) {
        output.out(
          message('QUEUE_LINE', {
            id: l.id,
            status: l.status,
            version: l.version,
            channels: l.channels
              .map((c) => {
                const state = l.channelStates.find((s) => s.channel === c);
                return state ? `${c}:${state.status}` : c;
              })
              .join(' '),
            next: l.next ? `${l.next.local} (${l.next.channel})` : '',
          }),
        );
      }
    }
    return 0;
  });
}

/** `loa queue add <file>`. */
export async function runQueueAdd(
  file: string,
  options: QueueOptions,
  output: Output,
  clock: Clock = systemClock,
) {
  return withQueue(options, clock, async (ctx) => {
    const { row, changed } = await addItemFile(ctx, file);
    output.out(
      message(changed ? 'QUEUE_ADDED' : 'QUEUE_UNCHANGED', {
        id: row.id,
        version: row.version,
        status: row.status,
      }),
    );
    return 0;
  });
}

/** `loa queue submit <id>`, `loa queue approve <id>` and `loa queue withdraw <id>`. */
export async function runQueueTransition(
  action: 'approve' | 'submit' | 'withdraw',
  id: string,
  options: QueueOptions,
  output: Output,
  clock: Clock = systemClock,
) {
  return withQueue(options, clock, async (ctx) => {
    const { from, row } = await (action === 'approve'
      ? approveItem(ctx, id)
      : action === 'submit'
        ? submitItem(ctx, id)
        : withdrawItem(ctx, id));
    output.out(message('QUEUE_STATE_CHANGED', { id, from, to: row.status }));
    return 0;
  });
}

/** `loa queue reschedule <id> <when>`. */
export async function runQueueReschedule(
  id: string,
  when: string,
  options: QueueOptions,
  output: Output,
  clock: Clock = systemClock,
) {
  return withQueue(options, clock, async (ctx) => {
    const { slot } = await rescheduleItem(ctx, id, when);
    output.out(message('QUEUE_RESCHEDULED', { id, when: slot.toFormat('yyyy-MM-dd HH:mm ZZ') }));
    return 0;
  });
}

/** `loa queue resume-channel <channel>`: lifts the pause an auth failure put on a channel. */
export async function runQueueResume(
  channel: string,
  options: QueueOptions,
  output: Output,
  clock: Clock = systemClock,
) {
  return withQueue(options, clock, async (ctx) => {
    if (!ctx.config.channels.has(channel)) {
      const known = [...ctx.config.channels.keys()].join(', ');
      throw new LoaError('CHANNEL_UNKNOWN', { params: { id: channel, known } });
    }
    await ctx.store.transaction((tx) =>
      setChannelPaused(tx, channel, false, `resumed by ${ctx.actor}`, toStored(ctx.now)),
    );
    output.out(message('QUEUE_CHANNEL_RESUMED', { channel }));
    return 0;
  });
}

export function registerQueue(program: Command, output: Output, setExit: (code: number) => void) {
  const queue = program
    .command('queue')
    .description('Hàng đợi bài viết / the content queue')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--as <name>', 'người thực hiện / who acts');
  const common = (cmd: Command): QueueOptions => ({ ...queue.opts(), ...cmd.opts() });
  queue
    .command('list')
    .option('--status <status>', ITEM_STATUSES.join(' | '))
    .option('--channel <id>', 'kênh / channel')
    .option('--json', 'JSON')
    .action(async (_opts, cmd: Command) => setExit(await runQueueList(common(cmd), output)));
  queue
    .command('add <file>')
    .action(async (file: string, _opts, cmd: Command) =>
      setExit(await runQueueAdd(file, common(cmd), output)),
    );
  for (const action of ['submit', 'approve', 'withdraw'] as const) {
    queue
      .command(`${action} <id>`)
      .action(async (id: string, _opts, cmd: Command) =>
        setExit(await runQueueTransition(action, id, common(cmd), output)),
      );
  }
  queue
    .command('reschedule <id> <when>')
    .action(async (id: string, when: string, _opts, cmd: Command) =>
      setExit(await runQueueReschedule(id, when, common(cmd), output)),
    );
  queue
    .command('resume-channel <channel>')
    .action(async (channel: string, _opts, cmd: Command) =>
      setExit(await runQueueResume(channel, common(cmd), output)),
    );
}
