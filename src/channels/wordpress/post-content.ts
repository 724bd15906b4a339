import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** An image of the item as it sits on the portal after upload. */
export interface PlacedImage {
  /** The path as the item wrote it (also how the Markdown body may refer to it). */
  file: string;
  url: string;
  alt: string;
  caption?: string;
}

const markdown = new Marked({ gfm: true, breaks: false });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What survives sanitising: text structure, links, images, tables; no script, style or forms. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'figure', 'figcaption', 'del'],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
};

function isRelative(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('//') && !src.startsWith('/');
}

/**
 * Renders an item's Markdown body to the HTML of a post: Markdown → HTML, images the body
 * names by their relative path pointed at their uploaded copies (other relative images are
 * dropped, they would not resolve on the portal), then sanitised.
 */
export function renderPostContent(body: string, images: readonly PlacedImage[] = []): string {
  const byFile = new Map(images.map((image) => [image.file.replace(/^\.\//, ''), image]));
  const html = markdown.parse(body.normalize('NFC'), { async: false });
  return sanitizeHtml(html, {
    ...SANITIZE,
    transformTags: {
      img: (tagName, attribs) => {
        const src = attribs.src ?? '';
        if (!isRelative(src)) return { tagName, attribs };
        const placed = byFile.get(decodeURI(src).replace(/^\.\//, ''));
        if (!placed) return { tagName: 'span', attribs: {}, text: attribs.alt ?? '' };
        return {
          tagName,
          attribs: { ...attribs, src: placed.url, alt: attribs.alt || placed.alt },
        };
      },
    },
  }).trim();
}

/** A `<figure>` for an image that the body does not show itself. */
export function figureHtml(image: PlacedImage): string {
  const caption = image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : '';
  return `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}" />${caption}</figure>`;
}

/**
 * The post's content: the rendered body, then a figure for every image after the first
 * (the first is the featured image) that the body does not already show.
 */
export function composePostContent(body: string, images: readonly PlacedImage[]): string {
  const html = renderPostContent(body, images);
  const extra = images
    .slice(1)
    .filter((image) => !html.includes(`src="${image.url}"`))
    .map(figureHtml);
  return [html, ...extra].filter(Boolean).join('\n');
}

/**
 * A plain text (a title, an alt text, a caption, a term name) as WordPress must receive it:
 * NFC, with `& < >` escaped. WordPress prints a post's title, an attachment's caption
 * and title as HTML without escaping them (an account with `unfiltered_html` may post any
 * markup), so a title `<script>…` sent as is would run on the public page; escaped, it is
 * shown as the characters it is.
 */
export function wpText(text: string): string {
  // NOTE: quotes stay: WordPress escapes every attribute it prints (esc_attr), and a title
  // `"thân thiện"` must read back as written; `& < >` are what make markup in text.
  return text.normalize('NFC').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The excerpt: the item's summary as plain text, if it has one. */
export function postExcerpt(summary: string | undefined): string {
  return summary === undefined ? '' : sanitizeHtml(summary.normalize('NFC'), { allowedTags: [] });
}
