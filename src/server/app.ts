import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { listUsers } from '../auth/users.js';
import { evidenceRoutes } from './api-evidence.js';
import { queueRoutes } from './api-queue.js';
import { recordRoutes } from './api-records.js';
import { ApiRoutes } from './api-router.js';
import { rundownRoutes } from './api-rundowns.js';
import { openApiDocument } from './api-spec.js';
import { tokenRoutes } from './api-tokens.js';
import { audioApiRoutes, audioPublicRoutes } from './audio-routes.js';
import { authenticate, authGuard, formCsrf, hasBearer } from './auth.js';
import type { ServerContext, ServerEnv } from './context.js';
import { noStoreWhenAuthenticated, securityHeaders, wellFormedUri } from './hygiene.js';
import { adminPages } from './pages/admin.js';
import { assetRoutes } from './pages/assets.js';
import { calendarPages } from './pages/calendar.js';
import { evidencePages } from './pages/evidence.js';
import { homePages } from './pages/home.js';
import { itemPages } from './pages/item-form.js';
import { loginRoutes } from './pages/login.js';
import { DEFAULT_MAX_UPLOAD_BYTES, MANUAL_EVIDENCE_PATH } from './pages/manual-evidence.js';
import { queuePages } from './pages/queue.js';
import { quotaPages } from './pages/quotas.js';
import { rundownPages } from './pages/rundown.js';
import { publicRoutes } from './public-files.js';
import { publicLogRoutes } from './public-log.js';
import { onError, refuse } from './refusal.js';

/** The app and the operations its OpenAPI document describes. */
export interface LoaApp {
  app: Hono<ServerEnv>;
  openApi: Record<string, unknown>;
}

/**
 * The HTTP app of `loa run`: the JSON API under /api (bearer tokens), the Vietnamese pages
 * (cookie session, CSRF-checked forms), and the public feeds and bulletin pages. Every
 * request is logged as one record (method, path, status, ms, user; never a token).
 */
export function createApp(ctx: ServerContext): LoaApp {
  const app = new Hono<ServerEnv>();
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('refused', undefined);
    await next();
    ctx.log({
      at: new Date(ctx.clock.now().toMillis()).toISOString(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.get('user') ? { user: c.get('user')?.name } : {}),
      ...(c.get('refused') ? { refused: c.get('refused') } : {}),
    });
  });
  app.use(securityHeaders());
  app.use(noStoreWhenAuthenticated());
  app.use(wellFormedUri());
  const maxBody = ctx.maxBodyBytes ?? 1024 * 1024;
  const maxUpload = ctx.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const limit = (max: number) =>
    bodyLimit({
      maxSize: max,
      onError: (c) => refuse(c as never, 413, 'HTTP_BODY_TOO_LARGE', { max }),
    });
  // NOTE: the page's form may carry the upload and its other fields: it reads a body that
  // far, then refuses files over the upload limit itself, showing the form again.
  const bodyLimits = {
    body: limit(maxBody),
    upload: limit(maxUpload),
    form: limit(maxUpload + maxBody),
  };
  app.use((c, next) => {
    const path = c.req.path;
    const chosen =
      path === '/api/evidence/manual'
        ? bodyLimits.upload
        : path === MANUAL_EVIDENCE_PATH || path === '/items'
          ? bodyLimits.form
          : bodyLimits.body;
    return chosen(c, next);
  });
  // NOTE: credentials first, so that a write without any is answered 401, not 403.
  const guard = authGuard(ctx);
  app.use(authenticate(ctx, guard));
  const administrators = async () =>
    (await listUsers(ctx.session.store)).filter((u) => u.role === 'admin').map((u) => u.name);
  app.use(async (c, next) => {
    c.set('administrators', administrators);
    await next();
  });
  const originCheck = csrf();
  app.use((c, next) => (hasBearer(c) ? next() : originCheck(c, next)));
  const checkForm = formCsrf();
  app.use(async (c, next) =>
    c.req.path === '/login' || (c.req.path === '/logout' && !c.get('user'))
      ? next()
      : checkForm(c, next),
  );
  const api = new ApiRoutes(app);
  queueRoutes(api, ctx);
  rundownRoutes(api, ctx);
  evidenceRoutes(api, ctx);
  recordRoutes(api, ctx);
  tokenRoutes(api, ctx);
  audioApiRoutes(api, ctx);
  const openApi = openApiDocument(api.operations);
  app.get('/api/openapi.json', (c) => c.json(openApi));
  publicRoutes(app, ctx);
  publicLogRoutes(app, ctx);
  audioPublicRoutes(app, ctx);
  assetRoutes(app);
  loginRoutes(app, ctx, guard);
  homePages(app, ctx);
  adminPages(app, ctx);
  itemPages(app, ctx);
  queuePages(app, ctx);
  quotaPages(app, ctx);
  calendarPages(app, ctx);
  rundownPages(app, ctx);
  evidencePages(app, ctx);
  app.notFound((c) => refuse(c, 404, 'HTTP_NOT_FOUND', { path: c.req.path }));
  app.onError(onError);
  return { app, openApi };
}
