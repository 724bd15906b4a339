import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import {
  controlName,
  detectLegacyEncoding,
  firstControlCharacter,
  nfc,
} from '../text/vietnamese.js';
import type { Diagnostic } from './diagnostic.js';
import { lineColumn } from './yaml-document.js';

/** Configuration and content files larger than this are refused. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A file's text, ready to parse: BOM dropped, CRLF folded to LF, NFC. */
export interface SourceText {
  file: string;
  text: string;
}

/** File-level findings point at the start of the file, so editors can jump there. */
const FILE_START = { line: 1, column: 1 } as const;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The byte offset of the first sequence that is not valid UTF-8 in bytes that fail to decode. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  // Binary search for the shortest prefix that fails to decode.
  let lo = 0;
  let hi = bytes.length;
  const streaming = new TextDecoder('utf-8', { fatal: true });
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      streaming.decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/**
 * Decodes a file's bytes as loa reads every text file: strict UTF-8, BOM dropped, CRLF and
 * CR as LF, NFC. Legacy TCVN3/VNI text and C0 control characters other than tab and line
 * feed (a NUL, an escape…) are refused. Returns the text or the diagnostics.
 */
export function decodeSource(file: string, bytes: Uint8Array): SourceText | Diagnostic[] {
  if (bytes.length > MAX_FILE_BYTES) {
    return [
      {
        severity: 'error',
        code: 'FILE_TOO_LARGE',
        params: { size: bytes.length, max: MAX_FILE_BYTES },
        file,
        ...FILE_START,
      },
    ];
  }
  let raw: string;
  try {
    raw = UTF8.decode(bytes);
  } catch {
    const latin1 = Buffer.from(bytes).toString('latin1');
    const legacy = detectLegacyEncoding(latin1);
    if (legacy) {
      return [
        {
          severity: 'error',
          code: 'TEXT_LEGACY_ENCODING',
          params: { encoding: legacy.encoding, sample: legacy.sample },
          file,
          ...lineColumn(latin1, legacy.offset),
        },
      ];
    }
    const offset = firstInvalidUtf8Offset(bytes);
    return [
      {
        severity: 'error',
        code: 'FILE_NOT_UTF8',
        params: { offset },
        file,
        ...lineColumn(Buffer.from(bytes.subarray(0, offset)).toString('latin1'), offset),
      },
    ];
  }
  const text = nfc(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (text.trim() === '') {
    return [{ severity: 'error', code: 'FILE_EMPTY', params: {}, file, ...FILE_START }];
  }
  const legacy = detectLegacyEncoding(text);
  if (legacy) {
    return [
      {
        severity: 'error',
        code: 'TEXT_LEGACY_ENCODING',
        params: { encoding: legacy.encoding, sample: legacy.sample },
        file,
        ...lineColumn(text, legacy.offset),
      },
    ];
  }
  const control = firstControlCharacter(text);
  if (control !== undefined) {
    return [
      {
        severity: 'error',
        code: 'TEXT_CONTROL_CHARACTER',
        params: { char: controlName(text.charCodeAt(control)) },
        file,
        ...lineColumn(text, control),
      },
    ];
  }
  return { file, text };
}

/**
 * Reads and decodes one file, never throwing: unreadable files become diagnostics.
 * NOTE: synchronous on purpose: for thousands of small files the thread-pool round trips of
 * fs/promises cost more than the reads themselves (measured in tests/bench/validate.bench.ts).
 */
export function readSource(path: string, file = path): SourceText | Diagnostic[] {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    // fstat on the open file: no second path lookup, and a huge file is never read.
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) {
      return [
        {
          severity: 'error',
          code: 'FILE_TOO_LARGE',
          params: { size, max: MAX_FILE_BYTES },
          file,
          ...FILE_START,
        },
      ];
    }
    return decodeSource(file, readFileSync(fd));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      { severity: 'error', code: 'FILE_UNREADABLE', params: { reason }, file, ...FILE_START },
    ];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
