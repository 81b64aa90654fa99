import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiQueries } from '../../api/queries';
import { ApiErrorState } from '../../components/ApiErrorState';
import { LoadingState } from '../../components/PageState';
import { parseTimestampUs } from '../../lib/time';
import { LazySpanDetailsPanel as SpanDetailsPanel } from './span-panel/LazySpanDetailsPanel';
import { buildSpanTree } from '../../domain/trace/buildSpanTree';

function Banner({ spanId, onDismiss }: { spanId: string; onDismiss: () => void }) {
  return (
    <div className="notice" role="note" aria-label="Span not in tree">
      <span>
        The link names span <code>{spanId}</code>, which is not in this trace’s tree. The server may
        still have it (a dropped or late span): it is shown from the server’s answer when it does.
      </span>
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

interface PanelProps {
  traceId: string;
  spanId: string;
  dbId?: string;
  onClose: () => void;
}

/** Asks the server for a span the tree lacks (GET /traces/{id}?span_id=) and shows it. */
function Panel({ traceId, spanId, dbId, onClose }: PanelProps) {
  const queries = useApiQueries(dbId);
  const span = useQuery(queries.span(traceId, spanId));
  const tree = useMemo(() => (span.data ? buildSpanTree([span.data]) : null), [span.data]);
  if (span.isPending) return <LoadingState label="Looking the span up on the server…" />;
  if (span.isError || !tree) {
    return (
      <div className="panel-message">
        <ApiErrorState error={span.error} action="load the span" notFoundTitle="Span not found" />
      </div>
    );
  }
  return (
    <SpanDetailsPanel
      tree={tree}
      index={0}
      traceStartUs={parseTimestampUs(span.data.start_time)}
      isTraceRoot={false}
      onClose={onClose}
    />
  );
}

export const MissingSpanNotice = { Banner, Panel };
