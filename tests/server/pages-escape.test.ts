import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { html, trusted } from '../../src/server/pages/html.js';

const server = fileURLToPath(new URL('../../src/server', import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Where markup made by loa's own renderers is passed through `trusted`, and why. */
const TRUSTED = new Map([
  ['pages/item-form.ts', 'the preview of a post, as the WordPress renderer escapes and makes it'],
]);

describe('pages escape by default', () => {
  it('escapes every interpolated value, and keeps markup built with html as it is', () => {
    const title = '<script>alert("x")</script> & \'Một cửa\'';
    const out = String(html`<h1 title="${title}">${title}</h1>${html`<b>${'<i>'}</b>`}`);
    expect(out).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Một cửa&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Một cửa&#39;</h1><b>&lt;i&gt;</b>',
    );
    expect(String(html`${trusted('<svg></svg>')}`)).toBe('<svg></svg>');
  });

  it('builds every page through the html layer: no hand escaping, raw markup only where listed', async () => {
    const found: string[] = [];
    for (const path of await sources(server)) {
      const rel = relative(server, path).split(sep).join('/');
      if (rel === 'pages/html.ts') continue;
      const text = await readFile(path, 'utf8');
      if (/escapeHtml|from 'hono\/html'|\braw\(/.test(text)) found.push(`${rel}: escapes by hand`);
      if (/\btrusted\(/.test(text) && !TRUSTED.has(rel)) found.push(`${rel}: trusted markup`);
    }
    expect(found).toEqual([]);
  });
});
