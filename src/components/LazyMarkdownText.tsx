import { lazy, Suspense } from 'react';
import type { MarkdownTextProps } from './MarkdownText';
import styles from './MarkdownText.module.css';

// react-markdown and its parser load with the first Markdown shown, not with the page.
const MarkdownText = lazy(() => import('./MarkdownText'));

/** MarkdownText, loaded on first use; the text itself stands in meanwhile. */
export function LazyMarkdownText(props: MarkdownTextProps) {
  return (
    <Suspense fallback={<pre className={styles.fallback}>{props.text}</pre>}>
      <MarkdownText {...props} />
    </Suspense>
  );
}
