import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import type { LoaError } from '../../src/errors/loa-error.js';
import { readZip } from '../../src/evidence/bundle-open.js';

/** A zip as `loa evidence export` writes one (yazl), each file deflated unless said stored. */
async function zipOf(files: Record<string, { text: string; stored?: boolean }>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, f] of Object.entries(files)) {
    zip.addBuffer(Buffer.from(f.text, 'utf8'), name, { compress: !f.stored });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const refusal = async (bytes: Buffer) =>
  (await readZip(bytes, 'xa-an-binh.zip').catch((e: LoaError) => e)) as LoaError;

describe('readZip (loa import reading a bundle)', () => {
  const entries = `${Array.from({ length: 2000 }, (_, i) => `{"index":${i},"title":"Phát thanh Cải cách hành chính ${i}"}`).join('\n')}\n`;

  it('gives back every file byte for byte, deflated or stored', async () => {
    const files = await readZip(
      await zipOf({
        'entries.jsonl': { text: entries },
        'key.txt': { text: 'xã+abc\n', stored: true },
      }),
      'xa-an-binh.zip',
    );
    expect([...files.keys()]).toEqual(['entries.jsonl', 'key.txt']);
    expect(files.get('entries.jsonl')?.toString('utf8')).toBe(entries);
    expect(files.get('key.txt')?.toString('utf8')).toBe('xã+abc\n');
  });

  it('refuses a zip that declares fewer bytes than a file inflates to, naming the file', async () => {
    const bytes = await zipOf({ 'entries.jsonl': { text: entries } });
    // The central directory's uncompressed size (offset 24 of its header) says 100 bytes.
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(100, central + 24);
    const error = await refusal(bytes);
    expect(error.code).toBe('IMPORT_BUNDLE_UNREADABLE');
    expect(error.message).toContain('xa-an-binh.zip');
    expect(error.message).toContain('entries.jsonl');
  });

  it('refuses a zip whose deflated bytes were damaged, and one cut short', async () => {
    const bytes = await zipOf({ 'entries.jsonl': { text: entries } });
    const damaged = Buffer.from(bytes);
    damaged.fill(0xff, 40, 80);
    expect((await refusal(damaged)).code).toBe('IMPORT_BUNDLE_UNREADABLE');
    expect((await refusal(bytes.subarray(0, bytes.length - 30))).code).toBe(
      'IMPORT_BUNDLE_UNREADABLE',
    );
  });

  it('names the first problem in the zip’s order, though its files are inflated side by side', async () => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(entries, 'utf8'), 'entries.jsonl');
    zip.addBuffer(Buffer.from('xã+abc\n', 'utf8'), 'key.txt', { compress: false });
    zip.addBuffer(Buffer.from('xã+def\n', 'utf8'), 'key.txt', { compress: false });
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const twice = Buffer.concat(chunks);
    expect((await refusal(twice)).message).toContain('key.txt twice');
    // entries.jsonl's deflated bytes damaged (its data starts after a 30-byte header and its name).
    const damaged = Buffer.from(twice);
    damaged.fill(0xff, 30 + 'entries.jsonl'.length + 10, 30 + 'entries.jsonl'.length + 50);
    const error = await refusal(damaged);
    expect(error.code).toBe('IMPORT_BUNDLE_UNREADABLE');
    expect(error.message).toContain('entries.jsonl');
    expect(error.message).not.toContain('twice');
  });
});
