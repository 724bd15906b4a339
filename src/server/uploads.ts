import { extname } from 'node:path';
import { LoaError } from '../errors/loa-error.js';

/** What an evidence upload may be, by extension: its media type and its first bytes. */
export const UPLOAD_TYPES: Record<string, { type: string; magic?: number[] }> = {
  '.pdf': { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  '.png': { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  '.jpg': { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.jpeg': { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.docx': {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  '.xlsx': {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  '.txt': { type: 'text/plain' },
};

/**
 * Checks an uploaded file: a known extension whose first bytes match it (the declared media
 * type is not trusted), text files valid UTF-8. Returns a safe file name.
 */
export function checkUpload(name: string, declared: string, bytes: Uint8Array): string {
  const ext = extname(name).toLowerCase();
  const kind = UPLOAD_TYPES[ext];
  const allowed = Object.keys(UPLOAD_TYPES).join(', ');
  const refuse = () =>
    new LoaError('HTTP_UPLOAD_TYPE', {
      params: { name, type: declared || '?', allowed },
      kind: 'unsupported',
    });
  if (!kind) throw refuse();
  if (kind.magic && !kind.magic.every((b, i) => bytes[i] === b)) throw refuse();
  if (!kind.magic) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw refuse();
    }
  }
  const base = name
    .replace(/[/\\]/g, '_')
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .slice(-120);
  return base.startsWith('.') ? `_${base}` : base;
}
