import type { Hono } from 'hono';
import { z } from 'zod';
import { acceptCosignature, listCosignatures, witnessKeys } from '../evidence/cosignatures.js';
import { evidenceSize } from '../evidence/log.js';
import { consistencyProofOf } from '../evidence/log-proofs.js';
import { evidenceKey, freshCheckpoint } from '../evidence/store-checkpoint.js';
import type { ServerContext, ServerEnv } from './context.js';
import { refuse } from './refusal.js';

/** Where a witness reads a unit's log head and proofs; public, no token. */
export const PUBLIC_LOG_PATHS = {
  checkpoint: '/log/checkpoint',
  consistency: '/log/consistency',
  cosignatures: '/log/cosignatures',
} as const;

const Sizes = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});

/**
 * The log's public face, for witnesses (and anyone): the latest checkpoint, signed over the
 * whole log now (text, C2SP signed note; not stored: a GET writes nothing), a consistency
 * proof between two sizes (JSON, hex hashes), and the cosignatures witnesses handed back;
 * a witness hands one back with a POST of the cosigned note (JSON `{ note }`), accepted only
 * when it carries the log's own signature and that of a witness in LOA_WITNESS_KEYS.
 */
export function publicLogRoutes(app: Hono<ServerEnv>, ctx: ServerContext): void {
  const key = () => evidenceKey(ctx.session.dataDir, ctx.session.env);
  app.get(PUBLIC_LOG_PATHS.checkpoint, async (c) => {
    const cp = await freshCheckpoint(ctx.session.store, await key(), ctx.clock.now(), {
      store: false,
    });
    c.header('cache-control', 'no-store');
    return c.text(cp.note);
  });
  app.get(PUBLIC_LOG_PATHS.consistency, async (c) => {
    const sizes = Sizes.safeParse(c.req.query());
    const size = await evidenceSize(ctx.session.store);
    if (!sizes.success || sizes.data.from > sizes.data.to || sizes.data.to > size) {
      return refuse(c, 400, 'HTTP_BAD_SIZES', { size });
    }
    return c.json(await consistencyProofOf(ctx.session.store, sizes.data.from, sizes.data.to));
  });
  app.get(PUBLIC_LOG_PATHS.cosignatures, async (c) =>
    c.json(await listCosignatures(ctx.session.store)),
  );
  app.post(PUBLIC_LOG_PATHS.cosignatures, async (c) => {
    const body = z
      .object({ note: z.string().max(20_000) })
      .safeParse(await c.req.json().catch(() => null));
    if (!body.success) return refuse(c, 400, 'EVIDENCE_COSIGNATURE_REFUSED', { reason: 'no note' });
    const saved = await acceptCosignature(
      ctx.session.store,
      body.data.note,
      (await key()).verifier,
      witnessKeys(ctx.session.env),
      ctx.clock.now(),
    );
    return c.json(saved, 201);
  });
}
