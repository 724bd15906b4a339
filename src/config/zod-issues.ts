import type { z } from 'zod';
import type { MessageCode, MessageParams } from '../i18n/catalogue.js';
import { CATALOGUE } from '../i18n/catalogue.js';
import { type Diagnostic, fieldPath } from './diagnostic.js';
import type { YamlSource } from './yaml-document.js';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function list(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function isCatalogueCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(CATALOGUE, code);
}

/** Maps one zod issue to catalogue code and params. */
function classify(issue: z.core.$ZodIssue, data: unknown): [MessageCode, MessageParams] {
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(data, issue.path);
      const expected = String(issue.expected);
      return value === undefined
        ? ['FIELD_REQUIRED', { expected }]
        : ['FIELD_TYPE', { expected, received: describeType(value) }];
    }
    case 'invalid_value':
      return ['FIELD_ENUM', { values: list(issue.values) }];
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) {
        return ['FIELD_ENUM', { values: list(issue.options) }];
      }
      return ['FIELD_INVALID', {}];
    case 'too_small':
      return ['FIELD_TOO_SMALL', { minimum: String(issue.minimum) }];
    case 'too_big':
      return ['FIELD_TOO_BIG', { maximum: String(issue.maximum) }];
    case 'invalid_format':
      return ['FIELD_FORMAT', { format: issue.format }];
    case 'custom': {
      const code = issue.params?.code;
      if (isCatalogueCode(code)) {
        return [code, { value: String(valueAt(data, issue.path) ?? ''), ...issue.params }];
      }
      return ['FIELD_INVALID', {}];
    }
    default:
      return ['FIELD_INVALID', {}];
  }
}

/** Turns a failed zod parse into located diagnostics, one per issue (and per unknown key). */
export function zodDiagnostics(
  file: string,
  source: YamlSource,
  error: z.ZodError,
  basePath: readonly PropertyKey[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues) {
    const path = [...basePath, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          severity: 'error',
          // NOTE: a secret typed into a config file gets its own message: it must move to env.
          code: /password|secret|token/i.test(key) ? 'CHANNEL_SECRET_INLINE' : 'FIELD_UNKNOWN',
          params: { keys: key },
          file,
          field: fieldPath([...path, key]),
          ...source.locate([...path, key], 'key'),
        });
      }
      continue;
    }
    const [code, params] = classify(issue, source.data);
    out.push({
      severity: 'error',
      code,
      params,
      file,
      field: fieldPath(path),
      ...source.locate(path),
    });
  }
  return out;
}
