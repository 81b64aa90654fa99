import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { StatusBadge } from '../../../components/StatusBadge';
import { spanTypeClass } from '../../../components/spanTypeColor';
import { formatDuration } from '../../../lib/time';
import { ModelText } from '../span-panel/ModelText';
import { LongText } from '../span-panel/LongText';
import { SpanSplit } from '../SpanSplit';
import {
  useSelectedIndex,
  useTraceActions,
  useTraceView,
  useTraceViewContext,
} from '../traceViewContext';
import { buildTranscript, type TranscriptEntry } from './buildTranscript';
import styles from './TranscriptView.module.css';

export interface TranscriptViewProps {
  /** The span panel (or null when closed), beside the transcript as beside the waterfall. */
  panel: React.ReactNode;
  isNarrow: boolean;
  isMaximised: boolean;
  /** The trace's own input (the user's message), which the server keeps on the trace. */
  traceInput: string | null;
}

/**
 * The "Transcript" tab: the run read top to bottom as a conversation, member runs and workflow
 * steps as cards that fold. Each entry opens its span; the selected span's entry scrolls into
 * view. Virtualized: a 2,000-turn trace renders the entries in view only.
 */
export default function TranscriptView({
  panel,
  isNarrow,
  isMaximised,
  traceInput,
}: TranscriptViewProps) {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const selected = useSelectedIndex();
  const transcript = useMemo(() => buildTranscript(tree, traceInput), [tree, traceInput]);
  const { entries } = transcript;
  // Folded cards, by entry position; the store (and the URL, `tfold=`) names their spans.
  const transcriptFolds = useTraceView((state) => state.transcriptFolds);
  const folded = useMemo(() => {
    const positions = new Set<number>();
    entries.forEach((entry, e) => {
      if (entry.kind === 'run' && transcriptFolds.has(tree.nodes[entry.index]!.id))
        positions.add(e);
    });
    return positions;
  }, [entries, transcriptFolds, tree]);
  const shown = useMemo(() => {
    const list: number[] = [];
    for (let e = 0; e < entries.length; e++) {
      list.push(e);
      const entry = entries[e]!;
      if (entry.kind === 'run' && folded.has(e)) e = entry.end - 1;
    }
    return list;
  }, [entries, folded]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 96,
    overscan: 6,
  });

  // The selected span's entry (or the folded card holding it) comes into view.
  const selectedEntry = selected === null ? -1 : (transcript.entryOf[selected] ?? -1);
  useEffect(() => {
    if (selectedEntry < 0) return;
    let position = shown.indexOf(selectedEntry);
    if (position < 0) position = shown.findLastIndex((e) => e < selectedEntry);
    if (position >= 0) virtualizer.scrollToIndex(position, { align: 'auto' });
    // Only a new selection moves the transcript, not a fold.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedEntry]);

  const toggle = (e: number) => actions.toggleTranscriptFold(entries[e]!.index);

  const list = (
    <div ref={scrollRef} className={styles.scroller}>
      <div
        role="feed"
        aria-label="Transcript"
        aria-busy="false"
        className={styles.feed}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const e = shown[item.index]!;
          const entry = entries[e]!;
          return (
            <div
              key={e}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={styles.slot}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <TranscriptItem
                entry={entry}
                position={item.index + 1}
                setSize={shown.length}
                isSelected={entry.index === selected && selectedEntry === e}
                isFolded={folded.has(e)}
                onToggle={() => toggle(e)}
                onOpen={() => actions.open(entry.index)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
  return <SpanSplit main={list} panel={panel} isMaximised={isMaximised} isNarrow={isNarrow} />;
}

interface TranscriptItemProps {
  entry: TranscriptEntry;
  position: number;
  setSize: number;
  isSelected: boolean;
  isFolded: boolean;
  onToggle: () => void;
  onOpen: () => void;
}

/** One entry: who speaks (a button that opens the span), then what was said. */
function TranscriptItem({
  entry,
  position,
  setSize,
  isSelected,
  isFolded,
  onToggle,
  onOpen,
}: TranscriptItemProps) {
  const { tree } = useTraceViewContext();
  const node = tree.nodes[entry.index]!;
  const isError = tree.isError[entry.index] === 1;
  const type = spanTypeClass(node.type);
  const indent = { marginLeft: `${Math.min(entry.depth, 12) * 20}px` };
  const opener = (label: string, title: string) => (
    <button
      type="button"
      className={styles.who}
      aria-label={`${label}: open span ${node.name}`}
      title={`Open ${node.name} in the details`}
      onClick={onOpen}
    >
      {title}
    </button>
  );

  if (entry.kind === 'run') {
    return (
      <article
        className={`${styles.run} ${isSelected ? styles.selected : ''}`}
        style={indent}
        aria-posinset={position}
        aria-setsize={setSize}
        aria-current={isSelected || undefined}
        aria-label={`${node.type} ${node.name}`}
      >
        <button
          type="button"
          className={`icon-button ${styles.fold}`}
          aria-expanded={!isFolded}
          aria-label={`${isFolded ? 'Unfold' : 'Fold'} ${node.name}`}
          onClick={onToggle}
        >
          {isFolded ? '▸' : '▾'}
        </button>
        <span className={`type-badge type-${type}`}>{node.type}</span>
        {opener(node.type, node.name)}
        <span className={styles.meta}>
          {formatDuration(tree.durationUs[entry.index]!)}
          {isFolded && ` · ${(entry.end - 1 - (position - 1)).toLocaleString()} entries folded`}
        </span>
        {isError && <StatusBadge status="ERROR" />}
      </article>
    );
  }

  const { who, body } = describe(entry, node.name, tree.nodes[entry.index]!.error);
  return (
    <article
      className={`${styles.entry} ${styles[entry.kind]} ${isSelected ? styles.selected : ''}`}
      style={indent}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-current={isSelected || undefined}
      aria-label={who}
    >
      <header className={styles.header}>
        {opener(who, who)}
        {isError && <StatusBadge status="ERROR" />}
      </header>
      {body}
      {isError && entry.kind !== 'error' && node.error && (
        <div className={styles.errorText} role="note" aria-label="Span error">
          <LongText text={node.error} />
        </div>
      )}
    </article>
  );
}

/** Who speaks in an entry, and what it says. */
function describe(
  entry: Exclude<TranscriptEntry, { kind: 'run' }>,
  spanName: string,
  error: string | null | undefined,
): { who: string; body: React.ReactNode } {
  switch (entry.kind) {
    case 'input':
      return {
        who: entry.isTask ? 'Task' : 'User',
        body: <ModelText text={entry.text} />,
      };
    case 'message':
      return { who: 'User', body: <ModelText text={entry.text} /> };
    case 'reply':
      return {
        who: `Model${entry.model ? ` · ${entry.model}` : ''}`,
        body: (
          <>
            {entry.text !== '' && <ModelText text={entry.text} />}
            {entry.toolCalls.length > 0 && (
              <ul className={styles.calls} aria-label="Tool calls">
                {entry.toolCalls.map((call, i) => (
                  <li key={i}>
                    <code>{call.name}</code>({call.arguments})
                  </li>
                ))}
              </ul>
            )}
          </>
        ),
      };
    case 'tool':
      return {
        who: `Tool · ${entry.name}`,
        body: (
          <dl className={styles.toolFacts}>
            <dt>Arguments</dt>
            <dd>{entry.args === null ? <em>none</em> : <LongText text={entry.args} />}</dd>
            <dt>Result</dt>
            <dd>{entry.result === null ? <em>none</em> : <LongText text={entry.result} />}</dd>
          </dl>
        ),
      };
    case 'output':
      return { who: 'Output', body: <ModelText text={entry.text} /> };
    case 'error':
      return {
        who: `Error in ${spanName}`,
        body: (
          <div className={styles.errorText}>
            <LongText text={error ?? 'The span ended with status ERROR but no error message.'} />
          </div>
        ),
      };
  }
}
