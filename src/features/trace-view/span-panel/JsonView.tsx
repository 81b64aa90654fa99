import { useMemo } from 'react';
import { formatJsonValue } from './jsonText';
import { LongText } from './LongText';

export interface JsonViewProps {
  /** Any value; a string is read as JSON text and shown as sent when it is not JSON. */
  value: unknown;
}

/** Pretty-printed JSON as plain text, collapsed when huge (through LongText). */
export function JsonView({ value }: JsonViewProps) {
  const text = useMemo(() => formatJsonValue(value).text, [value]);
  return (
    <div className="json-view">
      <LongText text={text} />
    </div>
  );
}
