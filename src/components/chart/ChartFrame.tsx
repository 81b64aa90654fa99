import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

export interface ChartFrameProps {
  /** The chart's accessible name, also shown as its caption. */
  title: string;
  /** One line on what the chart shows and how to use it. */
  description?: ReactNode;
  /** Plot height in pixels; the width follows the container. */
  height?: number;
  /** A legend or controls shown beside the caption. */
  aside?: ReactNode;
  /** One Recharts chart element (ScatterChart, BarChart …). */
  children: ReactElement;
}

/**
 * The one wrapper around every Recharts chart: a labelled figure with a caption, a fixed
 * height and a responsive width. Colours come from the theme's CSS variables (see the chart
 * section of styles.css), so charts follow light and dark themes without props.
 */
export function ChartFrame({ title, description, height = 200, aside, children }: ChartFrameProps) {
  return (
    <figure className="chart-frame" aria-label={title}>
      <figcaption className="chart-caption">
        <span className="chart-title">{title}</span>
        {description && <span className="muted chart-description">{description}</span>}
        {aside && <span className="chart-aside">{aside}</span>}
      </figcaption>
      <div className="chart-plot" style={{ height }}>
        {/* The initial size only matters until the first measurement (and where there is none). */}
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
