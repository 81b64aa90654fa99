import { useMemo, useState } from 'react';
import { HighlightedText } from '../../../components/HighlightedText';
import { formatByteSize, safeCutIndex, splitIntoChunks, utf8ByteLength } from './textSize';

/** Texts longer than this open collapsed. */
const COLLAPSE_ABOVE_CHARS = 20_000;
const PREVIEW_CHARS = 2_000;

export interface LongTextProps {
  text: string;
}

/**
 * Span text of any size, always as text (never markup). Short text shows at once; text over
 * 20,000 characters opens as a preview with its size and expands on demand. Expanded, it is
 * rendered in blocks styled `content-visibility: auto`, so megabytes do not freeze the page: the
 * browser lays out only the blocks near the viewport. Matches of the search query are marked (at
 * most 200 per block).
 */
export function LongText({ text }: LongTextProps) {
  const isLong = text.length > COLLAPSE_ABOVE_CHARS;
  const [isExpanded, setIsExpanded] = useState(false);
  const size = useMemo(() => (isLong ? formatByteSize(utf8ByteLength(text)) : ''), [isLong, text]);

  if (text === '') return <p className="muted long-text-empty">(empty)</p>;
  if (!isLong) {
    return (
      <pre className="long-text">
        <HighlightedText text={text} />
      </pre>
    );
  }

  if (!isExpanded) {
    const cut = safeCutIndex(text, PREVIEW_CHARS);
    return (
      <div className="long-text-collapsed">
        <pre className="long-text">
          <HighlightedText text={text.slice(0, cut)} />
          <span className="long-text-ellipsis" aria-hidden="true">
            …
          </span>
        </pre>
        <div className="long-text-bar">
          <span className="muted">
            First {cut.toLocaleString()} of {text.length.toLocaleString()} characters ({size})
          </span>
          <button type="button" className="button" onClick={() => setIsExpanded(true)}>
            Show all ({size})
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="long-text-expanded">
      <div className="long-text-bar">
        <span className="muted">
          {text.length.toLocaleString()} characters ({size})
        </span>
        <button type="button" className="button" onClick={() => setIsExpanded(false)}>
          Collapse
        </button>
      </div>
      <ChunkedText text={text} />
    </div>
  );
}

function ChunkedText({ text }: { text: string }) {
  const chunks = useMemo(() => splitIntoChunks(text), [text]);
  return (
    <pre className="long-text long-text-scroll" tabIndex={0}>
      {chunks.map((chunk, i) => (
        <span key={i} className="long-text-chunk">
          <HighlightedText text={chunk} />
        </span>
      ))}
    </pre>
  );
}
