import { hint, type MessageCode, type MessageParams, message } from '../i18n/catalogue.js';

/** One finding about one file: an error (the file is refused) or a warning. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  code: MessageCode;
  params: MessageParams;
  file: string;
  line?: number;
  column?: number;
  /** The field path inside the file, e.g. `tasks[2].rule.per`. */
  field?: string;
}

/** `tasks[2].rule.per` from a zod/YAML path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** One diagnostic as the CLI prints it: `file:line:col  field  message` and a hint line. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const label = message(d.severity === 'error' ? 'LABEL_ERROR' : 'LABEL_WARNING');
  const head = [where, label, d.field ? `${d.field}:` : '', message(d.code, d.params)]
    .filter(Boolean)
    .join('  ');
  const help = hint(d.code, d.params);
  return help ? `${head}\n    → ${help}` : head;
}

/** Diagnostics in file, line, column order, so a report reads top to bottom. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
