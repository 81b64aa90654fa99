import { useMemo, type ComponentProps } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { MAX_MARKS } from '../lib/highlightMatches';
import { useHighlightQuery } from './HighlightedText';
import markStyles from './HighlightedText.module.css';
import { imageDescription, rehypeHighlight, safeMarkdownUrl } from './markdownSafety';
import styles from './MarkdownText.module.css';

export interface MarkdownTextProps {
  text: string;
}

function Link({ href, children }: ComponentProps<'a'>) {
  // No href: the URL was dropped (javascript:, data:, relative): the text stays, inert.
  if (!href) return <span className={styles.deadLink}>{children}</span>;
  const text = typeof children === 'string' ? children : null;
  return (
    <>
      <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
        {children}
      </a>
      {text !== href && <span className={styles.linkTarget}> ({href})</span>}
    </>
  );
}

function Image({ alt, src }: ComponentProps<'img'>) {
  return (
    <span className={styles.image}>
      {imageDescription(alt, typeof src === 'string' ? src : undefined)}
    </span>
  );
}

const COMPONENTS: Components = { a: Link, img: Image };

/**
 * Model text rendered as Markdown (GitHub flavour: tables, task lists, strikethrough). Raw HTML
 * stays text, only http, https and mailto URLs are kept, images are never loaded (a text
 * description stands in) and links show their target and open in a new tab on click. Matches of
 * the search query are marked.
 */
function MarkdownText({ text }: MarkdownTextProps) {
  const query = useHighlightQuery();
  const rehypePlugins = useMemo(
    (): Options['rehypePlugins'] => [
      [rehypeHighlight, { query, className: markStyles.mark!, maxMarks: MAX_MARKS }],
    ],
    [query],
  );
  return (
    <div className={styles.markdown}>
      <Markdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={rehypePlugins}
        // Raw HTML is never parsed (no rehype-raw): react-markdown turns it into text, so a reply
        // quoting `<div>` keeps it visible, and inert (skipHtml would silently drop it).
        urlTransform={safeMarkdownUrl}
        components={COMPONENTS}
      >
        {text}
      </Markdown>
    </div>
  );
}

export default MarkdownText;
