import { z } from 'zod';
import { renderAudit } from '../audit/render.js';
import { parsePeriod, planPeriod } from '../calendar/period.js';
import { findPlan } from '../config/project.js';
import { LoaError } from '../errors/loa-error.js';
import { EVIDENCE_KINDS, type EvidenceEntry, evidenceSize } from '../evidence/log.js';
import { auditFromLog } from '../evidence/log-audit.js';
import { listEvidence } from '../evidence/log-filter.js';
import { inclusionProofs } from '../evidence/log-proofs.js';
import { evidenceKey, freshCheckpoint } from '../evidence/store-checkpoint.js';
import type { ApiRoutes } from './api-router.js';
import type { ServerContext } from './context.js';

/** Filters of the evidence list (API and page). */
/** Entries an evidence listing returns unless asked for another number, and at most. */
export const DEFAULT_EVIDENCE_PAGE = 1000;
const MAX_EVIDENCE_PAGE = 10_000;

export const EvidenceFilter = z.object({
  kind: z.enum(EVIDENCE_KINDS).optional(),
  channel: z.string().max(100).optional(),
  from: z.iso.date().optional().describe('ngày đầu (UTC), 2024-03-01'),
  to: z.iso.date().optional().describe('ngày cuối (UTC), 2024-03-31'),
  before: z.coerce
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('chỉ các mục có số thứ tự nhỏ hơn (trang trước)'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_EVIDENCE_PAGE)
    .optional()
    .describe(`nhiều nhất bấy nhiêu mục mới nhất (mặc định ${DEFAULT_EVIDENCE_PAGE})`),
});
export type EvidenceFilter = z.infer<typeof EvidenceFilter>;

/**
 * The latest entries of the log that pass a filter (days in UTC), at most `limit`, in index
 * order; `before` pages back.
 */
export function filteredEvidence(
  ctx: ServerContext,
  filter: EvidenceFilter,
  defaultLimit = DEFAULT_EVIDENCE_PAGE,
): Promise<EvidenceEntry[]> {
  const day = (date: string, plus = 0) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + plus * 86_400_000).toISOString();
  return listEvidence(ctx.session.store, {
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.from ? { from: day(filter.from) } : {}),
    ...(filter.to ? { to: day(filter.to, 1) } : {}),
    ...(filter.before !== undefined ? { before: filter.before } : {}),
    limit: filter.limit ?? defaultLimit,
  });
}

/** The audit query: plan, period (2024-Q1, 2024-03, 2024-W10, 2024, plan), unit. */
export const AuditQuery = z.object({
  plan: z.string().min(1),
  period: z.string().min(1).describe('2024-Q1 | 2024-03 | 2024-W10 | 2024-H1 | 2024 | plan'),
  unit: z.string().optional(),
});

/** The audit of a plan over a period from the stored log, exactly as `loa audit` makes it. */
export async function auditOf(ctx: ServerContext, query: z.infer<typeof AuditQuery>) {
  const { project, store } = ctx.session;
  const plan = findPlan(project, query.plan);
  const period =
    query.period === 'plan' ? planPeriod(plan) : parsePeriod(query.period, plan.timeZone);
  return auditFromLog(store, {
    plan,
    channels: project.channels.map((c) => c.value),
    period,
    now: ctx.clock.now(),
    ...(query.unit ? { unit: query.unit } : {}),
  });
}

const AUDIT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  table: 'text/plain; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Evidence (read: list, proofs, checkpoint) and the audit. Nothing here alters the log. */
export function evidenceRoutes(api: ApiRoutes, ctx: ServerContext): void {
  api.add(
    {
      method: 'get',
      path: '/api/evidence',
      summary: 'Nhật ký minh chứng, lọc theo loại, kênh, ngày',
      permission: 'evidence:read',
      query: EvidenceFilter,
    },
    async (c, { query }) => c.json(await filteredEvidence(ctx, query)),
  );
  api.add(
    {
      method: 'get',
      path: '/api/evidence/checkpoint',
      summary: 'Điểm kiểm tra đã ký mới nhất',
      permission: 'evidence:read',
    },
    async (c) => {
      // NOTE: signed over the log as it is now (not stored: a GET writes nothing).
      const { session } = ctx;
      const key = await evidenceKey(session.dataDir, session.env);
      return c.json(await freshCheckpoint(session.store, key, ctx.clock.now(), { store: false }));
    },
  );
  api.add(
    {
      method: 'get',
      path: '/api/evidence/:index/proof',
      summary: 'Bằng chứng có mặt (RFC 9162) của một mục trong nhật ký',
      permission: 'evidence:read',
      params: z.object({ index: z.coerce.number().int().nonnegative() }),
    },
    async (c, { params }) => {
      const size = await evidenceSize(ctx.session.store);
      if (params.index >= size) {
        throw new LoaError('HTTP_NO_ENTRY', {
          params: { index: params.index, size },
          kind: 'not-found',
        });
      }
      const [proof] = await inclusionProofs(ctx.session.store, [params.index]);
      return c.json(proof);
    },
  );
  api.add(
    {
      method: 'get',
      path: '/api/audit',
      summary: 'Kiểm tra thực hiện kế hoạch (như loa audit)',
      permission: 'audit:read',
      query: AuditQuery.extend({
        format: z.enum(['json', 'csv', 'table', 'xlsx']).default('json'),
      }),
      produces: Object.values(AUDIT_TYPES),
    },
    async (c, { query }) => {
      const result = await auditOf(ctx, query);
      const rendered = await renderAudit(result, query.format);
      c.header('content-type', AUDIT_TYPES[query.format]);
      return c.body(typeof rendered === 'string' ? rendered : new Uint8Array(rendered));
    },
  );
}
