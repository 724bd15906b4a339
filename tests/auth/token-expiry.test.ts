import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expiryFrom, formatTokenInstant } from '../../src/auth/token-expiry.js';
import { LoaError } from '../../src/errors/loa-error.js';

/** 10:00 in Hà Nội on 6 March 2024. */
const NOW = DateTime.fromISO('2024-03-06T03:00:00.000Z', { zone: 'utc' });

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof LoaError ? error.code : 'NOT_A_LOA_ERROR';
  }
  return undefined;
}

describe('token expiry from --expires', () => {
  it('is 90 days from now by default, and a number of days from now when given', () => {
    expect(expiryFrom(undefined, NOW)).toBe('2024-06-04T03:00:00.000Z');
    expect(expiryFrom('7', NOW)).toBe('2024-03-13T03:00:00.000Z');
  });

  it('keeps a token valid through the whole day a date names, in Vietnam', () => {
    // Midnight after 30 June in Hà Nội is 17:00 UTC on 30 June.
    expect(expiryFrom('2024-06-30', NOW)).toBe('2024-06-30T17:00:00.000Z');
    expect(formatTokenInstant('2024-06-30T17:00:00.000Z')).toBe('01/07/2024 00:00');
    expect(expiryFrom('2024-03-06', NOW)).toBe('2024-03-06T17:00:00.000Z');
  });

  it('never expires only when asked in so many words', () => {
    expect(expiryFrom('never', NOW)).toBeNull();
  });

  it('refuses what it cannot read, and a day already past, with the value and what to type', () => {
    for (const bad of ['abc', '0', '3651', '2024-02-30', '30/06/2024', '-5', '']) {
      expect(codeOf(() => expiryFrom(bad, NOW))).toBe('TOKEN_EXPIRES_INVALID');
    }
    const error = (() => {
      try {
        expiryFrom('2024-03-05', NOW);
      } catch (e) {
        return e as LoaError;
      }
    })();
    expect(error?.code).toBe('TOKEN_EXPIRES_PAST');
    expect(error?.localized()).toBe('Ngày hết hạn 2024-03-05 đã qua (hôm nay là 2024-03-06)');
    const invalid = (() => {
      try {
        expiryFrom('ba tháng', NOW);
      } catch (e) {
        return e as LoaError;
      }
    })();
    expect(invalid?.localized()).toContain('--expires "ba tháng"');
    expect(invalid?.hint()).toContain('never');
  });
});
