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

/** A single byte range of a `Range` header, resolved against the file's size. */
export type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/**
 * The one byte range a `Range` header asks for (`bytes=0-99`, `bytes=100-`, `bytes=-500`),
 * inclusive at both ends and clipped to the file. `undefined` when the header is absent, names
 * another unit or asks for several ranges (the whole file is then sent, as RFC 9110 allows);
 * `unsatisfiable` when it starts past the end, ends before it starts, or is malformed bytes.
 */
export function byteRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return undefined;
  const spec = /^\s*bytes\s*=\s*(.*)$/i.exec(header)?.[1];
  if (spec === undefined || spec.includes(',')) return undefined;
  const m = /^(\d*)-(\d*)$/.exec(spec.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'unsatisfiable';
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || (m[2] !== '' && Number(m[2]) < start)) return 'unsatisfiable';
  return { start, end };
}

/**
 * Serves the files the bulletin adapter and the audio build write, with a strong ETag (SHA-256
 * of the bytes), Last-Modified, and 304 on If-None-Match or If-Modified-Since. A `Range`
 * request gets 206 Partial Content (so podcast apps and browsers can seek in an MP3), or 416
 * with the file's size when the range lies outside it; `If-Range` with another validator gets
 * the whole file. Bytes are kept in memory until the file's mtime or size changes.
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
      'accept-ranges': 'bytes',
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
    const ifRange = c.req.header('if-range');
    const current =
      ifRange === undefined || ifRange.trim() === file.etag || ifRange.trim() === file.lastModified;
    const range = current ? byteRange(c.req.header('range'), file.size) : undefined;
    if (range === 'unsatisfiable') {
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      c.header('content-range', `bytes */${file.size}`);
      return refuse(c, 416, 'HTTP_RANGE_NOT_SATISFIABLE', {
        range: c.req.header('range') ?? '',
        size: file.size,
      });
    }
    if (range) {
      return c.body(new Uint8Array(file.bytes.subarray(range.start, range.end + 1)), 206, {
        ...headers,
        'content-type': type,
        'content-range': `bytes ${range.start}-${range.end}/${file.size}`,
      });
    }
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
