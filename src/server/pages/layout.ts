import type { AuthUser } from '../../auth/roles.js';
import { message } from '../../i18n/catalogue.js';
import { type Html, html } from './html.js';
import { menuOf, roleWord } from './menu.js';
import { STYLESHEET_PATH } from './style.js';

/** The menu of a signed-in user: only the pages their role may open; the current one marked. */
function nav(user: AuthUser | undefined, csrf: string | undefined, current: string): Html {
  if (!user) return html``;
  const links = menuOf(user.role).map((e) => {
    const here = e.path === '/' ? current === '/' : current.startsWith(e.path);
    return html`<li><a href="${e.path}"${here ? html` aria-current="page"` : ''}>${message(e.label)}</a></li>`;
  });
  return html`<nav aria-label="${message('PAGE_MENU')}"><ul>${links}</ul></nav>
<div class="session"><span class="who">${message('PAGE_SIGNED_IN', { user: user.name, role: roleWord(user.role) })}</span>
<form class="inline" method="post" action="/logout">${csrfField(csrf)}<button>${message('PAGE_LOGOUT')}</button></form></div>`;
}

/** The hidden field that carries the session's CSRF token in every form. */
export function csrfField(csrf: string | undefined): Html {
  return html`<input type="hidden" name="_csrf" value="${csrf ?? ''}">`;
}

/** What a page is: its title, its body, who looks at it, and where it lives. */
export interface PageOptions {
  user: AuthUser | undefined;
  csrf?: string | undefined;
  /** The request's path, to mark the menu entry of the page. */
  path?: string;
  /** Scripts of the page, served files under /assets (no inline script). */
  scripts?: readonly string[];
}

/**
 * A whole page: Vietnamese by default, readable without JavaScript, printable; one
 * stylesheet for all pages; a skip link, a menu with only what the role may open.
 */
export function page(title: string, body: Html, options: PageOptions): Html {
  const scripts = (options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`);
  return html`<!doctype html>
<html lang="${message('PAGE_LANG')}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · loa</title><link rel="stylesheet" href="${STYLESHEET_PATH}">${scripts}</head>
<body><a class="skip" href="#main">${message('PAGE_SKIP')}</a>
<header class="top"><a class="brand" href="/">loa</a>${nav(options.user, options.csrf, options.path ?? '')}</header>
<main id="main"><h1>${title}</h1>
${body}
</main></body></html>`;
}

/** The page of a refused or failed request: what happened, and what to do about it. */
export function errorPage(
  error: { error: string; message: string; hint?: string },
  user: AuthUser | undefined,
): Html {
  const help = error.hint ? html`<p>${error.hint}</p>` : '';
  const back = user ? html`<p><a href="/">${message('PAGE_BACK_HOME')}</a></p>` : '';
  return page(
    message('PAGE_ERROR'),
    html`<div class="problem"><p role="alert" data-code="${error.error}">${error.message}</p>${help}</div>${back}`,
    { user },
  );
}

/** A refusal shown inside a page, next to the form it concerns: message and hint. */
export function problemBox(problem: { message: string; hint?: string | undefined }): Html {
  const help = problem.hint ? html`<p>${problem.hint}</p>` : '';
  return html`<div class="problem" role="alert"><p>${problem.message}</p>${help}</div>`;
}

/** A success message shown at the top of a page. */
export function noticeBox(text: string): Html {
  return html`<div class="notice" role="status"><p>${text}</p></div>`;
}

/** A table cell that is labelled by its column on a phone (tables of class `stack`). */
export function cell(label: string, content: unknown, cls?: string): Html {
  return html`<td data-label="${label}"${cls ? html` class="${cls}"` : ''}>${content}</td>`;
}
