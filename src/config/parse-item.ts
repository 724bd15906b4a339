import { type ContentItem, ItemFrontMatter } from '../model/item.js';
import { slugify } from '../text/vietnamese.js';
import { checkAgainst, type LoadResult } from './load-file.js';
import type { SourceText } from './source.js';
import { parseYamlSource } from './yaml-document.js';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/** The item id from its path under content/: each segment slugified, `.md` dropped. */
export function itemIdFromPath(relativePath: string): string {
  return relativePath
    .replace(/\.md$/i, '')
    .split(/[\\/]+/)
    .map((segment) => slugify(segment))
    .filter(Boolean)
    .join('/');
}

/** Parses a content item's text (front matter + Markdown). Never throws. */
export function parseItem(source: SourceText, relativePath: string): LoadResult<ContentItem> {
  const match = FRONT_MATTER.exec(source.text);
  if (!match) {
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'FRONT_MATTER_MISSING',
          params: {},
          file: source.file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const yaml = parseYamlSource(source.file, match[1] ?? '', 1);
  if (Array.isArray(yaml)) return { ok: false, diagnostics: yaml };
  const checked = checkAgainst(ItemFrontMatter, source.file, yaml);
  if (!checked.ok) return checked;
  const body = source.text.slice(match[0].length).replace(/^\n+/, '');
  const item: ContentItem = { ...checked.located.value, id: itemIdFromPath(relativePath), body };
  return { ok: true, located: { value: item, file: source.file, source: yaml }, warnings: [] };
}
