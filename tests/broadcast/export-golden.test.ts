import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportRundown, RUNDOWN_FORMATS, rundownJson } from '../../src/broadcast/exports.js';
import { fixedRundown } from './sample.js';

const golden = (name: string) =>
  fileURLToPath(new URL(`../fixtures/broadcast/${name}`, import.meta.url));

/**
 * Compares an export with its golden file byte for byte. `LOA_UPDATE_GOLDEN=1` rewrites the
 * golden files instead: review the diff before committing them.
 */
async function matchesGolden(name: string, text: string): Promise<void> {
  if (process.env.LOA_UPDATE_GOLDEN === '1') await writeFile(golden(name), text, 'utf8');
  const expected = await readFile(golden(name));
  expect(Buffer.from(text, 'utf8').equals(expected), `${name} differs from its golden file`).toBe(
    true,
  );
}

describe('rundown exports against golden files', () => {
  for (const format of ['csv', 'txt', 'html'] as const) {
    it(`${format} matches tests/fixtures/broadcast/rundown.${format}`, async () => {
      await matchesGolden(`rundown.${format}`, String(exportRundown(format, fixedRundown())));
    });
  }
});

describe('rundown exports', () => {
  it('csv starts with a BOM, uses CRLF and quotes fields as RFC 4180 says', () => {
    const csv = String(exportRundown('csv', fixedRundown()));
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'STT,Phân đoạn,Mã tin,Tiêu đề,Người dẫn,Thời lượng,Số giây,Cộng dồn,Tính lùi,Thả nổi,Lời dẫn / ghi chú,Tư liệu',
    );
    expect(lines[1]).toContain('"Bộ phận một cửa liên thông ""hiện đại"", phục vụ người dân"');
    // a note with a line break stays one quoted field
    expect(csv).toContain('"Dẫn: Sáng nay, tại Trung tâm Phục vụ hành chính công tỉnh…\nChạy');
  });

  it('html is a self-contained A4 page', () => {
    const html = String(exportRundown('html', fixedRundown()));
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<(link|script|img)\b|\bsrc=|url\(/);
    expect(html).toContain('&quot;hiện đại&quot;');
  });

  it('json carries the stored rundown and its computed timing', () => {
    const parsed = JSON.parse(rundownJson(fixedRundown()));
    expect(parsed.rundown).toEqual(fixedRundown());
    expect(parsed.timing.plannedSec).toBe(960);
    expect(parsed.timing.items[1]).toMatchObject({ slug: 'dich-vu-cong-truc-tuyen', cumeSec: 300 });
    expect(parsed.timing.items[1].cumeAt).toBe('2024-03-08T20:05:00.000+07:00');
  });

  it('exports every format', () => {
    for (const format of RUNDOWN_FORMATS) {
      expect(exportRundown(format, fixedRundown()).length).toBeGreaterThan(100);
    }
  });
});
