import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import BetterSqlite3 from 'better-sqlite3';
import { LoaError } from '../errors/loa-error.js';

/** A file of the data directory carried inside a backup (the signing key, evidence files). */
export interface BackupFile {
  /** Path relative to the data directory, with `/`. */
  path: string;
  bytes: Buffer;
  /** Unix file mode (0o600 for the signing key). */
  mode: number;
}

const FILES_TABLE = 'loa_backup_files';

/** SQLite's online backup copies in steps; each step reports pages copied of all. */
function stepsOf(onProgress?: (done: number, total: number) => void) {
  if (!onProgress) return undefined;
  return {
    progress: ({ totalPages, remainingPages }: { totalPages: number; remainingPages: number }) => {
      onProgress(totalPages - remainingPages, totalPages);
      return 1000;
    },
  };
}

/**
 * Backs up a SQLite store with SQLite's online backup (consistent while `loa run` writes),
 * into one SQLite file at `out`, with the data directory's `files` in a table of their own.
 * Written beside `out` and renamed, so a failed backup leaves nothing.
 */
export async function backupSqlite(
  databaseFile: string,
  out: string,
  files: readonly BackupFile[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ pages: number }> {
  if (!existsSync(databaseFile)) {
    throw new LoaError('BACKUP_NO_STORE', { params: { path: databaseFile } });
  }
  const temp = `${out}.${process.pid}.tmp`;
  const source = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const progress = await source.backup(temp, stepsOf(onProgress));
    onProgress?.(progress.totalPages, progress.totalPages);
    const copy = new BetterSqlite3(temp);
    try {
      copy.pragma('journal_mode = DELETE');
      copy.exec(`CREATE TABLE ${FILES_TABLE} (path TEXT PRIMARY KEY, mode INTEGER, bytes BLOB)`);
      const insert = copy.prepare(
        `INSERT INTO ${FILES_TABLE} (path, mode, bytes) VALUES (?, ?, ?)`,
      );
      copy.transaction(() => {
        for (const f of files) insert.run(f.path, f.mode, f.bytes);
      })();
    } finally {
      copy.close();
    }
    await rename(temp, out);
    return { pages: progress.totalPages };
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    source.close();
  }
}

/**
 * Restores a backup into `databaseFile` (which must not exist): the database is copied with
 * the online backup, checked to be loa's, and its carried files are handed back; the files
 * table is dropped from the restored copy. Nothing is left behind when it fails.
 */
export async function restoreSqlite(
  backupFile: string,
  databaseFile: string,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupFile[]> {
  if (existsSync(databaseFile)) {
    throw new LoaError('RESTORE_TARGET_EXISTS', {
      params: { path: databaseFile },
      kind: 'conflict',
    });
  }
  let source: BetterSqlite3.Database;
  try {
    source = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true });
    const tables = source
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)`)
      .all('loa_migrations', FILES_TABLE);
    if (tables.length !== 2) throw new Error('not a loa backup');
  } catch (cause) {
    throw new LoaError('RESTORE_NOT_A_BACKUP', { params: { path: backupFile }, cause });
  }
  const temp = `${databaseFile}.${process.pid}.tmp`;
  try {
    const copied = await source.backup(temp, stepsOf(onProgress));
    onProgress?.(copied.totalPages, copied.totalPages);
    const copy = new BetterSqlite3(temp);
    let files: BackupFile[];
    try {
      files = (
        copy.prepare(`SELECT path, mode, bytes FROM ${FILES_TABLE}`).all() as BackupFile[]
      ).map((f) => ({ path: f.path, mode: Number(f.mode), bytes: Buffer.from(f.bytes) }));
      copy.exec(`DROP TABLE ${FILES_TABLE}`);
      copy.exec('VACUUM');
    } finally {
      copy.close();
    }
    await rename(temp, databaseFile);
    return files;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    source.close();
  }
}
