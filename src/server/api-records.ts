import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { bulletinDir, listIssues } from '../channels/bulletin/files.js';
import { feedStates } from '../channels/ingest/store-state.js';
import { findPlan } from '../config/project.js';
import { LoaError } from '../errors/loa-error.js';
import { exportBundle } from '../evidence/bundle.js';
import { auditEntries } from '../evidence/log-audit.js';
import { addManualEvidence } from '../evidence/manual.js';
import { createCheckpoint, evidenceKey, freshCheckpoint } from '../evidence/store-checkpoint.js';
import { hasCapability } from '../model/channel-kinds.js';
import { REPORT_FORMATS, renderReport } from '../report/render-report.js';
import type { ApiRoutes } from './api-router.js';
import type { ServerContext } from './context.js';
import { checkUpload, UPLOAD_TYPES } from './uploads.js';

const REPORT_TYPES: Record<(typeof REPORT_FORMATS)[number], string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** Bulletin issues, ingest state, reports, checkpoints, manual evidence and the bundle. */
export function recordRoutes(api: ApiRoutes, ctx: ServerContext): void {
  const { session } = ctx;
  api.add(
    {
      method: 'get',
      path: '/api/bulletins/:channel',
      summary: 'Các số bản tin đã phát hành của một kênh',
      permission: 'status:read',
      params: z.object({ channel: z.string().min(1) }),
    },
    async (c, { params }) => {
      const channel = session.config.channels.get(params.channel);
      if (!hasCapability(channel, 'issues')) {
        const known = [...session.config.channels.values()]
          .filter((ch) => hasCapability(ch, 'issues'))
          .map((ch) => ch.id)
          .join(', ');
        throw new LoaError('CHANNEL_UNKNOWN', {
          params: { id: params.channel, known },
          kind: 'not-found',
        });
      }
      return c.json(await listIssues(bulletinDir(session.dataDir, channel.id)));
    },
  );
  api.add(
    {
      method: 'get',
      path: '/api/ingest',
      summary: 'Lần đọc nguồn tin gần nhất của mỗi kênh thu thập',
      permission: 'status:read',
    },
    async (c) => {
      const out = [];
      for (const ch of session.config.channels.values()) {
        if (!hasCapability(ch, 'ingests')) continue;
        const feeds = await feedStates(session.store, ch.id);
        out.push({
          channel: ch.id,
          feeds: feeds.map((f) => ({ url: f.url, lastCheckedAt: f.lastRun, seen: f.seen })),
        });
      }
      return c.json(out);
    },
  );
  api.add(
    {
      method: 'post',
      path: '/api/evidence/checkpoint',
      summary: 'Ký một điểm kiểm tra mới trên nhật ký',
      permission: 'evidence:add',
    },
    async (c) => {
      const key = await evidenceKey(session.dataDir, session.env);
      return c.json(await createCheckpoint(session.store, key, ctx.clock.now()), 201);
    },
  );
  api.add(
    {
      method: 'post',
      path: '/api/evidence/manual',
      summary: 'Thêm minh chứng nhập tay, kèm tệp',
      permission: 'evidence:add',
      body: {
        type: 'multipart/form-data',
        schema: z.object({
          plan: z.string().min(1),
          task: z.string().min(1),
          date: z.string().min(1).describe('2024-03-12'),
          note: z.string().max(2000).optional(),
          file: z
            .union([z.instanceof(File), z.array(z.instanceof(File))])
            .optional()
            .describe(`tệp: ${Object.keys(UPLOAD_TYPES).join(', ')}`),
        }),
      },
    },
    async (c, { body }) => {
      const plan = findPlan(session.project, body.plan);
      const uploads = body.file === undefined ? [] : [body.file].flat();
      const dir = await mkdtemp(join(session.dataDir, '.upload-'));
      try {
        const paths: string[] = [];
        for (const [i, file] of uploads.entries()) {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const name = checkUpload(file.name.normalize('NFC'), file.type, bytes);
          await mkdir(join(dir, String(i)));
          const path = join(dir, String(i), name);
          await writeFile(path, bytes);
          paths.push(path);
        }
        const added = await addManualEvidence(session.store, {
          plan,
          task: body.task,
          date: body.date,
          files: paths,
          ...(body.note ? { note: body.note } : {}),
          actor: c.get('user')?.name ?? '',
          dataDir: session.dataDir,
        });
        return c.json(added, 201);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
  api.add(
    {
      method: 'get',
      path: '/api/evidence/bundle',
      summary: 'Gói minh chứng cho kiểm tra (zip), như loa evidence export; chỉ đọc, không lưu mốc',
      permission: 'evidence:export',
      query: z.object({ from: z.iso.date(), to: z.iso.date() }),
      produces: ['application/zip'],
    },
    async (c, { query }) => {
      const zone = session.project.plans[0]?.value.timeZone ?? 'Asia/Ho_Chi_Minh';
      const start = DateTime.fromISO(query.from, { zone }).startOf('day');
      const end = DateTime.fromISO(query.to, { zone }).startOf('day').plus({ days: 1 });
      const label = `${query.from} – ${query.to}`;
      const now = ctx.clock.now();
      const dir = await mkdtemp(join(session.dataDir, '.bundle-'));
      try {
        const out = join(dir, 'evidence.zip');
        await exportBundle(session.store, {
          from: start.toUTC().toISO() as string,
          to: end.toUTC().toISO() as string,
          out,
          key: await evidenceKey(session.dataDir, session.env),
          dataDir: session.dataDir,
          now,
          label,
          plans: session.project.plans.map((p) => p.value),
          channels: session.project.channels.map((ch) => ch.value),
          // NOTE: a download is a read: the head is signed into the zip, not stored. A stored
          // checkpoint is asked for on its own (POST /api/evidence/checkpoint, loa evidence).
          checkpoint: 'sign',
        });
        const bytes = await readFile(out);
        c.header('content-type', 'application/zip');
        c.header(
          'content-disposition',
          `attachment; filename="minh-chung-${query.from}-${query.to}.zip"`,
        );
        return c.body(new Uint8Array(bytes));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
  api.add(
    {
      method: 'get',
      path: '/api/reports/:plan/:period',
      summary: 'Xem báo cáo định kỳ (docx, html, md); chỉ đọc, không ghi vào nhật ký',
      permission: 'audit:read',
      params: z.object({ plan: z.string().min(1), period: z.string().min(1) }),
      query: z.object({ format: z.enum(REPORT_FORMATS).default('html') }),
      produces: Object.values(REPORT_TYPES),
    },
    async (c, { params, query }) => {
      const plan = findPlan(session.project, params.plan);
      const now = ctx.clock.now();
      const { store } = session;
      // NOTE: a GET only reads: it stores no checkpoint and does not log the report (auditors
      // write nothing); the checkpoint it prints is signed over the entries it counts. The
      // report that is issued and logged is made with `loa report`.
      const key = await evidenceKey(session.dataDir, session.env);
      const checkpoint = await freshCheckpoint(store, key, now, { store: false });
      const bytes = await renderReport(
        {
          plan,
          channels: session.project.channels.map((ch) => ch.value),
          entries: await auditEntries(store, now, undefined, checkpoint.size),
          period: params.period,
          now,
          checkpoint,
          // NOTE: the API answers for any period; a period the plan does not define is said
          // in the report itself.
          force: true,
        },
        query.format,
      );
      c.header('content-type', REPORT_TYPES[query.format]);
      return c.body(typeof bytes === 'string' ? bytes : new Uint8Array(bytes));
    },
  );
}
