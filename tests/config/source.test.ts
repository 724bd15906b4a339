import { describe, expect, it } from 'vitest';
import { decodeSource, MAX_FILE_BYTES } from '../../src/config/source.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeSource', () => {
  it('drops a BOM, folds CRLF and CR to LF and composes NFD', () => {
    const text = `\uFEFFtitle: ${'Cải cách'.normalize('NFD')}\r\nb: 1\rc: 2\r\n`;
    const decoded = decodeSource('a.yaml', bytes(text));
    expect(decoded).toEqual({ file: 'a.yaml', text: 'title: Cải cách\nb: 1\nc: 2\n' });
  });

  it('refuses an empty or blank file', () => {
    expect(decodeSource('a.yaml', bytes(''))).toMatchObject([{ code: 'FILE_EMPTY', line: 1 }]);
    expect(decodeSource('a.yaml', bytes('\uFEFF \n\n'))).toMatchObject([{ code: 'FILE_EMPTY' }]);
  });

  it('refuses a file over 1 MiB', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    expect(decodeSource('big.md', big)).toMatchObject([
      { code: 'FILE_TOO_LARGE', params: { size: MAX_FILE_BYTES + 1 } },
    ]);
  });

  it('names where a file stops being UTF-8', () => {
    const broken = new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0x63]);
    expect(decodeSource('x.yaml', broken)).toMatchObject([
      { code: 'FILE_NOT_UTF8', params: { offset: 3 }, line: 2, column: 2 },
    ]);
  });

  it('recognises TCVN3 bytes saved by a legacy editor', () => {
    const tcvn3 = Buffer.from('title: C\xb6i c\xb8ch h\xb5nh ch\xddnh\n', 'latin1');
    expect(decodeSource('t.yaml', tcvn3)).toMatchObject([
      { code: 'TEXT_LEGACY_ENCODING', params: { encoding: 'TCVN3' }, line: 1, column: 8 },
    ]);
  });

  it('recognises VNI text pasted as Unicode', () => {
    const vni = bytes('a: 1\ntitle: Caûi caùch haønh chính\n');
    expect(decodeSource('v.yaml', vni)).toMatchObject([
      { code: 'TEXT_LEGACY_ENCODING', params: { encoding: 'VNI' }, line: 2, column: 8 },
    ]);
  });
});
