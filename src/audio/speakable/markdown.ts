import { marked, type Token, type Tokens } from 'marked';

/** What to do with links and images when a story is read aloud. */
export interface MarkdownSpeechOptions {
  /**
   * `text`: a link's text (a bare address is its own text, read as "… chấm gov chấm vn");
   * `drop`: links and bare addresses left out; `speak`: the text and then the site's address.
   */
  links: 'text' | 'drop' | 'speak';
  /** `drop`: leave images out; `alt`: read their alt text as a sentence. */
  images: 'drop' | 'alt';
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

const decode = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? e);

/**
 * A web or e-mail address as a listener can note it: the site only, "https://dichvucong.gov.vn/p/"
 * → "dichvucong chấm gov chấm vn"; "motcua@xa.gov.vn" → "motcua a còng xa chấm gov chấm vn".
 */
export function speakableAddress(href: string): string {
  const bare = href
    .replace(/^mailto:/i, '')
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/.*$/, '');
  return bare
    .replace(/\./g, ' chấm ')
    .replace(/\//g, ' gạch chéo ')
    .replace(/@/g, ' a còng ')
    .replace(/[-_]/g, ' ');
}

function inline(tokens: readonly Token[] | undefined, options: MarkdownSpeechOptions): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'link': {
          const link = token as Tokens.Link;
          if (link.text === link.href || link.text === link.href.replace(/^mailto:/, '')) {
            return options.links === 'drop' ? '' : speakableAddress(link.href);
          }
          const text = inline(link.tokens, options);
          return options.links === 'speak' ? `${text} (${speakableAddress(link.href)})` : text;
        }
        case 'image': {
          const alt = (token as Tokens.Image).text.trim();
          return options.images === 'alt' && alt ? ` ${alt}. ` : '';
        }
        case 'html':
        case 'codespan':
          return '';
        case 'br':
          return ', ';
        default: {
          const withTokens = token as { tokens?: Token[]; text?: string };
          if (withTokens.tokens && withTokens.tokens.length > 0)
            return inline(withTokens.tokens, options);
          return decode(withTokens.text ?? '');
        }
      }
    })
    .join('');
}

/** A block ends in a full stop so that the voice pauses there. */
const sentence = (text: string) => {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return '';
  return /[.!?…:]$/.test(t) ? t : `${t}.`;
};

function blocks(tokens: readonly Token[], options: MarkdownSpeechOptions): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
      case 'paragraph':
      case 'text':
        out.push(sentence(inline((token as Tokens.Paragraph).tokens, options)));
        break;
      case 'blockquote':
        out.push(...blocks((token as Tokens.Blockquote).tokens, options));
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) out.push(...blocks(item.tokens, options));
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          out.push(sentence(row.map((cell) => inline(cell.tokens, options)).join(', ')));
        }
        break;
      }
      default:
        // NOTE: code blocks, raw HTML, rules and spaces have nothing a listener should hear.
        break;
    }
  }
  return out.filter((s) => s !== '');
}

/**
 * The words of a Markdown text, one sentence per block: headings, paragraphs, list items and
 * table rows end with a full stop; emphasis marks, code and HTML are dropped; links and images
 * as the options say.
 */
export function markdownToSpeech(markdown: string, options: MarkdownSpeechOptions): string {
  return blocks(marked.lexer(markdown), options).join(' ');
}
