import { z } from 'zod';
import { listTokens, revokeToken } from '../auth/tokens.js';
import { findUser } from '../auth/users.js';
import { LoaError } from '../errors/loa-error.js';
import { toStored } from '../model/instant.js';
import type { ApiRoutes } from './api-router.js';
import type { ServerContext } from './context.js';

/**
 * Access tokens, for administrators: the list (each token's short id, never the token nor
 * the rest of its hash) and revocation by id, as `loa token list` and `loa token revoke`.
 */
export function tokenRoutes(api: ApiRoutes, ctx: ServerContext): void {
  const db = ctx.session.store;
  api.add(
    {
      method: 'get',
      path: '/api/tokens',
      summary: 'Các mã truy cập: số hiệu, người dùng, hạn, lần dùng cuối, thu hồi',
      permission: 'users:admin',
      query: z.object({ user: z.string().min(1).optional().describe('chỉ mã của người này') }),
    },
    async (c, { query }) => {
      if (query.user !== undefined && !(await findUser(db, query.user))) {
        throw new LoaError('USER_UNKNOWN', { params: { name: query.user }, kind: 'not-found' });
      }
      return c.json(await listTokens(db, toStored(ctx.clock.now()), query.user));
    },
  );
  api.add(
    {
      method: 'delete',
      path: '/api/tokens/:id',
      summary: 'Thu hồi một mã truy cập (số hiệu, hoặc ít nhất 8 ký tự đầu của nó)',
      permission: 'users:admin',
      params: z.object({ id: z.string().min(1).describe('a1b2c3d4e5f6') }),
    },
    async (c, { params }) => {
      const { token, already } = await revokeToken(db, params.id, {
        actor: c.get('user')?.name ?? '',
        at: toStored(ctx.clock.now()),
      });
      return c.json({ ...token, alreadyRevoked: already });
    },
  );
}
