import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../../components/chart/ChartFrame';
import type { TraceCostsView } from '../../../components/cost/useTraceCosts';
import { contextGrowth } from './contextGrowth';
import styles from './TraceCharts.module.css';

// One colour per agent, from the span palette (agents first), in order of appearance.
const LINE_COLORS = [
  'var(--span-agent)',
  'var(--span-team)',
  'var(--span-workflow)',
  'var(--span-llm)',
  'var(--span-tool)',
  'var(--span-other)',
];

/** How each agent's prompt grows over the run's successive model calls. */
export function ContextGrowthChart({ costs }: { costs: TraceCostsView }) {
  const growth = useMemo(() => contextGrowth(costs.costs.contextPoints), [costs]);
  if (growth.rows.length < 2) return null;
  return (
    <ChartFrame
      title="Context growth"
      description={`Input tokens of each model call, in the order the calls started, one line per agent. ${costs.notes.window}`}
      height={220}
    >
      <LineChart data={growth.rows} margin={{ left: 16, right: 24, top: 8 }}>
        <CartesianGrid vertical={false} />
        <XAxis
          dataKey="call"
          type="number"
          domain={[1, growth.rows.length]}
          allowDecimals={false}
          label={{ value: 'Model call', position: 'insideBottomRight', offset: -4 }}
        />
        <YAxis tickFormatter={(n: number) => n.toLocaleString()} width={72} />
        <Tooltip
          formatter={(value, name) => [`${Number(value).toLocaleString()} tokens`, name]}
          labelFormatter={(call) => `Model call ${Number(call)}`}
        />
        <Legend formatter={(name) => <span className={styles.legendText}>{name}</span>} />
        {growth.agents.map((agent, k) => (
          <Line
            key={agent}
            dataKey={agent}
            name={agent}
            stroke={LINE_COLORS[k % LINE_COLORS.length]}
            connectNulls
            isAnimationActive={false}
            dot={{ r: 3 }}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
