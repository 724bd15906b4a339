import type { Hono } from 'hono';
import { CALENDAR_SCRIPT } from '../assets/calendar-script.js';
import { EDITOR_SCRIPT } from '../assets/editor-script.js';
import { RUNDOWN_SCRIPT } from '../assets/rundown-script.js';
import type { ServerEnv } from '../context.js';
import { CALENDAR_SCRIPT_PATH } from './calendar.js';
import { EDITOR_SCRIPT_PATH } from './item-form.js';
import { RUNDOWN_SCRIPT_PATH } from './rundown-table.js';
import { STYLESHEET, STYLESHEET_PATH } from './style.js';

/** The pages' static files: the stylesheet and the scripts of the item form and the calendar, cached for an hour. */
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
  app.get(RUNDOWN_SCRIPT_PATH, (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=3600');
    return c.body(RUNDOWN_SCRIPT);
  });
  app.get(CALENDAR_SCRIPT_PATH, (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=3600');
    return c.body(CALENDAR_SCRIPT);
  });
}
