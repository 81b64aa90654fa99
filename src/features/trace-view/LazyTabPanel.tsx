import { Suspense, type ReactNode } from 'react';
import { LoadingState } from '../../components/PageState';
import type { ViewTab } from './traceSearch';

export interface LazyTabPanelProps {
  /** The view tab the panel belongs to: it names the panel's id and its tab. */
  name: ViewTab;
  className?: string;
  /** Shown while the view's code loads. */
  loadingLabel: string;
  children: ReactNode;
}

/** A trace view's tab panel whose view is loaded on first use: a loading state until it comes. */
export function LazyTabPanel({ name, className, loadingLabel, children }: LazyTabPanelProps) {
  return (
    <div
      role="tabpanel"
      id={`trace-tabpanel-${name}`}
      aria-labelledby={`trace-tab-${name}`}
      className={className}
    >
      <Suspense fallback={<LoadingState label={loadingLabel} />}>{children}</Suspense>
    </div>
  );
}
