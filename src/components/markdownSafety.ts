import { queryPattern } from '../lib/highlightMatches';

// The few shapes of a hast tree (HTML syntax tree) the highlighter touches.
interface Text {
  type: 'text';
  value: string;
}
interface Element {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: HastNode[];
}
interface OtherNode {
  type: 'comment' | 'doctype' | 'raw';
}
type HastNode = Text | Element | OtherNode;
interface Root {
  type: 'root';
  children: HastNode[];
}

/*
 * What makes rendering span text as Markdown safe: raw HTML is never parsed (MarkdownText adds
 * no rehype-raw, so react-markdown shows it as text), URLs other than http, https and mailto are dropped, images are never loaded (they
 * become a text description) and links show where they go.
 */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL when it is an absolute http, https or mailto URL; null otherwise (javascript:, data:,
 * relative paths, which would point into this app). For react-markdown's `urlTransform`.
 */
export function safeMarkdownUrl(url: string): string | null {
  // The URL parser drops tabs and newlines and trims spaces: check what a browser would follow.
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(parsed.protocol) ? url.trim() : null;
}

/** The text an image becomes: "[image: alt — https://host/x.png]", never an <img>. */
export function imageDescription(alt: string | undefined, src: string | undefined): string {
  const name = alt?.trim() || 'no description';
  return src ? `[image: ${name} — ${src}]` : `[image: ${name}]`;
}

/**
 * A rehype plugin that wraps the query's matches in text nodes in <mark> (class `className`),
 * at most `maxMarks` in the document.
 */
export function rehypeHighlight(options: { query: string; className: string; maxMarks: number }) {
  return (tree: Root) => {
    const pattern = queryPattern(options.query);
    if (!pattern) return;
    let marks = 0;
    const stack: (Root | Element)[] = [tree];
    while (stack.length > 0 && marks < options.maxMarks) {
      const parent = stack.pop()!;
      const children: HastNode[] = [];
      for (const child of parent.children) {
        if (child.type === 'element') stack.push(child);
        if (child.type !== 'text' || marks >= options.maxMarks) {
          children.push(child);
          continue;
        }
        const pieces = splitText(child, pattern, options, () => marks++ < options.maxMarks);
        children.push(...pieces);
      }
      parent.children = children;
    }
  };
}

function splitText(
  node: Text,
  pattern: RegExp,
  options: { className: string },
  takeMark: () => boolean,
): (Text | Element)[] {
  const text = node.value;
  const out: (Text | Element)[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!takeMark()) break;
    if (match.index > last) out.push({ type: 'text', value: text.slice(last, match.index) });
    out.push({
      type: 'element',
      tagName: 'mark',
      properties: { className: [options.className] },
      children: [{ type: 'text', value: match[0] }],
    });
    last = match.index + match[0].length;
  }
  if (out.length === 0) return [node];
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}
