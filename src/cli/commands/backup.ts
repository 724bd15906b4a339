import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { LoaError } from '../../errors/loa-error.js';
import { EVIDENCE_FILES_DIR } from '../../evidence/manual.js';
import { SIGNING_KEY_FILE } from '../../evidence/signing-key.js';
import { message } from '../../i18n/catalogue.js';
import { type BackupFile, backupSqlite, restoreSqlite } from '../../store/backup.js';
import { dataDirFrom, storeOptionsFrom } from '../../store/open-store.js';
import type { Output } from '../output.js';
import { type ProgressStream, progressBar } from '../progress.js';

/** What a backup carries besides the database: the signing key and the evidence files. */
async function carriedFiles(dataDir: string): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  const key = join(dataDir, SIGNING_KEY_FILE);
  if (existsSync(key)) {
    files.push({ path: SIGNING_KEY_FILE, bytes: await readFile(key), mode: 0o600 });
  }
  const evidence = join(dataDir, EVIDENCE_FILES_DIR);
  if (existsSync(evidence)) {
    for (const name of await readdir(evidence)) {
      const path = join(evidence, name);
      if (!(await stat(path)).isFile()) continue;
      files.push({
        path: `${EVIDENCE_FILES_DIR}/${name}`,
        bytes: await readFile(path),
        mode: 0o644,
      });
    }
  }
  return files;
}

function refusePostgres(env: NodeJS.ProcessEnv): void {
  if (storeOptionsFrom(env).databaseUrl) throw new LoaError('BACKUP_POSTGRES');
}

/** `loa backup --out <file>`: the SQLite store, the signing key and evidence files, online. */
export async function runBackup(
  options: { out: string },
  output: Output,
  env: NodeJS.ProcessEnv = process.env,
  tty: ProgressStream | undefined = process.stderr,
): Promise<number> {
  refusePostgres(env);
  const dataDir = dataDirFrom(env);
  const out = resolve(options.out);
  await mkdir(dirname(out), { recursive: true });
  const files = await carriedFiles(dataDir);
  const bar = progressBar(message('PROGRESS_BACKUP'), tty);
  await backupSqlite(join(dataDir, 'loa.db'), out, files, bar.update).finally(bar.end);
  await chmod(out, 0o600);
  output.out(message('BACKUP_WRITTEN', { path: options.out, files: files.length }));
  return 0;
}

/** `loa restore <file>`: into an empty data directory; refuses one that holds a store. */
export async function runRestore(
  file: string,
  output: Output,
  env: NodeJS.ProcessEnv = process.env,
  tty: ProgressStream | undefined = process.stderr,
): Promise<number> {
  refusePostgres(env);
  const dataDir = dataDirFrom(env);
  if (!existsSync(file)) throw new LoaError('RESTORE_NOT_A_BACKUP', { params: { path: file } });
  await mkdir(dataDir, { recursive: true });
  const bar = progressBar(message('PROGRESS_RESTORE'), tty);
  const files = await restoreSqlite(resolve(file), join(dataDir, 'loa.db'), bar.update).finally(
    bar.end,
  );
  for (const f of files) {
    const target = resolve(dataDir, f.path);
    if (!target.startsWith(`${resolve(dataDir)}${sep}`)) continue;
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, f.bytes, { mode: f.mode });
    await rename(temp, target);
  }
  output.out(message('RESTORE_DONE', { path: file, dir: dataDir, files: files.length }));
  return 0;
}

export function registerBackup(program: Command, output: Output, setExit: (code: number) => void) {
  program
    .command('backup')
    .description('Sao lưu dữ liệu (SQLite) khi đang chạy / back up the data (SQLite), online')
    .requiredOption('--out <file>', 'tệp sao lưu / backup file')
    .action(async (opts: { out: string }) => setExit(await runBackup(opts, output)));
  program
    .command('restore')
    .description(
      'Khôi phục bản sao lưu vào thư mục dữ liệu trống / restore into an empty data folder',
    )
    .argument('<file>', 'tệp sao lưu / backup file')
    .action(async (file: string) => setExit(await runRestore(file, output)));
}
