import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceFile } from './log.js';
import { EVIDENCE_FILES_DIR } from './manual.js';
import { startOf } from './page-hasher.js';

/** A file an entry refers to, found missing or changed in the data directory. */
export interface AttachmentProblem {
  code: 'file-missing' | 'file-changed';
  index: number;
  /** `<name> (<sha256>)`, as the entry records it. */
  expected: string;
  /** What is there: the SHA-256 of the stored file, or `-` when there is none. */
  found: string;
}

/** How an entry's list of attached files begins in its bytes. */
export const FILES_KEY = ',"files":[';
const FILES = FILES_KEY;

/**
 * The files the entries of a page refer to (`text` is the page's bytes as latin1, packed as
 * PackedPage says, `ends` the entries' end offsets, `firstIdx` the stored index of its first entry). Only entries holding
 * a `"files"` key are parsed; the page is searched once.
 */
export function attachmentsOf(
  text: string,
  ends: Uint32Array,
  indexOf: (i: number) => number,
): { index: number; file: EvidenceFile }[] {
  const found: { index: number; file: EvidenceFile }[] = [];
  let row = 0;
  for (let at = text.indexOf(FILES); at >= 0; ) {
    while (row < ends.length && ends[row]! <= at) row += 1;
    if (row >= ends.length) break;
    const start = startOf(ends, row);
    const end = ends[row]!;
    try {
      const bytes = Buffer.from(text.slice(start, end), 'latin1').toString('utf8');
      const files = (JSON.parse(bytes) as { files?: unknown }).files;
      if (Array.isArray(files)) {
        for (const file of files as EvidenceFile[]) found.push({ index: indexOf(row), file });
      }
    } catch {
      // Bytes that are not JSON are named by the leaf-hash and index checks.
    }
    at = text.indexOf(FILES, end);
  }
  return found;
}

async function sha256Of(path: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

/**
 * Re-hashes every stored file `<dataDir>/evidence-files/<sha256>` the entries refer to and
 * names each one that is missing or whose content no longer has that hash (each stored file
 * is read once, however many entries refer to it).
 */
export async function checkAttachments(
  dataDir: string,
  attachments: readonly { index: number; file: EvidenceFile }[],
): Promise<AttachmentProblem[]> {
  const hashes = new Map<string, Promise<string | undefined>>();
  const problems: AttachmentProblem[] = [];
  for (const { index, file } of attachments) {
    const sha = String(file.sha256);
    const expected = `${String(file.name)} (${sha})`;
    if (!/^[0-9a-f]{64}$/.test(sha)) {
      problems.push({ code: 'file-missing', index, expected, found: '-' });
      continue;
    }
    let found = hashes.get(sha);
    if (!found) {
      found = sha256Of(join(dataDir, EVIDENCE_FILES_DIR, sha));
      hashes.set(sha, found);
    }
    const actual = await found;
    if (actual === undefined) problems.push({ code: 'file-missing', index, expected, found: '-' });
    else if (actual !== sha)
      problems.push({ code: 'file-changed', index, expected, found: actual });
  }
  return problems;
}
