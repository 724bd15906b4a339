import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** Our own Marked instance, so that another module's global marked options never leak in. */
const marked = new Marked({ gfm: true, breaks: false });

// NOTE: bulletin pages load nothing from outside: images become their alt text, and only
// plain structure and links survive. Links navigate; they load nothing by themselves.
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'b',
    'i',
    'code',
    'pre',
    'hr',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // An article's own headings sit under the article title (h2 on the page).
    h1: 'h2',
    img: (_tag, attribs) => ({ tagName: 'span', attribs: {}, text: attribs.alt ?? '' }),
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer' },
    }),
  },
};

/** Sanitises HTML to the subset a bulletin carries; also used for ingested feed content. */
export function sanitizeBulletinHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE).replace(/]]>/g, ']]&gt;').normalize('NFC');
}

/** Renders an item's Markdown body to sanitised HTML (NFC, no external resources). */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown.normalize('NFC'), { async: false });
  return sanitizeBulletinHtml(html);
}

/** The plain text of some HTML (tags dropped, entities decoded), whitespace folded. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text).replace(/\s+/g, ' ').trim().normalize('NFC');
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (!lower.startsWith('#')) return NAMED[lower] ?? whole;
    const code = lower.startsWith('#x')
      ? Number.parseInt(lower.slice(2), 16)
      : Number.parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
