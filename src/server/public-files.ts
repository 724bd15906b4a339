import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import { bulletinDir } from '../channels/bulletin/files.js';
import { hasCapability } from '../model/channel-kinds.js';
import type { ServerContext, ServerEnv } from './context.js';
import { refuse } from './refusal.js';

const TYPES: Record<string, string> = {
  '.xml': 'application/rss+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/** Names of the channel-wide feeds a bulletin channel publishes. */
export const FEED_FILES = ['feed.xml', 'atom.xml', 'feed.json'] as const;

interface Cached {
  mtimeMs: number;
  size: number;
  bytes: Buffer;
  etag: string;
  lastModified: string;
}

/**
 * Serves the files the bulletin adapter writes, with a strong ETag (SHA-256 of the bytes),
 * Last-Modified, and 304 on If-None-Match or If-Modified-Since. Bytes are kept in memory
 * until the file's mtime or size changes.
 */
export class PublicFiles {
  private readonly cache = new Map<string, Cached>();

  async serve(c: Context<ServerEnv>, root: string, parts: readonly string[]): Promise<Response> {
    if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) {
      return refuse(c, 404, 'HTTP_NOT_FOUND', { path: c.req.path });
    }
    const base = resolve(root);
    const path = resolve(base, ...parts);
    if (!path.startsWith(base + sep)) return refuse(c, 404, 'HTTP_NOT_FOUND', { path: c.req.path });
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return refuse(c, 404, 'HTTP_NOT_FOUND', { path: c.req.path });
    let file = this.cache.get(path);
    if (!file || file.mtimeMs !== info.mtimeMs || file.size !== info.size) {
      const bytes = await readFile(path);
      file = {
        mtimeMs: info.mtimeMs,
        size: info.size,
        bytes,
        etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
        lastModified: new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString(),
      };
      this.cache.set(path, file);
    }
    const name = parts[parts.length - 1] ?? '';
    const type =
      name === 'atom.xml'
        ? 'application/atom+xml; charset=utf-8'
        : (TYPES[extname(name)] ?? 'application/octet-stream');
    const headers = {
      etag: file.etag,
      'last-modified': file.lastModified,
      'cache-control': 'public, max-age=60',
    };
    const match = c.req.header('if-none-match');
    const since = c.req.header('if-modified-since');
    const notModified =
      match !== undefined
        ? match
            .split(',')
            .some((t) => t.trim().replace(/^W\//, '') === file.etag || t.trim() === '*')
        : since !== undefined && Date.parse(since) >= Date.parse(file.lastModified);
    if (notModified) return c.body(null, 304, headers);
    return c.body(new Uint8Array(file.bytes), 200, { ...headers, 'content-type': type });
  }
}

/**
 * `/feeds/<channel>/<feed.xml|atom.xml|feed.json>` and `/bulletins/<channel>/<path>`: the
 * public files of bulletin channels, readable without a token.
 */
export function publicRoutes(app: Hono<ServerEnv>, ctx: ServerContext): void {
  const files = new PublicFiles();
  const known = (channel: string) =>
    hasCapability(ctx.session.config.channels.get(channel), 'issues');
  app.get('/feeds/:channel/:file', (c) => {
    const { channel, file } = c.req.param();
    if (!known(channel) || !(FEED_FILES as readonly string[]).includes(file)) {
      return refuse(c, 404, 'HTTP_NOT_FOUND', { path: c.req.path });
    }
    return files.serve(c, bulletinDir(ctx.session.dataDir, channel), [file]);
  });
  app.get('/bulletins/:channel/*', (c) => {
    const channel = c.req.param('channel');
    if (!known(channel)) return refuse(c, 404, 'HTTP_NOT_FOUND', { path: c.req.path });
    const rest = c.req.path.slice(`/bulletins/${channel}/`.length);
    const parts = rest === '' ? ['index.html'] : decodeURIComponent(rest).split('/');
    if (parts[parts.length - 1] === '') parts[parts.length - 1] = 'index.html';
    return files.serve(c, join(bulletinDir(ctx.session.dataDir, channel)), parts);
  });
}
