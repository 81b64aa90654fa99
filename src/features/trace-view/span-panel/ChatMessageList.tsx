import { useMemo, useState } from 'react';
import type { ChatLinks } from './chatLinks';
import { foldEarlierTurns, groupHistoryRuns, type ChatMessage, type ChatRow } from './chatMessages';
import { ChatMessageItem } from './ChatMessageItem';

/** Long conversations (tool loops) show this many messages until asked for more. */
const INITIAL_MESSAGES = 100;

export interface ChatMessageListProps {
  messages: readonly ChatMessage[];
  /** Accessible name of the list, e.g. "Input messages". */
  label: string;
  /** Links to other spans (tool spans, the previous model call); none when absent. */
  links?: ChatLinks;
}

export function ChatMessageList({ messages, label, links }: ChatMessageListProps) {
  const [limit, setLimit] = useState(INITIAL_MESSAGES);
  const rows = useMemo(
    () =>
      foldEarlierTurns(
        groupHistoryRuns(messages.length > limit ? messages.slice(0, limit) : messages),
      ),
    [messages, limit],
  );
  const foldedSystem =
    links?.sameSystemPromptAs === undefined
      ? -1
      : messages.findIndex((m) => m.role === 'system' || m.role === 'developer');
  const item = (message: ChatMessage, position: number) => (
    <ChatMessageItem
      key={position}
      message={message}
      links={links}
      isSameSystemPrompt={position === foldedSystem}
    />
  );
  const renderRow = (row: ChatRow): React.ReactNode => {
    switch (row.kind) {
      case 'message':
        return item(row.message, row.position);
      case 'history':
        return (
          <FoldedMessages
            key={`h${row.messages[0]!.position}`}
            count={row.messages.length}
            what="from history (earlier runs)"
          >
            {row.messages.map(({ message, position }) => item(message, position))}
          </FoldedMessages>
        );
      case 'earlier':
        return (
          <FoldedMessages key="earlier" count={row.count} what="earlier in this run">
            {row.rows.map(renderRow)}
          </FoldedMessages>
        );
    }
  };
  return (
    <>
      <ol className="chat-list" aria-label={label}>
        {rows.map(renderRow)}
      </ol>
      {messages.length > limit && (
        <button type="button" className="button" onClick={() => setLimit(messages.length)}>
          Show all {messages.length.toLocaleString()} messages
        </button>
      )}
    </>
  );
}

/**
 * Messages folded under one button: those agno replayed from earlier runs of the session, and
 * a tool loop's earlier turns, which the previous model calls already showed.
 */
function FoldedMessages({
  count,
  what,
  children,
}: {
  count: number;
  /** What they are, after "Show 4 messages": "earlier in this run". */
  what: string;
  children: React.ReactNode;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const noun = count === 1 ? 'message' : 'messages';
  return (
    <li className="chat-history-run">
      <button
        type="button"
        className="toggle-button"
        aria-expanded={isOpen}
        onClick={() => setIsOpen((open) => !open)}
      >
        {isOpen ? 'Hide' : 'Show'} {count.toLocaleString()} {noun} {what}
      </button>
      {isOpen && (
        <ol className="chat-list" aria-label={`${count} ${noun} ${what}`}>
          {children}
        </ol>
      )}
    </li>
  );
}
