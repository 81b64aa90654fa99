import type { ToolSpanLinks } from './llmLinks';

/** What a chat message list needs to link to other spans of the trace. */
export interface ChatLinks {
  /** TOOL spans that ran the calls and produced the results of these messages. */
  toolSpans?: ToolSpanLinks;
  /** Selects a span of the trace by index. */
  onSelectSpan: (index: number) => void;
  /** A span's name and start offset, for link names ("fetch_page at +680ms"). */
  spanLabel: (index: number) => string;
  /** The first system message is the previous model call's (span index), folded behind a link. */
  sameSystemPromptAs?: number;
}
