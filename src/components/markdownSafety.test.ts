import { describe, expect, it } from 'vitest';
import { imageDescription, rehypeHighlight, safeMarkdownUrl } from './markdownSafety';

describe('safeMarkdownUrl', () => {
  it('keeps absolute http, https and mailto URLs', () => {
    expect(safeMarkdownUrl('https://docs.agno.com/a?b=1#c')).toBe('https://docs.agno.com/a?b=1#c');
    expect(safeMarkdownUrl('http://localhost:7777/x')).toBe('http://localhost:7777/x');
    expect(safeMarkdownUrl('mailto:ops@example.com')).toBe('mailto:ops@example.com');
  });

  it('drops script, data and other schemes, however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '  javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ]) {
      expect(safeMarkdownUrl(url), url).toBeNull();
    }
  });

  it('drops relative URLs, which would point into the viewer', () => {
    expect(safeMarkdownUrl('/traces')).toBeNull();
    expect(safeMarkdownUrl('#top')).toBeNull();
    expect(safeMarkdownUrl('page.html')).toBeNull();
  });
});

describe('imageDescription', () => {
  it('names the image and where it is, as text', () => {
    expect(imageDescription('chart', 'https://host/x.png')).toBe(
      '[image: chart — https://host/x.png]',
    );
    expect(imageDescription('', undefined)).toBe('[image: no description]');
  });
});

describe('rehypeHighlight', () => {
  const tree = () => ({
    type: 'root' as const,
    children: [
      {
        type: 'element' as const,
        tagName: 'p',
        properties: {},
        children: [{ type: 'text' as const, value: 'Paris and paris' }],
      },
    ],
  });

  it('wraps matches in text nodes in <mark>', () => {
    const root = tree();
    rehypeHighlight({ query: 'PARIS', className: 'm', maxMarks: 200 })(root);
    expect(root.children[0]!.children).toEqual([
      {
        type: 'element',
        tagName: 'mark',
        properties: { className: ['m'] },
        children: [{ type: 'text', value: 'Paris' }],
      },
      { type: 'text', value: ' and ' },
      {
        type: 'element',
        tagName: 'mark',
        properties: { className: ['m'] },
        children: [{ type: 'text', value: 'paris' }],
      },
    ]);
  });

  it('stops at the cap and leaves the tree alone without a query', () => {
    const capped = tree();
    rehypeHighlight({ query: 'paris', className: 'm', maxMarks: 1 })(capped);
    expect(capped.children[0]!.children.map((c) => c.type)).toEqual(['element', 'text']);
    const untouched = tree();
    rehypeHighlight({ query: ' ', className: 'm', maxMarks: 200 })(untouched);
    expect(untouched).toEqual(tree());
  });
});
