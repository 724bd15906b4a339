import type { Hono } from 'hono';
import type { ServerEnv } from '../context.js';
import { STYLESHEET, STYLESHEET_PATH } from './style.js';

/** The pages' static files: the stylesheet (scripts join it here), cached for an hour. */
export function assetRoutes(app: Hono<ServerEnv>): void {
  app.get(STYLESHEET_PATH, (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    c.header('cache-control', 'public, max-age=3600');
    return c.body(STYLESHEET);
  });
}
