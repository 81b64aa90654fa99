import { useId } from 'react';
import type { TraceCostsView } from '../../../components/cost/useTraceCosts';
import { spanTypeColor } from '../../../components/spanTypeColor';
import { formatDuration } from '../../../lib/time';
import {
  BREAKDOWN_GROUPINGS,
  type BreakdownGrouping,
  type BreakdownRow,
} from '../analysis/timeBreakdown';
import styles from './TimeBreakdownTable.module.css';

export interface TimeBreakdownTableProps {
  rows: BreakdownRow[];
  grouping: BreakdownGrouping;
  onGroupingChange: (grouping: BreakdownGrouping) => void;
  /** The trace's costs once loaded: a cost column for the groups' model calls. */
  costs: TraceCostsView | null;
}

const KEY_HEADERS: Record<BreakdownGrouping, string> = {
  type: 'Span type',
  model: 'Model',
  tool: 'Tool',
  agent: 'Agent',
};

const EMPTY: Record<BreakdownGrouping, string> = {
  type: 'This trace has no spans.',
  model: 'This trace has no LLM spans.',
  tool: 'This trace has no TOOL spans.',
  agent: 'Working out the agents…',
};

/** A row's colour: its span type's, or the type a model (LLM) or a tool (TOOL) belongs to. */
function colorOf(grouping: BreakdownGrouping, key: string): string {
  switch (grouping) {
    case 'type':
      return spanTypeColor(key);
    case 'model':
      return spanTypeColor('LLM');
    case 'tool':
      return spanTypeColor('TOOL');
    case 'agent':
      return spanTypeColor('AGENT');
  }
}

/** "Where the time went": spans grouped by type, model or tool, with their time and tokens. */
export function TimeBreakdownTable({
  rows,
  grouping,
  onGroupingChange,
  costs,
}: TimeBreakdownTableProps) {
  const id = useId();
  return (
    <section className={styles.breakdown} aria-labelledby={`${id}-title`}>
      <div className={styles.header}>
        <h2 id={`${id}-title`}>Where the time went</h2>
        <label className="inline-field">
          Group by
          <select
            value={grouping}
            onChange={(event) => onGroupingChange(event.target.value as BreakdownGrouping)}
          >
            {BREAKDOWN_GROUPINGS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          Self time: a span’s duration minus the time its children cover. Share: of the self time of
          all the trace’s spans together, so span types add up to 100% even when spans run in
          parallel. A team’s delegate_task_to_member call counts only the time its member’s run
          leaves uncovered.{costs && ` Cost: ${costs.notes.estimate}`}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{EMPTY[grouping]}</p>
      ) : (
        <table className={`data-table compact ${styles.table}`} aria-label="Where the time went">
          <thead>
            <tr>
              <th scope="col">{KEY_HEADERS[grouping]}</th>
              <th scope="col" className="numeric">
                Count
              </th>
              <th scope="col" className="numeric" title="Sum of durations; nested spans each count">
                Total
              </th>
              <th scope="col" className="numeric">
                Self time
              </th>
              <th scope="col" title="The group’s self time over all spans’ self time">
                Share of self time
              </th>
              <th scope="col" className="numeric">
                Tokens
              </th>
              {costs && (
                <th scope="col" className="numeric" title={costs.notes.estimate}>
                  Cost (est.)
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const percent = row.share * 100;
              const tokens = row.inputTokens + row.outputTokens;
              return (
                <tr key={row.key}>
                  <th scope="row">{row.key}</th>
                  <td className="numeric">{row.count.toLocaleString()}</td>
                  <td className="numeric">{formatDuration(row.totalUs)}</td>
                  <td className="numeric">{formatDuration(row.selfUs)}</td>
                  <td>
                    <span className={styles.shareCell}>
                      <span className={styles.shareBar} aria-hidden="true">
                        <span
                          style={{ width: `${percent}%`, background: colorOf(grouping, row.key) }}
                        />
                      </span>
                      <span className="numeric">{percent.toFixed(1)}%</span>
                    </span>
                  </td>
                  <td
                    className="numeric"
                    title={
                      tokens > 0
                        ? `${row.inputTokens.toLocaleString()} in · ${row.outputTokens.toLocaleString()} out`
                        : undefined
                    }
                  >
                    {tokens > 0 ? tokens.toLocaleString() : '–'}
                  </td>
                  {costs && (
                    <td className="numeric">
                      {row.modelCalls > 0 ? (
                        <costs.kit.CostFigure usd={row.costUsd} unpricedCalls={row.unpricedCalls} />
                      ) : (
                        '–'
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
