/**
 * One redactor for every text that comes from a remote service (a WordPress error message, a
 * proxy's echo of the request, a feed parser's complaint, a network error) before loa
 * stores, logs or shows it: Authorization values, API tokens and session secrets, WordPress
 * Application Passwords, credentials in URLs, private keys, and every secret value the
 * running process registered (`addSecret`).
 */

// NOTE: a mark the same in every language, so that a redacted text needs no catalogue entry.
const MARK = '[***]';

const known = new Set<string>();

/**
 * Registers a secret value (a password, a header value) so that `redact` removes it, also in
 * the forms a remote service echoes it: JSON with escaped slashes, percent-encoded, base64.
 */
export function addSecret(value: string | undefined): void {
  const secret = value?.trim();
  if (!secret || secret.length < 6) return;
  for (const form of [
    secret,
    secret.replaceAll('/', '\\/'),
    encodeURIComponent(secret),
    secret.replace(/\s+/g, ''),
  ]) {
    if (form.length >= 6) known.add(form);
  }
}

const PATTERNS: [RegExp, string][] = [
  // A private key in PEM (the evidence signing key).
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, MARK],
  // Header lines and JSON or form fields that carry credentials.
  [
    /\b(authorization|proxy-authorization|x-api-key|api[_-]?key|cookie|set-cookie|password|passwd|app[_-]?password|token|secret)(\\?["']?\s*[:=]\s*\\?["']?)(?:(?:basic|bearer|digest|token)\s+)?[^\s"'\\,;&}]+/gi,
    `$1$2${MARK}`,
  ],
  // An Authorization value on its own.
  [/\b(Basic|Bearer|Digest)\s+[A-Za-z0-9+/=._~\\-]{8,}/g, `$1 ${MARK}`],
  // loa API tokens and browser session secrets.
  [/\bloas?_[A-Za-z0-9_-]{16,}/g, MARK],
  // A WordPress Application Password as WordPress shows it: six groups of four.
  [/\b[A-Za-z0-9]{4}(?: [A-Za-z0-9]{4}){5}\b/g, MARK],
  // user:password@ in a URL.
  [/(\/\/)[^\s/@:]+:[^\s/@]*@/g, `$1${MARK}@`],
];

/** The text with every secret removed (see the module comment); NFC kept as it came. */
export function redact(text: string): string {
  let out = text;
  // Longest first, so that a value is not half-replaced through a shorter one inside it.
  for (const secret of [...known].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(MARK);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
