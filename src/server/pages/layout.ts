import type { AuthUser } from '../../auth/users.js';
import { message } from '../../i18n/catalogue.js';
import { escapeHtml } from '../../text/html.js';

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b}
header{background:#0b3d91;color:#fff;padding:.5rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header a{color:#fff}main{padding:1rem;max-width:70rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
.met{color:#1a7f37}.missed{color:#c62828}.at-risk{color:#b26a00}.open{color:#0b3d91}
.not-yet-due,.counted{color:#666}form.inline{display:inline}
.notice{border-left:4px solid #1a7f37;background:#eef7f0;padding:.5rem 1rem}
.problem{border-left:4px solid #c62828;background:#fdecea;padding:.5rem 1rem}
.problem p,.notice p{margin:.2rem 0}code.hash{word-break:break-all}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.facts dt{font-weight:bold}dl.facts dd{margin:0}
@media print{header,form{display:none}}`;

/** The navigation, shown to a signed-in user. */
function nav(user: AuthUser | undefined, csrf: string | undefined): string {
  if (!user) return '';
  const links: [string, string][] = [
    ['/queue', message('PAGE_QUEUE')],
    ['/calendar', message('PAGE_CALENDAR')],
    ['/quotas', message('PAGE_QUOTAS')],
    ['/rundown', message('PAGE_RUNDOWN')],
    ['/evidence', message('PAGE_EVIDENCE')],
  ];
  return `<nav>${links.map(([href, label]) => `<a href="${href}">${escapeHtml(label)}</a>`).join(' · ')}</nav>
<span>${escapeHtml(message('PAGE_SIGNED_IN', { user: user.name, role: user.role }))}</span>
<form class="inline" method="post" action="/logout">${csrfField(csrf)}<button>${escapeHtml(message('PAGE_LOGOUT'))}</button></form>`;
}

/** The hidden field that carries the session's CSRF token in every form. */
export function csrfField(csrf: string | undefined): string {
  return `<input type="hidden" name="_csrf" value="${escapeHtml(csrf ?? '')}">`;
}

/**
 * A whole page: Vietnamese by default, readable without JavaScript, printable; `style` is
 * the page's own CSS, after the common one.
 */
export function page(
  title: string,
  body: string,
  user: AuthUser | undefined,
  csrf?: string,
  style = '',
): string {
  return `<!doctype html>
<html lang="${message('PAGE_LANG')}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · loa</title><style>${STYLE}${style}</style></head>
<body><header><strong>loa</strong>${nav(user, csrf)}</header>
<main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

/** The page of a refused or failed request. */
export function errorPage(
  error: { error: string; message: string; hint?: string },
  user: AuthUser | undefined,
): string {
  const help = error.hint ? `<p>${escapeHtml(error.hint)}</p>` : '';
  return page(
    message('PAGE_ERROR'),
    `<p role="alert" data-code="${escapeHtml(error.error)}">${escapeHtml(error.message)}</p>${help}`,
    user,
  );
}

/** A refusal shown inside a page, next to the form it concerns: message and hint. */
export function problemBox(problem: { message: string; hint?: string | undefined }): string {
  const help = problem.hint ? `<p>${escapeHtml(problem.hint)}</p>` : '';
  return `<div class="problem" role="alert"><p>${escapeHtml(problem.message)}</p>${help}</div>`;
}

/** A success message shown at the top of a page. */
export function noticeBox(text: string): string {
  return `<div class="notice" role="status"><p>${escapeHtml(text)}</p></div>`;
}
