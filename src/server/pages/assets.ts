import type { Hono } from 'hono';
import { EDITOR_SCRIPT } from '../assets/editor-script.js';
import type { ServerEnv } from '../context.js';
import { EDITOR_SCRIPT_PATH } from './item-form.js';
import { STYLESHEET, STYLESHEET_PATH } from './style.js';

/** The pages' static files: the stylesheet and the item form's script, cached for an hour. */
export function assetRoutes(app: Hono<ServerEnv>): void {
  app.get(STYLESHEET_PATH, (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    c.header('cache-control', 'public, max-age=3600');
    return c.body(STYLESHEET);
  });
  app.get(EDITOR_SCRIPT_PATH, (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=3600');
    return c.body(EDITOR_SCRIPT);
  });
}
