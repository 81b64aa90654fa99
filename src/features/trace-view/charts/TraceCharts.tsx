import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../../components/chart/ChartFrame';
import { spanTypeColor } from '../../../components/spanTypeColor';
import { formatDuration } from '../../../lib/time';
import { breakdownBy } from '../analysis/timeBreakdown';
import { useTraceCostsView, useTraceView } from '../traceViewContext';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { summarizeTokensByModel } from '../waterfall/selfTime';
import { ContextGrowthChart } from './ContextGrowthChart';
import { TimeBreakdownTable } from './TimeBreakdownTable';
import styles from './TraceCharts.module.css';
import { shortModelName } from '../../../domain/trace/shortModelName';

export interface TraceChartsProps {
  tree: TraceModel;
  selfTimes: Float64Array;
}

/**
 * Where the time and the tokens went. Time is self time, so a parent and its children are not
 * counted twice. Loaded lazily: Recharts is the heaviest part of the app.
 */
export default function TraceCharts({ tree, selfTimes }: TraceChartsProps) {
  // The grouping is part of the view, and so of the URL (`group=`).
  const grouping = useTraceView((state) => state.grouping);
  const setGrouping = useTraceView((state) => state.setGrouping);
  const costs = useTraceCostsView();
  const traceCosts = costs?.costs ?? null;
  const byType = useMemo(
    () => breakdownBy(tree, selfTimes, 'type', traceCosts),
    [tree, selfTimes, traceCosts],
  );
  const breakdown = useMemo(
    () => (grouping === 'type' ? byType : breakdownBy(tree, selfTimes, grouping, traceCosts)),
    [tree, selfTimes, grouping, byType, traceCosts],
  );
  const timeByType = useMemo(
    () =>
      byType.map((row) => ({
        type: row.key,
        selfMs: row.selfUs / 1000,
        color: spanTypeColor(row.key),
      })),
    [byType],
  );
  const tokensByModel = useMemo(() => summarizeTokensByModel(tree), [tree]);

  return (
    <div className={styles.charts}>
      <TimeBreakdownTable
        rows={breakdown}
        grouping={grouping}
        onGroupingChange={setGrouping}
        costs={costs}
      />
      <ChartFrame
        title="Time by span type"
        description="Self time: each span’s duration minus the time its children cover."
        height={Math.max(120, timeByType.length * 34 + 40)}
      >
        <BarChart data={timeByType} layout="vertical" margin={{ left: 16, right: 24 }}>
          <CartesianGrid horizontal={false} />
          <XAxis type="number" tickFormatter={(ms: number) => formatDuration(ms * 1000)} />
          <YAxis type="category" dataKey="type" width={96} />
          <Tooltip
            formatter={(ms) => [formatDuration(Number(ms) * 1000), 'Self time']}
            cursor={{ fillOpacity: 0.1 }}
          />
          {/* Each type in its own colour, as in the waterfall. */}
          <Bar dataKey="selfMs" name="Self time" isAnimationActive={false}>
            {timeByType.map((row) => (
              <Cell key={row.type} fill={row.color} />
            ))}
          </Bar>
        </BarChart>
      </ChartFrame>

      {costs && <ContextGrowthChart costs={costs} />}
      {tokensByModel.length === 0 ? (
        <p className="muted">No LLM span in this trace reports tokens.</p>
      ) : (
        <>
          <ChartFrame
            title="Tokens by model"
            description="Input and output tokens of each model’s calls."
            height={Math.max(120, tokensByModel.length * 40 + 60)}
          >
            <BarChart data={tokensByModel} layout="vertical" margin={{ left: 16, right: 24 }}>
              <CartesianGrid horizontal={false} />
              <XAxis type="number" tickFormatter={(n: number) => n.toLocaleString()} />
              {/* Short names fit the axis; the tooltip and the table below give the full id. */}
              <YAxis type="category" dataKey="model" width={170} tickFormatter={shortModelName} />
              <Tooltip cursor={{ fillOpacity: 0.1 }} />
              {/* Names in the text colour: the light input colour is too faint for text. */}
              <Legend formatter={(name) => <span className={styles.legendText}>{name}</span>} />
              <Bar
                dataKey="inputTokens"
                name="Input"
                stackId="tokens"
                fill="var(--tokens-input)"
                isAnimationActive={false}
              />
              <Bar
                dataKey="outputTokens"
                name="Output"
                stackId="tokens"
                fill="var(--tokens-output)"
                isAnimationActive={false}
              />
            </BarChart>
          </ChartFrame>
          <table
            className={`data-table compact ${styles.tokensTable}`}
            aria-label="Tokens by model"
          >
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Calls</th>
                <th scope="col">Input</th>
                <th scope="col">Output</th>
              </tr>
            </thead>
            <tbody>
              {tokensByModel.map((row) => (
                <tr key={row.model}>
                  <td>{row.model}</td>
                  <td className="numeric">{row.calls.toLocaleString()}</td>
                  <td className="numeric">{row.inputTokens.toLocaleString()}</td>
                  <td className="numeric">{row.outputTokens.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
