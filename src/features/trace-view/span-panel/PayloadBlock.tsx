import { useMemo, useState } from 'react';
import { CopyButton } from '../../../components/CopyButton';
import type { ChatLinks } from './chatLinks';
import { ChatMessageList } from './ChatMessageList';
import { parsePayloadMessages, type ChatMessage } from './chatMessages';
import { LongText } from './LongText';

export interface PayloadBlockProps {
  /** "Input", "Output", "Result": heading, region name and copy button name. */
  title: string;
  text: string;
  /** The text already read as chat messages (null: not messages); read here when absent. */
  messages?: readonly ChatMessage[] | null;
  /** Links from the messages to other spans. */
  links?: ChatLinks;
}

/**
 * A span's input or output: chat messages when the text holds them (with a toggle to
 * the raw text), otherwise the text itself. Always with a copy button for the exact text.
 */
export function PayloadBlock({ title, text, messages: givenMessages, links }: PayloadBlockProps) {
  const messages = useMemo(
    () => (givenMessages !== undefined ? givenMessages : parsePayloadMessages(text)),
    [givenMessages, text],
  );
  const [isRawText, setIsRawText] = useState(false);
  return (
    <section className="payload" aria-label={title}>
      <div className="payload-header">
        <h3>{title}</h3>
        {messages && (
          <button
            type="button"
            className="toggle-button"
            aria-pressed={isRawText}
            onClick={() => setIsRawText((value) => !value)}
          >
            Raw text
          </button>
        )}
        <CopyButton text={text} label={`Copy ${title.toLowerCase()}`} />
      </div>
      {messages && !isRawText ? (
        <ChatMessageList messages={messages} label={`${title} messages`} links={links} />
      ) : (
        <LongText text={text} />
      )}
    </section>
  );
}
