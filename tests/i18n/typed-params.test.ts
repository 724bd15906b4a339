import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, type MessageEntry } from '../../src/i18n/catalogue.js';
import { placeholderNames } from '../../src/i18n/template.js';

const I18N = join(import.meta.dirname, '..', '..', 'src', 'i18n');

/**
 * A module that asserts, code by code, that the params the compiler derives from the templates'
 * literal types (`ErrorParamsOf`) are exactly the placeholders `fill` fills at run time.
 */
function assertions(): { source: string; codeAt: string[] } {
  const codeAt: string[] = [];
  const lines = [
    "import type { ErrorParamsOf } from './catalogue.js';",
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
    'declare function same<T extends true>(): T;',
  ];
  for (const [code, e] of Object.entries(CATALOGUE) as [string, MessageEntry][]) {
    const names = new Set<string>();
    for (const t of [e.vi, e.en, e.hintVi, e.hintEn]) {
      for (const n of placeholderNames(t ?? '')) names.add(n);
    }
    const union = names.size ? [...names].map((n) => `'${n}'`).join(' | ') : 'never';
    codeAt[lines.length] = code;
    lines.push(`same<Same<keyof ErrorParamsOf<'${code}'>, ${union}>>();`);
  }
  return { source: lines.join('\n'), codeAt };
}

describe('typed message params', () => {
  it('are, for every code, the placeholders filled at run time', () => {
    const file = join(I18N, '__typed-params-check.ts');
    const { source, codeAt } = assertions();
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: ['node'],
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.getSourceFile = (name, language, ...rest) =>
      name === file
        ? ts.createSourceFile(name, source, language)
        : getSourceFile(name, language, ...rest);
    host.fileExists = (name) => name === file || fileExists(name);
    const program = ts.createProgram([file], options, host);
    const wrong = ts.getPreEmitDiagnostics(program).map((d) => {
      const line =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
      const where =
        d.file?.fileName === file ? (codeAt[line] ?? `line ${line + 1}`) : d.file?.fileName;
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
    expect(wrong).toEqual([]);
  }, 180_000);
});
