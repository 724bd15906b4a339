import { mkdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'zod';
import {
  addItemFile,
  approveItem,
  rescheduleItem,
  submitItem,
  withdrawItem,
} from '../app/queue.js';
import { queueEntries as listQueue, type QueueEntry, type QueueFilter } from '../app/queue-list.js';
import { readStatus } from '../app/status.js';
import { formatDiagnostic } from '../config/diagnostic.js';
import { parseItem } from '../config/parse-item.js';
import { LoaError } from '../errors/loa-error.js';
import { listPublications } from '../store/publications.js';
import { ITEM_STATUSES } from '../store/schema.js';
import { slugify } from '../text/vietnamese.js';
import type { ApiRoutes } from './api-router.js';
import { queueContext, type ServerContext } from './context.js';

/** Largest Markdown item accepted (front matter and body). */
export const MAX_ITEM_BYTES = 256 * 1024;

const ItemId = z.object({ id: z.string().min(1).max(200) });

export type { QueueEntry };

/** The queue as `loa queue list --json` shows it. */
export function queueEntries(ctx: ServerContext, filter: QueueFilter = {}): Promise<QueueEntry[]> {
  return listQueue(ctx.session.store, ctx.session.config, filter);
}

/**
 * Keeps an item sent over HTTP as `<dataDir>/api-items/<id>.md` (the id is the file name, as
 * for files in content/: `id` given, else the slug of the title) and queues it exactly as
 * `loa queue add <file>` does. Everything that can be checked is checked before the file is
 * written (front matter, channels); should queueing still refuse it, the file is put back as
 * it was, so a refused request leaves nothing behind. Refusals name the item, never a path
 * of the server.
 */
export async function addItemText(
  ctx: ServerContext,
  actor: string,
  markdown: string,
  id?: string,
) {
  const text = markdown.normalize('NFC').replace(/\r\n/g, '\n');
  const title = /^title:\s*(.+)$/m.exec(text)?.[1]?.replace(/^["']|["']$/g, '') ?? '';
  const name = slugify(id ?? title);
  const parsed = parseItem({ file: `${name || 'item'}.md`, text }, `${name || 'item'}.md`);
  if (!name || !parsed.ok) {
    const diagnostics = parsed.ok ? [] : parsed.diagnostics;
    const detail = diagnostics.map((d) => formatDiagnostic(d)).join('; ') || 'title';
    throw new LoaError('HTTP_INVALID_REQUEST', { params: { detail } });
  }
  for (const channel of parsed.located.value.channels) {
    if (!ctx.session.config.channels.has(channel)) {
      const known = [...ctx.session.config.channels.keys()].join(', ');
      throw new LoaError('CHANNEL_UNKNOWN', { params: { id: channel, known } });
    }
  }
  const dir = join(ctx.session.dataDir, 'api-items');
  const file = join(dir, `${name}.md`);
  const before = await readFile(file).catch(() => undefined);
  await mkdir(dir, { recursive: true });
  await writeFile(file, text, 'utf8');
  try {
    return await addItemFile(queueContext(ctx, { name: actor, role: 'editor' }), file);
  } catch (error) {
    await (before === undefined ? rm(file, { force: true }) : writeFile(file, before));
    // The folder goes too when this request made it (rmdir refuses a folder with files).
    await rmdir(dir).catch(() => undefined);
    if (error instanceof LoaError && error.code === 'ITEM_ID_TAKEN') {
      const path = relative(ctx.session.project.root, String(error.params.path ?? ''));
      const id = String(error.params.id ?? '');
      throw new LoaError('ITEM_ID_TAKEN', { params: { id, path }, kind: 'conflict' });
    }
    throw error;
  }
}

/** Items: list, create from Markdown with front matter, approve, withdraw, reschedule. */
export function queueRoutes(api: ApiRoutes, ctx: ServerContext): void {
  api.add(
    {
      method: 'get',
      path: '/api/items',
      summary: 'Hàng đợi: các bài và trạng thái',
      permission: 'queue:read',
      query: z.object({
        status: z.enum(ITEM_STATUSES).optional(),
        channel: z.string().optional(),
      }),
    },
    async (c, { query }) => c.json(await queueEntries(ctx, query)),
  );
  api.add(
    {
      method: 'post',
      path: '/api/items',
      summary: 'Thêm bài từ Markdown có front matter',
      permission: 'queue:write',
      query: z.object({
        id: z.string().max(80).optional().describe('mã bài (mặc định: từ tiêu đề)'),
      }),
      body: { type: 'text/markdown', schema: z.string().min(1).max(MAX_ITEM_BYTES) },
    },
    async (c, { query, body }) => {
      const user = c.get('user');
      const { row, changed } = await addItemText(ctx, user?.name ?? '', body, query.id);
      return c.json({ id: row.id, version: row.version, status: row.status, changed }, 201);
    },
  );
  for (const action of ['submit', 'approve', 'withdraw'] as const) {
    api.add(
      {
        method: 'post',
        path: `/api/items/:id/${action}`,
        summary: { submit: 'Gửi duyệt bài', approve: 'Duyệt bài', withdraw: 'Rút bài' }[action],
        permission: 'queue:write',
        params: ItemId,
      },
      async (c, { params }) => {
        const q = queueContext(ctx, c.get('user') ?? { name: '', role: 'editor' });
        const { from, row } = await (action === 'approve'
          ? approveItem(q, params.id)
          : action === 'submit'
            ? submitItem(q, params.id)
            : withdrawItem(q, params.id));
        return c.json({ id: row.id, from, status: row.status });
      },
    );
  }
  api.add(
    {
      method: 'post',
      path: '/api/items/:id/reschedule',
      summary: 'Đặt lại giờ đăng',
      permission: 'queue:write',
      params: ItemId,
      body: {
        type: 'application/json',
        schema: z.object({ when: z.string().describe('2024-03-08 09:00, giờ của kế hoạch') }),
      },
    },
    async (c, { params, body }) => {
      const q = queueContext(ctx, c.get('user') ?? { name: '', role: 'editor' });
      const { row, slot } = await rescheduleItem(q, params.id, body.when);
      return c.json({ id: row.id, status: row.status, slot: slot.toISO() });
    },
  );
  api.add(
    {
      method: 'get',
      path: '/api/status',
      summary: 'Tình trạng từng kênh và báo cáo sắp đến hạn, như loa status --json',
      permission: 'status:read',
    },
    async (c) => {
      // NOTE: the same report as `loa status --json`, read through the server's own session.
      const status = await readStatus(ctx.session, { next: 3 }, ctx.clock);
      const reportsDue = status.reportsDue.map((r) => ({
        plan: r.plan,
        title: r.title,
        period: r.period,
        due: r.due.toISODate(),
        daysLeft: r.daysLeft,
      }));
      return c.json({ channels: status.channels, reportsDue });
    },
  );
  api.add(
    {
      method: 'get',
      path: '/api/publications',
      summary: 'Các lượt đăng và trạng thái',
      permission: 'status:read',
      query: z.object({ channel: z.string().optional() }),
    },
    async (c, { query }) => {
      const rows = await listPublications(
        ctx.session.store,
        query.channel ? { channel: query.channel } : {},
      );
      return c.json(rows);
    },
  );
}
