import { describe, expect, it } from 'vitest';
import {
  httpError,
  noAnswerError,
  parseWpError,
} from '../../../src/channels/wordpress/rest-errors.js';

const site = { channel: 'cong-tinh', method: 'POST', path: '/wp/v2/posts' };

describe('WordPress error answers', () => {
  it('maps each status to the failure kind the dispatcher retries by', () => {
    const kind = (status: number, code = 'x') => httpError(site, status, { code, message: 'm' });
    expect(kind(401)).toMatchObject({ code: 'WP_AUTH', failure: 'auth' });
    expect(kind(403, 'rest_cannot_create')).toMatchObject({
      code: 'WP_FORBIDDEN',
      failure: 'auth',
    });
    expect(kind(404, 'rest_post_invalid_id')).toMatchObject({
      code: 'WP_REJECTED',
      failure: 'permanent',
    });
    expect(kind(400, 'rest_invalid_param')).toMatchObject({ failure: 'permanent' });
    expect(kind(429)).toMatchObject({ code: 'WP_SERVER', failure: 'transient' });
    expect(kind(500)).toMatchObject({ code: 'WP_SERVER', failure: 'transient' });
    expect(kind(502).params).toMatchObject({ status: 502, wpCode: 'x', method: 'POST' });
  });

  it('keeps WordPress code and message, and reads nothing from a page that is not JSON', () => {
    const body = parseWpError(
      '{"code":"rest_cannot_create","message":"Sorry","data":{"status":403}}',
    );
    const error = httpError(site, 403, body);
    expect(error.params).toMatchObject({ wpCode: 'rest_cannot_create', wpMessage: 'Sorry' });
    expect(parseWpError('<html>502 Bad Gateway</html>')).toBeUndefined();
    expect(httpError(site, 502, undefined).params.wpCode).toBe('none');
  });

  it('tells a write that may have been applied from one that never left', () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    const reset = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(noAnswerError(site, refused, false, 20).failure).toBe('transient');
    expect(noAnswerError(site, reset, false, 20).failure).toBe('unknown');
    expect(noAnswerError({ ...site, method: 'GET' }, reset, false, 20).failure).toBe('transient');
    const timeout = noAnswerError(site, new DOMException('timed out', 'TimeoutError'), true, 20);
    expect(timeout).toMatchObject({ code: 'WP_TIMEOUT', failure: 'unknown' });
    expect(timeout.params.seconds).toBe(20);
  });
});
