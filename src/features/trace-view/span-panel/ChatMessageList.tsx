import { useMemo, useState } from 'react';
import type { ChatLinks } from './chatLinks';
import { groupHistoryRuns, type ChatMessage } from './chatMessages';
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
    () => groupHistoryRuns(messages.length > limit ? messages.slice(0, limit) : messages),
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
  return (
    <>
      <ol className="chat-list" aria-label={label}>
        {rows.map((row) =>
          row.kind === 'message' ? (
            item(row.message, row.position)
          ) : (
            <HistoryRun key={`h${row.messages[0]!.position}`} count={row.messages.length}>
              {row.messages.map(({ message, position }) => item(message, position))}
            </HistoryRun>
          ),
        )}
      </ol>
      {messages.length > limit && (
        <button type="button" className="button" onClick={() => setLimit(messages.length)}>
          Show all {messages.length.toLocaleString()} messages
        </button>
      )}
    </>
  );
}

/** Messages agno replayed from earlier runs of the session: folded, as they are not this run's. */
function HistoryRun({ count, children }: { count: number; children: React.ReactNode }) {
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
        {isOpen ? 'Hide' : 'Show'} {count.toLocaleString()} {noun} from history (earlier runs)
      </button>
      {isOpen && (
        <ol className="chat-list" aria-label={`${count} ${noun} from history`}>
          {children}
        </ol>
      )}
    </li>
  );
}
