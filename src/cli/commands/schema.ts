import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { allJsonSchemas } from '../../config/json-schema.js';
import { message } from '../../i18n/catalogue.js';
import { dataDirFrom } from '../../store/open-store.js';
import type { Output } from '../output.js';

export interface SchemaOptions {
  /** Default: `schemas/` in the data folder. */
  out?: string;
}

/** `loa schema --out <dir>`: JSON Schema files for editors, generated from the zod schemas. */
export async function runSchema(options: SchemaOptions, output: Output): Promise<number> {
  const out = options.out ?? join(dataDirFrom(), 'schemas');
  await mkdir(out, { recursive: true });
  for (const [name, schema] of Object.entries(allJsonSchemas())) {
    const path = join(out, name);
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(schema, null, 2)}\n`);
    await rename(temp, path);
    output.out(message('SCHEMA_WRITTEN', { path }));
  }
  return 0;
}

export function registerSchema(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
): void {
  program
    .command('schema')
    .description('Ghi lược đồ JSON cho trình soạn thảo / write JSON Schema files for editors')
    .option(
      '--out <dir>',
      'thư mục đích (mặc định: schemas/ trong thư mục dữ liệu) / output folder',
    )
    .action(async (opts: SchemaOptions) => setExit(await runSchema(opts, output)));
}
