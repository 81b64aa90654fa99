import { useMemo, useState } from 'react';
import { HighlightedText } from '../../../components/HighlightedText';
import type { ChatLinks } from './chatLinks';
import { formatChatMetrics, type ChatMessage, type ChatPart } from './chatMessages';
import { KeyValueList } from './KeyValueList';
import { LongText } from './LongText';
import { ModelText } from './ModelText';
import { foldedPreview } from './promptFolding';
import { SpanLink } from './SpanLink';

const KNOWN_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'model', 'tool']);
/** Roles whose text a model wrote: shown as Markdown when on. */
const MODEL_ROLES = new Set(['assistant', 'model']);
const SYSTEM_ROLES = new Set(['system', 'developer']);

export interface ChatMessageItemProps {
  message: ChatMessage;
  links?: ChatLinks;
  /** The system prompt is the previous model call's (`links.sameSystemPromptAs`): fold it. */
  isSameSystemPrompt: boolean;
}

export function ChatMessageItem({ message, links, isSameSystemPrompt }: ChatMessageItemProps) {
  // The role only picks a class from a fixed list: span text never becomes markup or styling.
  const roleClass = KNOWN_ROLES.has(message.role) ? message.role : 'other';
  const isEmpty = message.parts.length === 0 && message.toolCalls.length === 0;
  const resultSpan = links?.toolSpans?.results.get(message);
  const metrics = message.metrics ? formatChatMetrics(message.metrics) : '';
  const className = `chat-message chat-role-${roleClass}${message.isToolError ? ' chat-message-failed' : ''}`;
  return (
    <li className={className}>
      <div className="chat-message-header">
        <span className="chat-role">{message.role}</span>
        {message.toolName && <span className="tool-call-name">{message.toolName}</span>}
        {message.name && <span className="muted">{message.name}</span>}
        {message.isToolError && <span className="badge badge-error">Failed</span>}
        {message.toolCallId && (
          <span className="muted">
            answers <code>{message.toolCallId}</code>
          </span>
        )}
        {message.isFromHistory && <span className="badge badge-neutral">from history</span>}
        {resultSpan !== undefined && links && (
          <SpanLink
            index={resultSpan}
            text="Open span"
            nameSuffix="(result)"
            onSelectSpan={links.onSelectSpan}
            spanLabel={links.spanLabel}
          />
        )}
        {metrics !== '' && (
          <span className="muted chat-metrics" title="This message's metrics, as agno records them">
            {metrics}
          </span>
        )}
      </div>
      {isSameSystemPrompt && links?.sameSystemPromptAs !== undefined ? (
        <FoldedSystemPrompt message={message} links={links} previous={links.sameSystemPromptAs} />
      ) : SYSTEM_ROLES.has(message.role) ? (
        <LongSystemPrompt message={message} links={links} />
      ) : (
        <MessageBody message={message} links={links} />
      )}
      {isEmpty && <p className="muted">(no content)</p>}
      {message.otherFields && (
        <KeyValueList label="Other message fields" entries={message.otherFields} />
      )}
    </li>
  );
}

function MessageBody({ message, links }: { message: ChatMessage; links?: ChatLinks }) {
  const isModelText = MODEL_ROLES.has(message.role);
  return (
    <>
      {message.parts.map((part, i) => (
        <ChatPartView key={i} part={part} isModelText={isModelText} />
      ))}
      {message.toolCalls.length > 0 && (
        <ul className="tool-calls" aria-label="Tool calls">
          {message.toolCalls.map((call, i) => {
            const span = links?.toolSpans?.calls.get(call);
            return (
              <li key={call.id ?? i} className="tool-call">
                <div className="chat-message-header">
                  <span className="tool-call-name">{call.name}</span>
                  {call.id && <code className="muted">{call.id}</code>}
                  {span !== undefined && links && (
                    <SpanLink
                      index={span}
                      text="Open span"
                      onSelectSpan={links.onSelectSpan}
                      spanLabel={links.spanLabel}
                    />
                  )}
                </div>
                {call.arguments !== '' && <LongText text={call.arguments} />}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function FoldedSystemPrompt({
  message,
  links,
  previous,
}: {
  message: ChatMessage;
  links: ChatLinks;
  previous: number;
}) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <p className="chat-folded muted">
        Same system prompt as{' '}
        <SpanLink index={previous} onSelectSpan={links.onSelectSpan} spanLabel={links.spanLabel} />{' '}
        <button
          type="button"
          className="toggle-button"
          aria-expanded={isOpen}
          onClick={() => setIsOpen((open) => !open)}
        >
          {isOpen ? 'Hide' : 'Show'} prompt
        </button>
      </p>
      {isOpen && <MessageBody message={message} />}
    </>
  );
}

/**
 * A system prompt of more than about 12 lines opens folded to its first lines, so the messages
 * after it and the reply are on screen first.
 */
function LongSystemPrompt({ message, links }: { message: ChatMessage; links?: ChatLinks }) {
  const [isOpen, setIsOpen] = useState(false);
  const text =
    message.parts.length === 1 && message.parts[0]!.kind === 'text' ? message.parts[0]!.text : null;
  const preview = useMemo(() => (text === null ? null : foldedPreview(text)), [text]);
  if (preview === null) return <MessageBody message={message} links={links} />;
  return (
    <>
      {isOpen ? (
        <MessageBody message={message} links={links} />
      ) : (
        <pre className="long-text chat-prompt-preview">
          <HighlightedText text={preview} />
          <span aria-hidden="true">…</span>
        </pre>
      )}
      <button
        type="button"
        className="toggle-button chat-prompt-toggle"
        aria-expanded={isOpen}
        onClick={() => setIsOpen((open) => !open)}
      >
        {isOpen ? 'Fold system prompt' : 'Show full system prompt'}
      </button>
    </>
  );
}

function ChatPartView({ part, isModelText }: { part: ChatPart; isModelText: boolean }) {
  switch (part.kind) {
    case 'text':
      return (
        <div className="chat-part">
          {part.label && <div className="chat-part-label">{part.label}</div>}
          {isModelText ? <ModelText text={part.text} /> : <LongText text={part.text} />}
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
                {' '}
                for <code>{part.toolCallId}</code>
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
