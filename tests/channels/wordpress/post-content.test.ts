import { describe, expect, it } from 'vitest';
import {
  composePostContent,
  postExcerpt,
  renderPostContent,
} from '../../../src/channels/wordpress/post-content.js';

describe('post content from Markdown', () => {
  it('renders Markdown and removes what a portal must not run', () => {
    const html = renderPostContent(
      '# Tiêu đề\n\nVăn bản **đậm** và [liên kết](https://dichvucong.gov.vn).\n\n<script>alert(1)</script>\n\n[xấu](javascript:alert(1)) <img src="x" onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(html).toContain('<h1>Tiêu đề</h1>');
    expect(html).toContain('<strong>đậm</strong>');
    expect(html).toContain('<a href="https://dichvucong.gov.vn">liên kết</a>');
    expect(html).not.toMatch(/script|onerror|javascript:|iframe/);
  });

  it('points the images the body names at their uploaded copies, and drops unknown ones', () => {
    const images = [
      { file: 'Ảnh 1.jpg', url: 'https://portal.test/uploads/anh-1.jpg', alt: 'Quầy một cửa' },
      {
        file: 'hai.png',
        url: 'https://portal.test/uploads/hai.jpg',
        alt: 'Hai',
        caption: 'Chú thích & "trích"',
      },
      { file: 'ba.png', url: 'https://portal.test/uploads/ba.jpg', alt: 'Ba' },
    ];
    const html = composePostContent('![](hai.png)\n\n![mất](khong-co.png)', images);
    expect(html).toContain('<img src="https://portal.test/uploads/hai.jpg" alt="Hai" />');
    expect(html).not.toContain('khong-co.png');
    expect(html).toContain('mất');
    // The first image is the featured one; the third, not shown by the body, becomes a figure.
    expect(html).not.toContain('anh-1.jpg');
    expect(html).toContain(
      '<figure><img src="https://portal.test/uploads/ba.jpg" alt="Ba" /></figure>',
    );
    expect(html.match(/hai\.jpg/g)).toHaveLength(1);
  });

  it('normalises text to NFC and makes the summary plain text', () => {
    const decomposed = 'Cải cách'.normalize('NFD');
    expect(renderPostContent(decomposed)).toBe('<p>Cải cách</p>');
    expect(postExcerpt('Tóm tắt <b>ngắn</b>')).toBe('Tóm tắt ngắn');
    expect(postExcerpt(undefined)).toBe('');
  });
});
