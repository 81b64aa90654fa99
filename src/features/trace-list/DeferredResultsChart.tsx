import { lazy, Suspense } from 'react';
import { useAfterFirstPaint } from '../../lib/useAfterFirstPaint';
import styles from './DeferredResultsChart.module.css';
import type { ResultsChartProps } from './ResultsChart';

// Recharts is the heaviest dependency: its code is fetched once the table has painted.
const ResultsChart = lazy(() =>
  import('./ResultsChart').then((module) => ({ default: module.ResultsChart })),
);

const placeholder = <div className={styles.placeholder} aria-hidden="true" />;

/** The results chart, loaded after the first paint of the results it sits above. */
export function DeferredResultsChart(props: ResultsChartProps) {
  // Mounted together with the table, so "after the first paint" means after the rows show.
  const isPainted = useAfterFirstPaint();
  if (!isPainted) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <ResultsChart {...props} />
    </Suspense>
  );
}
