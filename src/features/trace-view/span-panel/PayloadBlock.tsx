import { useMemo, useState, type ReactNode } from 'react';
import { CopyButton } from '../../../components/CopyButton';
import { LazyJsonViewer } from '../../../components/LazyJsonViewer';
import type { ChatLinks } from './chatLinks';
import { ChatMessageList } from './ChatMessageList';
import { parsePayloadMessages, type ChatMessage } from './chatMessages';
import { jsonContainerOf } from './jsonText';
import { JsonTextToggle } from './JsonTextToggle';
import { LongText } from './LongText';
import { ModelText } from './ModelText';

export interface PayloadBlockProps {
  /** "Input", "Output", "Result": heading, region name and copy button name. */
  title: string;
  text: string;
  /** The text already read as chat messages (null: not messages); read here when absent. */
  messages?: readonly ChatMessage[] | null;
  /** Links from the messages to other spans. */
  links?: ChatLinks;
  /** Text a model wrote (a reply, an agent's output): Markdown when the reader has it on. */
  isModelText?: boolean;
  /** A short remark next to the title, e.g. "not JSON, shown as sent". */
  note?: string;
  /** A control at the header's end, before the copy button (e.g. a jump to the reply). */
  headerAction?: ReactNode;
  /** The section's id, for a jump to it. */
  id?: string;
}

type View = 'structured' | 'text';

/**
 * A span's input or output: chat messages when the text holds them, a JSON tree when it is a
 * JSON object or array (each with a toggle to the text as sent), otherwise the text itself
 * (Markdown for model text). Always with a copy button for the exact text.
 */
export function PayloadBlock({
  title,
  text,
  messages: givenMessages,
  links,
  isModelText = false,
  note,
  headerAction,
  id,
}: PayloadBlockProps) {
  const messages = useMemo(
    () => (givenMessages !== undefined ? givenMessages : parsePayloadMessages(text)),
    [givenMessages, text],
  );
  const json = useMemo(() => (messages ? undefined : jsonContainerOf(text)), [messages, text]);
  const [view, setView] = useState<View>('structured');
  const isText = view === 'text';
  return (
    <section
      id={id}
      tabIndex={id === undefined ? undefined : -1}
      className="payload"
      aria-label={title}
    >
      <div className="payload-header">
        <h3>{title}</h3>
        {note && <span className="muted">{note}</span>}
        {messages && (
          <button
            type="button"
            className="toggle-button"
            aria-pressed={isText}
            onClick={() => setView(isText ? 'structured' : 'text')}
          >
            Raw text
          </button>
        )}
        {json !== undefined && (
          <JsonTextToggle
            title={title}
            isText={isText}
            onChange={(text) => setView(text ? 'text' : 'structured')}
          />
        )}
        {headerAction}
        <CopyButton text={text} label={`Copy ${title.toLowerCase()}`} />
      </div>
      {messages && !isText ? (
        <ChatMessageList messages={messages} label={`${title} messages`} links={links} />
      ) : json !== undefined && !isText ? (
        <LazyJsonViewer value={json} label={`${title} as JSON`} sizeChars={text.length} />
      ) : isModelText && !messages ? (
        <ModelText text={text} />
      ) : (
        <LongText text={text} />
      )}
    </section>
  );
}
