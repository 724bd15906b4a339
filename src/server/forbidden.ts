import type { Context } from 'hono';
import type { AuthUser, Permission } from '../auth/roles.js';
import type { ServerEnv } from './context.js';
import { permissionWords, rolesWithWords, roleWord } from './pages/menu.js';
import { isApi, refuse } from './refusal.js';

/**
 * The 403 of a signed-in user whose role lacks a permission, in words: what they tried
 * (`duyệt, rút và đặt lịch bài`), which roles may, and which administrators to ask by name.
 */
export async function forbidden(
  c: Context<ServerEnv>,
  user: AuthUser,
  permission: Permission,
): Promise<Response> {
  const admins = (await c.get('administrators')?.()) ?? [];
  return refuse(c, 403, 'HTTP_FORBIDDEN', {
    user: user.name,
    // NOTE: an API client also gets the role's id, which it uses when it asks for a token.
    roleWord: isApi(c) ? `${roleWord(user.role)}, ${user.role}` : roleWord(user.role),
    action: permissionWords(permission),
    allowed: rolesWithWords(permission),
    admins: admins.length > 0 ? admins.join(', ') : roleWord('admin'),
  });
}
