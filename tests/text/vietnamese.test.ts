import { describe, expect, it } from 'vitest';
import { detectLegacyEncoding, nfc, slugify } from '../../src/text/vietnamese.js';

describe('slugify', () => {
  it('drops diacritics and folds đ to d', () => {
    expect(slugify('Cải cách hành chính')).toBe('cai-cach-hanh-chinh');
    expect(slugify('Đường')).toBe('duong');
    expect(slugify('ĐẨY MẠNH Chuyển đổi số!')).toBe('day-manh-chuyen-doi-so');
  });

  it('gives the same slug for NFD and NFC input', () => {
    const composed = 'Thủ tục hành chính';
    expect(slugify(composed.normalize('NFD'))).toBe(slugify(composed));
  });

  it('folds punctuation runs to single hyphens and trims them', () => {
    expect(slugify('  Số 12/2024 — Bản tin!  ')).toBe('so-12-2024-ban-tin');
    expect(slugify('---')).toBe('');
  });

  it('cuts long slugs without a trailing hyphen', () => {
    const slug = slugify('Cải cách '.repeat(40), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('nfc', () => {
  it('composes decomposed Vietnamese', () => {
    const nfd = 'Cải cách'.normalize('NFD');
    expect(nfd).not.toBe('Cải cách');
    expect(nfc(nfd)).toBe('Cải cách');
  });
});

describe('detectLegacyEncoding', () => {
  it('finds TCVN3 (ABC) text', () => {
    expect(detectLegacyEncoding('C¶i c¸ch hµnh chÝnh nhµ n­íc')).toMatchObject({
      encoding: 'TCVN3',
      sample: 'C¶i',
    });
  });

  it('finds VNI text', () => {
    expect(detectLegacyEncoding('Caûi caùch haønh chính')).toMatchObject({
      encoding: 'VNI',
      sample: 'Caûi',
    });
  });

  it('leaves real Vietnamese, quotes and symbols alone', () => {
    expect(
      detectLegacyEncoding('Cải cách hành chính «nhà nước» — Hoà, Thuý, Khoẻ, giữ gìn'),
    ).toBeUndefined();
    expect(detectLegacyEncoding('Café © 2024 ® và «trích dẫn» ¿qué?')).toBeUndefined();
    expect(detectLegacyEncoding('Nghị định 30/2020/NĐ-CP; nhiệt độ 25°C; ½ giờ')).toBeUndefined();
  });

  it('needs more than one odd word', () => {
    expect(detectLegacyEncoding('Một từ lạ C¶i thôi')).toBeUndefined();
  });
});
