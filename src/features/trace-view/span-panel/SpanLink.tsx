export interface SpanLinkProps {
  index: number;
  onSelectSpan: (index: number) => void;
  /** A span's name and start offset: the link's name ("fetch_page at +680ms"). */
  spanLabel: (index: number) => string;
  /** Short visible text ("Open span"); the accessible name adds the span's label. */
  text?: string;
  /** Added to the accessible name, to tell apart two links to one span: "(result)". */
  nameSuffix?: string;
}

/** A button that selects another span of the trace; its name says which span. */
export function SpanLink({ index, onSelectSpan, spanLabel, text, nameSuffix }: SpanLinkProps) {
  const label = spanLabel(index) + (nameSuffix === undefined ? '' : ` ${nameSuffix}`);
  return (
    <button
      type="button"
      className="link-button chat-span-link"
      aria-label={text === undefined ? undefined : `${text} ${label}`}
      title={text === undefined ? undefined : label}
      onClick={() => onSelectSpan(index)}
    >
      {text ?? label}
    </button>
  );
}
