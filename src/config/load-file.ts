import type { z } from 'zod';
import type { Diagnostic } from './diagnostic.js';
import { readSource } from './source.js';
import { parseYamlSource, type YamlSource } from './yaml-document.js';
import { zodDiagnostics } from './zod-issues.js';

/** A configuration value read from a file, with what is needed to point into the file. */
export interface Located<T> {
  value: T;
  file: string;
  source: YamlSource;
}

/** The outcome of reading one file: the value, or the diagnostics that refused it. */
export type LoadResult<T> =
  | { ok: true; located: Located<T>; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Checks data already parsed from a file against a schema, with located diagnostics. */
export function checkAgainst<S extends z.ZodType>(
  schema: S,
  file: string,
  source: YamlSource,
): LoadResult<z.output<S>> {
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'FIELD_TYPE',
          params: {
            expected: 'mapping',
            received: Array.isArray(source.data) ? 'array' : typeof source.data,
          },
          file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const parsed = schema.safeParse(source.data);
  if (!parsed.success)
    return { ok: false, diagnostics: zodDiagnostics(file, source, parsed.error) };
  return { ok: true, located: { value: parsed.data, file, source }, warnings: [] };
}

/** Reads a YAML file and checks it against a schema. Never throws. */
export async function loadYamlFile<S extends z.ZodType>(
  schema: S,
  path: string,
  file: string,
): Promise<LoadResult<z.output<S>>> {
  const text = readSource(path, file);
  if (Array.isArray(text)) return { ok: false, diagnostics: text };
  const source = parseYamlSource(file, text.text);
  if (Array.isArray(source)) return { ok: false, diagnostics: source };
  return checkAgainst(schema, file, source);
}
