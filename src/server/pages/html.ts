import { html as honoHtml, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** A piece of page markup whose every interpolated value was escaped (or marked raw). */
export type Html = HtmlEscapedString;

/**
 * Hono's `html` tagged template, kept synchronous: every string or number interpolated is
 * escaped for text and quoted attributes; arrays are joined; `undefined`, `null` and
 * booleans print nothing; a value that is already `Html` is kept as it is. Pages build
 * only with this, so that a value reaches the browser unescaped only through `trusted`.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new TypeError('a page template was given a promise');
  return out;
}

/**
 * Markup made by loa's own renderers (the A4 rundown, an SVG chart built from numbers),
 * passed through as it is. Never for text that came from a user, a file or a request.
 */
export function trusted(markup: string): Html {
  return raw(markup);
}

/** Several pieces as one, with nothing between them. */
export function join(parts: readonly Html[], separator = ''): Html {
  return raw(parts.join(separator));
}
