/** How the benchmark finds the app's parts: by role and accessible name, as a user would. */
export const WATERFALL = '[role="treegrid"][aria-label="Span waterfall"]';
/** Span rows (the header row has no aria-level). */
export const SPAN_ROWS = `${WATERFALL} [role="row"][aria-level]`;
export const SPAN_DETAILS = 'section[aria-label="Span details"]';
export const SEARCH_BOX = 'input[aria-label="Search spans"]';
export const TRACE_LIST_ROWS = 'table[aria-label="Traces"] tbody tr';
/** The flame graph's canvas (its accessible name counts the spans). */
export const FLAME_GRAPH = 'canvas[aria-roledescription="flame graph"]';
/** The waterfall's time axis (its column header), which takes the zoom gestures. */
export const TIME_AXIS = `${WATERFALL} [role="columnheader"][aria-label="Timeline"]`;
/** The overview's zoom window, whose text is the shown range. */
export const ZOOM_WINDOW = '[role="slider"][aria-label="Zoomed time range"]';
/** A bar of the swimlanes (shown with the waterfall's "Lanes" toggle). */
export const LANE_BARS = '[role="table"][aria-label="Swimlanes"] button[data-index]';
/** The loading page's preview of the first spans, under the "Loading trace" progress bar. */
export const PREVIEW_ROWS = 'ol[aria-label="First spans received"] li';
