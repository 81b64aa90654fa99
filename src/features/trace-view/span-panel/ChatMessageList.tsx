import { useState } from 'react';
import type { ChatMessage, ChatPart } from './chatMessages';
import { LongText } from './LongText';

/** Long conversations (tool loops) show this many messages until asked for more. */
const INITIAL_MESSAGES = 100;
const KNOWN_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'model', 'tool']);

export interface ChatMessageListProps {
  messages: readonly ChatMessage[];
  /** Accessible name of the list, e.g. "Input messages". */
  label: string;
}

export function ChatMessageList({ messages, label }: ChatMessageListProps) {
  const [limit, setLimit] = useState(INITIAL_MESSAGES);
  const shown = messages.length > limit ? messages.slice(0, limit) : messages;
  return (
    <>
      <ol className="chat-list" aria-label={label}>
        {shown.map((message, i) => (
          <ChatMessageItem key={i} message={message} />
        ))}
      </ol>
      {messages.length > limit && (
        <button type="button" className="button" onClick={() => setLimit(messages.length)}>
          Show all {messages.length.toLocaleString()} messages
        </button>
      )}
    </>
  );
}

function ChatMessageItem({ message }: { message: ChatMessage }) {
  // The role only picks a class from a fixed list: span text never becomes markup or styling.
  const roleClass = KNOWN_ROLES.has(message.role) ? message.role : 'other';
  const isEmpty = message.parts.length === 0 && message.toolCalls.length === 0;
  return (
    <li className={`chat-message chat-role-${roleClass}`}>
      <div className="chat-message-header">
        <span className="chat-role">{message.role}</span>
        {message.name && <span className="muted">{message.name}</span>}
        {message.toolCallId && (
          <span className="muted">
            answers <code>{message.toolCallId}</code>
          </span>
        )}
      </div>
      {message.parts.map((part, i) => (
        <ChatPartView key={i} part={part} />
      ))}
      {message.toolCalls.length > 0 && (
        <ul className="tool-calls" aria-label="Tool calls">
          {message.toolCalls.map((call, i) => (
            <li key={call.id ?? i} className="tool-call">
              <div className="chat-message-header">
                <span className="tool-call-name">{call.name}</span>
                {call.id && <code className="muted">{call.id}</code>}
              </div>
              {call.arguments !== '' && <LongText text={call.arguments} />}
            </li>
          ))}
        </ul>
      )}
      {isEmpty && <p className="muted">(no content)</p>}
    </li>
  );
}

function ChatPartView({ part }: { part: ChatPart }) {
  switch (part.kind) {
    case 'text':
      return (
        <div className="chat-part">
          {part.label && <div className="chat-part-label">{part.label}</div>}
          <LongText text={part.text} />
        </div>
      );
    case 'image':
      return (
        <div className="chat-part">
          <div className="chat-part-label">Image</div>
          <code className="chat-image-source">{part.source}</code>
        </div>
      );
    case 'tool_result':
      return (
        <div className={`chat-part${part.isError ? ' chat-part-error' : ''}`}>
          <div className="chat-part-label">
            {part.isError ? 'Tool error' : 'Tool result'}
            {part.toolCallId && (
              <>
                {' for '}
                <code>{part.toolCallId}</code>
              </>
            )}
          </div>
          <LongText text={part.text} />
        </div>
      );
    case 'other':
      return (
        <div className="chat-part">
          <div className="chat-part-label">{part.type}</div>
          <LongText text={part.json} />
        </div>
      );
  }
}
