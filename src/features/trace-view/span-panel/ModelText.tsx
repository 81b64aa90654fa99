import { LazyMarkdownText } from '../../../components/LazyMarkdownText';
import { useMarkdownPreference } from '../../../lib/markdownPreference';
import { LongText } from './LongText';

/** Longer model texts stay plain: parsing megabytes of Markdown would hold the page. */
const MARKDOWN_MAX_CHARS = 50_000;

/**
 * Text a model wrote (a reply, an agent's output): Markdown when the reader has it on (the
 * panel's toggle), else plain text.
 */
export function ModelText({ text }: { text: string }) {
  const isMarkdown = useMarkdownPreference();
  if (!isMarkdown || text === '' || text.length > MARKDOWN_MAX_CHARS)
    return <LongText text={text} />;
  return (
    <div className="model-text">
      <LazyMarkdownText text={text} />
    </div>
  );
}
