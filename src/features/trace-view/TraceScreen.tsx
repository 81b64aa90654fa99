import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { TraceDetail } from '../../api/schemas';
import { EmptyState } from '../../components/PageState';
import { measure } from '../../lib/perf';
import { parseTimestampUs } from '../../lib/time';
import { countFailingSpans, traceStatus } from '../../domain/trace/traceStatus';
import { firstErrorOrigin } from './analysis/firstError';
import { useRepeatedCalls } from './analysis/useTraceAnalyses';
import { MissingSpanNotice } from './MissingSpanNotice';
import { TraceActions } from './TraceActions';
import { TraceHeader } from './TraceHeader';
import { TraceNotes } from './TraceNotes';
import { TraceView, type TraceViewHandle } from './TraceView';
import { useSelectedSpan } from './useSelectedSpan';
import { buildTraceModel } from '../../domain/trace/traceModel';

/** Where a trace came from: the server (with a database), or a file opened in the browser. */
export type TraceSource = { kind: 'server'; dbId?: string } | { kind: 'file'; fileName: string };

export interface TraceScreenProps {
  trace: TraceDetail;
  source: TraceSource;
  /** `?span=` from the URL. */
  selectedSpanId: string | null;
  onSelectSpan: (spanId: string | null) => void;
  /** Extra actions for the header, after the page's own (download, copy, compare). */
  actions?: ReactNode;
}

/** The whole trace page for a trace in hand, whether it came from a server or from a file. */
export function TraceScreen({
  trace,
  source,
  selectedSpanId: urlSpanId,
  onSelectSpan: writeUrl,
  actions,
}: TraceScreenProps) {
  // Built once per trace: every later interaction works on these arrays.
  const tree = useMemo(() => measure('app:buildSpanTree', () => buildTraceModel(trace)), [trace]);
  // Error-first landing: a failed trace (its root span, or any span, failed) opened without
  // `?span=` shows where it went wrong first. Decided once, on arrival.
  const [landingSpanId] = useState(() => {
    if (urlSpanId !== null) return null;
    if (!traceStatus(trace.status, countFailingSpans(tree.isError)).isFailed) return null;
    const index = firstErrorOrigin(tree);
    return index === null ? null : tree.nodes[index]!.id;
  });
  const [selectedSpanId, onSelectSpan] = useSelectedSpan(urlSpanId, writeUrl, landingSpanId);
  const repeated = useRepeatedCalls(tree);
  const viewRef = useRef<TraceViewHandle>(null);
  const dbId = source.kind === 'server' ? source.dbId : undefined;

  const selectedIndex =
    selectedSpanId === null ? null : (tree.indexById.get(selectedSpanId) ?? null);
  const isMissing = selectedSpanId !== null && selectedIndex === null;
  const landingIndex = landingSpanId === null ? null : (tree.indexById.get(landingSpanId) ?? null);

  return (
    <section className="page trace-page" aria-label={`Trace ${trace.name}`}>
      <TraceHeader
        trace={trace}
        tree={tree}
        source={source}
        repeated={repeated}
        onShowRepeated={() => viewRef.current?.showRepeated()}
        actions={
          <>
            <TraceActions trace={trace} tree={tree} source={source} selectedIndex={selectedIndex} />
            {actions}
          </>
        }
      />
      <TraceNotes trace={trace} tree={tree} />
      {isMissing && (
        <MissingSpanNotice.Banner spanId={selectedSpanId} onDismiss={() => onSelectSpan(null)} />
      )}
      {tree.count > 0 ? (
        <TraceView
          ref={viewRef}
          tree={tree}
          traceStartUs={parseTimestampUs(trace.start_time)}
          selectedIndex={selectedIndex}
          onSelectSpan={onSelectSpan}
          landingIndex={landingIndex}
          repeated={repeated}
          missingSpanPanel={
            isMissing && source.kind === 'server' ? (
              <MissingSpanNotice.Panel
                traceId={trace.trace_id}
                spanId={selectedSpanId}
                dbId={dbId}
              />
            ) : undefined
          }
        />
      ) : (
        <EmptyState title="This trace has no spans">
          <p className="muted">The trace came without a span tree.</p>
        </EmptyState>
      )}
    </section>
  );
}
