import type { Context, Hono } from 'hono';
import type { z } from 'zod';
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

async function readBody(c: Context, type: string): Promise<unknown> {
  if (type === 'application/json') return c.req.json();
  if (type === 'text/markdown') return c.req.text();
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
