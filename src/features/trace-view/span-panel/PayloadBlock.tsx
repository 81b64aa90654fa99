import { useMemo, useState } from 'react';
import { CopyButton } from '../../../components/CopyButton';
import { ChatMessageList } from './ChatMessageList';
import { parseChatMessages } from './chatMessages';
import { LongText } from './LongText';

/** Above this, the text is not even tried as chat messages: parsing would stall the page. */
const MAX_CHAT_PARSE_CHARS = 20_000_000;

export interface PayloadBlockProps {
  /** "Input", "Output", "Result": heading, region name and copy button name. */
  title: string;
  text: string;
}

/**
 * A span's input or output: chat messages when the text is a JSON list of them (with a toggle to
 * the raw text), otherwise the text itself. Always with a copy button for the exact text.
 */
export function PayloadBlock({ title, text }: PayloadBlockProps) {
  const messages = useMemo(
    () => (text.length <= MAX_CHAT_PARSE_CHARS ? parseChatMessages(text) : null),
    [text],
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
        <ChatMessageList messages={messages} label={`${title} messages`} />
      ) : (
        <LongText text={text} />
      )}
    </section>
  );
}
