/** What one benchmark run writes to bench/results/*.json, and the table is made from. */

/**
 * The load of a trace, timed from the first byte of its answer (Resource Timing
 * `responseStart` of GET /traces/{id}): what the reader waits for once the server answers.
 */
export interface LoadMetrics {
  /** Navigation start → the first byte of the trace's answer. */
  firstByte: number;
  /** First byte → the first span rows painted: the loading preview, or the waterfall if first. */
  firstRows: number;
  /** First byte → the loading page's preview rows painted; NaN when none was shown. */
  previewRows: number;
  /** First byte → the interactive waterfall's first rows painted. */
  loaded: number;
  /**
   * Navigation start → the first span rows painted: what the reader waits for in all, the boot
   * included (times from the first byte leave it out, and move when the request moves).
   */
  firstRowsFromNavigation: number;
  /** Navigation start → the interactive waterfall's first rows painted. */
  loadedFromNavigation: number;
  /** The longest main-thread task (PerformanceObserver longtask) from navigation to loaded. */
  longestTask: number;
}

/** One fresh page on one trace. Times in ms, sizes in bytes; NaN when not measurable. */
export interface RunMetrics extends LoadMetrics {
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
  /** Long tasks' time in the fixed window after the first waterfall rows (AFTER_PAINT_WINDOW_MS). */
  longTasksAfterPaint: number;
  select: number;
  /** Query entered → the matching row in view highlighted and a count shown. */
  search: number;
  /** Query entered → the final count painted: every span's long texts looked through. */
  searchAll: number;
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
  /** ArrayBuffers' backing stores then (CDP `Runtime.getHeapUsage().backingStorageSize`). */
  backingStorageBytes: number;
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

export interface RunResult {
  metrics: Partial<RunMetrics>;
  details: Partial<RunDetails>;
}

/** The runs of one trace on one network; `failures` holds the errors of runs that failed. */
export interface NetworkResult {
  median: Partial<RunMetrics>;
  runs: RunResult[];
  failures: string[];
}

export interface SizeResult extends NetworkResult {
  /** As asked for on the command line: `100000`, `1gb`. */
  token: string;
  spans: number;
  /** Every span input carries a document this long (the 1 GB trace). */
  inputDocumentBytes?: number;
  traceId: string;
  jsonBytes: number;
  /** The same trace at 100 Mbit/s (CDP network emulation), load only; absent when not run. */
  throttled?: NetworkResult;
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
  options: {
    runs: number;
    /** Runs of the big sizes (over 100,000 spans or with long inputs). */
    bigRuns: number;
    sizes: string[];
    isThrottled: boolean;
    dist: string;
    seed: number;
  };
  sizes: SizeResult[];
  bundles: RouteBundle[];
  /** Lazily loaded chunks in the build (from .vite/manifest.json), for reference. */
  lazyChunks: BundleFile[];
}
