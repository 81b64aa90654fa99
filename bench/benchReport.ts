/** What one benchmark run writes to bench/results/*.json, and the table is made from. */

/** One fresh page on one trace. Times in ms, sizes in bytes; NaN when not measurable. */
export interface RunMetrics {
  /** Navigation start → first waterfall rows painted and no long task for a while after. */
  open: number;
  /** Navigation start → the trace request sent (HTML, JS, config.json, first render). */
  boot: number;
  /** The trace request: sent → last byte received. */
  network: number;
  /** Last byte received → open: all the page's own work on the trace. */
  afterData: number;
  /** Last byte → JSON.parse starts (reading the body into a string). */
  readBody: number;
  jsonParse: number;
  validate: number;
  buildTree: number;
  /** buildSpanTree done → first rows painted (React render, the view's memos, layout, paint). */
  render: number;
  /** First rows painted → end of the last long task (0 when nothing ran after). */
  settle: number;
  select: number;
  search: number;
  collapseAll: number;
  expandAll: number;
  scrollMedian: number;
  scrollP95: number;
  /** Click on the "Flame graph" tab → the graph drawn and painted (its lazy chunk included). */
  flameOpen: number;
  /** The app's own `flame-draw` measure of that first draw: canvas sizing, layout and drawing. */
  flameDraw: number;
  /**
   * The app's own `overview-draw` measure of the waterfall's overview, drawn at open: canvas
   * sizing, binning every span into pixel columns × depth bands, and drawing.
   */
  overviewDraw: number;
  /** A wheel notch on the waterfall's time axis → the zoomed waterfall painted (median of 5). */
  zoomWheel: number;
  /** The slowest of those 5 zoom steps. */
  zoomWheelMax: number;
  /** Tick "Lanes" → the swimlanes painted (lazy chunk, lane layout, bars); NaN without lanes. */
  lanesOpen: number;
  /** V8 heap after load and a forced GC. */
  heapBytes: number;
}

export interface RunDetails {
  searchQuery: string;
  searchMatches: number;
  scrollFrames: number;
  scrollStepPx: number;
  /** Scroll frames with no span row at the middle of the view (should be 0). */
  scrollBlankFrames: number;
  /** Long tasks between navigation start and open (ms each). */
  openLongTasks: number[];
}

export interface SizeResult {
  spans: number;
  traceId: string;
  jsonBytes: number;
  median: RunMetrics;
  runs: { metrics: RunMetrics; details: RunDetails }[];
}

export interface BundleFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface RouteBundle {
  route: string;
  url: string;
  /** JavaScript requested before the route's first content was painted. */
  firstPaint: BundleFile[];
  firstPaintGzipBytes: number;
  /** JavaScript requested after it (lazy chunks), within a second. */
  later: BundleFile[];
}

export interface BenchReport {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryBytes: number;
    node: string;
    chromium: string;
    /** One-minute load average before and after: above `cpus`, other work competed. */
    loadAverage: [number, number];
  };
  options: { runs: number; sizes: number[]; dist: string; seed: number };
  sizes: SizeResult[];
  bundles: RouteBundle[];
  /** Lazily loaded chunks in the build (from .vite/manifest.json), for reference. */
  lazyChunks: BundleFile[];
}
