import { z } from 'zod';
import type { Permission } from '../auth/roles.js';

/** One API operation as the OpenAPI document describes it; the zod schemas also validate. */
export interface ApiOperation {
  method: 'get' | 'post' | 'delete';
  /** Hono path (`/api/items/:id`). */
  path: string;
  summary: string;
  /** Omitted for public operations. */
  permission?: Permission;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** JSON body, or multipart form for uploads. */
  body?: { schema: z.ZodType; type: 'application/json' | 'multipart/form-data' | 'text/markdown' };
  /** Content types of the 200 answer (default application/json). */
  produces?: string[];
}

function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

function parameters(op: ApiOperation): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape)) {
      out.push({
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        schema: z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }),
      });
    }
  }
  return out;
}

/**
 * The OpenAPI 3.1 document of the API, generated from the same zod schemas that validate
 * the requests (z.toJSONSchema, as `loa schema` does for the configuration files).
 */
export function openApiDocument(operations: readonly ApiOperation[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = toOpenApiPath(op.path);
    paths[path] ??= {};
    const produces = op.produces ?? ['application/json'];
    paths[path][op.method] = {
      summary: op.summary,
      ...(op.permission ? { 'x-loa-permission': op.permission, security: [{ bearer: [] }] } : {}),
      parameters: parameters(op),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                [op.body.type]: {
                  schema: z.toJSONSchema(op.body.schema, { io: 'input', unrepresentable: 'any' }),
                },
              },
            },
          }
        : {}),
      responses: {
        '200': {
          description: 'OK',
          content: Object.fromEntries(produces.map((t) => [t, {}])),
        },
        ...(op.permission
          ? {
              '401': { description: 'No token, or an unknown, expired or revoked one' },
              '403': { description: `The role lacks ${op.permission}` },
              '429': {
                description: 'Too many failed tokens from this address; see Retry-After',
              },
            }
          : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'loa', version: '1', description: 'Lịch đăng tin CCHC và minh chứng' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}

/** NFC-normalises every string in a parsed value (text inputs are always stored NFC). */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(nfcDeep) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, nfcDeep(v)]),
    ) as T;
  }
  return value;
}
