import { describe, expect, it } from 'vitest';
import { speakable } from '../../src/audio/speakable/normalise.js';
import { numberWords } from '../../src/audio/speakable/number-words.js';
import { SPEAKABLE_TABLE } from './speakable-table.js';

describe('speakable: the table of real sentences', () => {
  it('has at least 100 sentences', () => {
    expect(SPEAKABLE_TABLE.length).toBeGreaterThanOrEqual(100);
  });
  it.each(SPEAKABLE_TABLE)('%s', (input, expected) => {
    expect(speakable(input)).toBe(expected);
  });
});

describe('speakable: numbers, dates and options', () => {
  it('reads the issue example date in words', () => {
    expect(speakable('15/3/2024')).toBe(
      'Ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi tư.',
    );
  });

  it.each([
    [0, 'không'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [101, 'một trăm linh một'],
    [110, 'một trăm mười'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1_000_500, 'một triệu năm trăm'],
    [2_500_000_000, 'hai tỷ năm trăm triệu'],
  ])('numberWords(%d) = %s', (n, words) => {
    expect(numberWords(n)).toBe(words);
  });

  it('leaves no digit, no abbreviation in capitals and no Markdown mark in any reading', () => {
    for (const [input] of SPEAKABLE_TABLE) {
      const out = speakable(input);
      expect(out, input).not.toMatch(/\d/);
      expect(out, input).not.toMatch(/[*#[\]()|]/);
      expect(out, input).not.toMatch(/(?<![\p{L}])[A-ZĐ]{2,}(?![\p{L}])/u);
      expect(out.normalize('NFC'), input).toBe(out);
    }
  });

  it('takes extra abbreviations from the channel, overriding the built-in ones', () => {
    const abbreviations = { HTX: 'hợp tác xã nông nghiệp', ĐTTX: 'Đài truyền thanh xã' };
    expect(speakable('ĐTTX phối hợp với HTX.', { abbreviations })).toBe(
      'Đài truyền thanh xã phối hợp với hợp tác xã nông nghiệp.',
    );
  });

  it('reads links and images as the item says', () => {
    const md = 'Xem [hướng dẫn](https://dichvucong.gov.vn/huong-dan). ![Bộ phận một cửa](a.jpg)';
    expect(speakable(md)).toBe('Xem hướng dẫn.');
    expect(speakable(md, { links: 'speak', images: 'alt' })).toBe(
      'Xem hướng dẫn, dichvucong chấm gov chấm vn. Bộ phận một cửa.',
    );
    expect(speakable('Tại https://dichvucong.gov.vn nhé.', { links: 'drop' })).toBe('Tại nhé.');
  });

  it('accepts decomposed (NFD) Vietnamese and answers in NFC', () => {
    expect(speakable('Ủy ban nhân dân xã'.normalize('NFD'))).toBe('Ủy ban nhân dân xã.');
  });
});
