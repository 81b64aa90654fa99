import { useMemo, useState } from 'react';
import type { TraceNode } from '../../../api/schemas';
import { CopyButton } from '../../../components/CopyButton';
import { LazyJsonViewer } from '../../../components/LazyJsonViewer';
import { JsonTextToggle } from './JsonTextToggle';
import { LongText } from './LongText';
import { nodeForRawView } from './spanSections';

export interface RawJsonViewProps {
  node: TraceNode;
}

/**
 * The node as the server sent it, children replaced by a count: a JSON tree, or the indented
 * text. Built only when shown.
 */
export function RawJsonView({ node }: RawJsonViewProps) {
  const value = useMemo(() => nodeForRawView(node), [node]);
  const text = useMemo(() => JSON.stringify(value, null, 2), [value]);
  const [isText, setIsText] = useState(false);
  return (
    <section className="payload" aria-label="Raw JSON of the span">
      <div className="payload-header">
        <h3>Raw JSON</h3>
        <JsonTextToggle title="Raw JSON" isText={isText} onChange={setIsText} />
        <CopyButton text={text} label="Copy raw JSON" />
      </div>
      {isText ? (
        <LongText text={text} />
      ) : (
        <LazyJsonViewer value={value} label="The span as JSON" sizeChars={text.length} />
      )}
    </section>
  );
}
