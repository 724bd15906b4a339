import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { allJsonSchemas } from '../../config/json-schema.js';
import { message } from '../../i18n/catalogue.js';
import type { Output } from '../output.js';

export interface SchemaOptions {
  out: string;
}

/** `loa schema --out <dir>`: JSON Schema files for editors, generated from the zod schemas. */
export async function runSchema(options: SchemaOptions, output: Output): Promise<number> {
  await mkdir(options.out, { recursive: true });
  for (const [name, schema] of Object.entries(allJsonSchemas())) {
    const path = join(options.out, name);
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
    .option('--out <dir>', 'thư mục đích / output folder', 'schemas')
    .action(async (opts: SchemaOptions) => setExit(await runSchema(opts, output)));
}
