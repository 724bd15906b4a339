import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { formatDiagnostic } from '../config/diagnostic.js';
import { decodeSource, firstInvalidUtf8Offset } from '../config/source.js';
import { LoaError } from '../errors/loa-error.js';
import type { ApiOperation } from './api-spec.js';
import { nfcDeep } from './api-spec.js';
import { requires } from './auth.js';
import type { ServerEnv } from './context.js';

/** What a handler receives: validated, NFC-normalised path, query and body. */
export interface ApiInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a request body as the operation declares it. Text must be valid UTF-8 (Markdown is
 * decoded as loa reads every file: BOM dropped, LF, NFC, legacy TCVN3/VNI refused, each
 * refusal with its line and column), JSON must parse; either failure is a 400 saying why.
 */
async function readBody(c: Context, type: string): Promise<unknown> {
  if (type === 'application/json') {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    let text: string;
    try {
      text = UTF8.decode(bytes);
    } catch {
      throw new LoaError('HTTP_BODY_NOT_UTF8', {
        params: { offset: firstInvalidUtf8Offset(bytes) },
      });
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new LoaError('HTTP_BODY_BAD_JSON', { params: { reason: (error as Error).message } });
    }
  }
  if (type === 'text/markdown') {
    const decoded = decodeSource('item.md', new Uint8Array(await c.req.arrayBuffer()));
    if (Array.isArray(decoded)) {
      const detail = decoded.map((d) => formatDiagnostic(d)).join('; ');
      throw new LoaError('HTTP_INVALID_REQUEST', { params: { detail } });
    }
    return decoded.text;
  }
  return c.req.parseBody({ all: true });
}

/**
 * Registers API operations on an app and keeps their descriptions for the OpenAPI document:
 * each operation is one permission check, one validation by its zod schemas, one handler.
 */
export class ApiRoutes {
  readonly operations: ApiOperation[] = [];

  constructor(private readonly app: Hono<ServerEnv>) {}

  add<Op extends ApiOperation>(
    op: Op,
    handler: (
      c: Context<ServerEnv>,
      input: ApiInput<
        Infer<Op['params']>,
        Infer<Op['query']>,
        Infer<NonNullable<Op['body']>['schema']>
      >,
    ) => Promise<Response> | Response,
  ): this {
    this.operations.push(op);
    const guards = op.permission ? [requires(op.permission)] : [];
    this.app.on([op.method.toUpperCase()], [op.path], ...guards, async (c) => {
      const params = op.params ? op.params.parse(nfcDeep(c.req.param())) : undefined;
      const query = op.query ? op.query.parse(nfcDeep(c.req.query())) : undefined;
      const body = op.body
        ? op.body.schema.parse(nfcDeep(await readBody(c, op.body.type)))
        : undefined;
      return handler(c, { params, query, body } as never);
    });
    return this;
  }
}
