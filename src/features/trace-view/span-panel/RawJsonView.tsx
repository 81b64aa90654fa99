import { useMemo } from 'react';
import type { TraceNode } from '../../../api/schemas';
import { CopyButton } from '../../../components/CopyButton';
import { LongText } from './LongText';
import { nodeForRawView } from './spanSections';

export interface RawJsonViewProps {
  node: TraceNode;
}

/** The node as the server sent it, children replaced by a count. Built only when shown. */
export function RawJsonView({ node }: RawJsonViewProps) {
  const text = useMemo(() => JSON.stringify(nodeForRawView(node), null, 2), [node]);
  return (
    <section className="payload" aria-label="Raw JSON of the span">
      <div className="payload-header">
        <h3>Raw JSON</h3>
        <CopyButton text={text} label="Copy raw JSON" />
      </div>
      <LongText text={text} />
    </section>
  );
}
