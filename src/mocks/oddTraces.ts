import type { TraceDetail, TraceNode, TraceSummary } from '../api/schemas';
import { formatWireDuration, formatWireTime, makeLongText } from './generateTrace';

/*
 * Odd but valid traces, one per shape the viewer must survive with a note rather than a freeze
 * (issue 6): duplicate span ids and a span listed under two parents, an empty tree, negative and
 * zero durations, dates without a zone or not dates at all, `total_spans` disagreeing with the
 * tree, orphan roots, 10 MB strings, 100,000 siblings, 10,000 levels. They share the mock
 * database `hostile-traces` with the script-injection traces.
 *
 * The big ones are built on first use: the browser demo creates the mock database on every page
 * load, and most pages never open them.
 */

export interface LazyTrace {
  /** What the list shows, known without building the tree. */
  summary: TraceSummary;
  /** The whole trace, built on the first call; the same object afterwards. */
  detail: () => TraceDetail;
}

export const ODD_TRACE_IDS = {
  duplicateIds: 'odd-duplicate-ids',
  emptyTree: 'odd-empty-tree',
  negativeDurations: 'odd-negative-durations',
  zonelessDates: 'odd-zoneless-dates',
  unparsableDates: 'odd-unparsable-dates',
  moreSpansCounted: 'odd-total-spans-high',
  fewerSpansCounted: 'odd-total-spans-low',
  orphanRoots: 'odd-orphan-roots',
  hugeStrings: 'odd-10mb-strings',
  manySiblings: 'odd-100k-siblings',
  deepChain: 'odd-depth-10000',
} as const;

const HUGE_STRING_CHARS = 10_000_000;
const SIBLING_COUNT = 100_000;
const CHAIN_DEPTH = 10_000;

interface SpanSpec {
  id: string;
  name?: string;
  type?: string;
  startUs: number;
  endUs: number;
  status?: string;
  spans?: TraceNode[];
  extra?: Partial<TraceNode>;
  /** Written without a zone, as a database that lost it does. */
  zoneless?: boolean;
}

function wireTime(us: number, zoneless = false): string {
  const text = formatWireTime(us, 'Z');
  return zoneless ? text.slice(0, -1) : text;
}

function span(spec: SpanSpec): TraceNode {
  return {
    id: spec.id,
    name: spec.name ?? `${spec.id}.run`,
    type: spec.type ?? 'TOOL',
    duration: formatWireDuration(Math.max(0, spec.endUs - spec.startUs)),
    start_time: wireTime(spec.startUs, spec.zoneless),
    end_time: wireTime(spec.endUs, spec.zoneless),
    status: spec.status ?? 'OK',
    ...(spec.spans ? { spans: spec.spans } : {}),
    ...spec.extra,
  };
}

interface TraceSpec {
  traceId: string;
  name: string;
  startUs: number;
  endUs: number;
  totalSpans: number;
  errorCount?: number;
  zoneless?: boolean;
  /** Summary fields that differ from the defaults. */
  extra?: Partial<TraceSummary>;
  /** The TraceDetail's own fields (`output`, `error`), built with the tree. */
  detailExtra?: () => Partial<TraceDetail>;
  tree: () => TraceNode[];
}

function trace(spec: TraceSpec): LazyTrace {
  const summary: TraceSummary = {
    trace_id: spec.traceId,
    name: spec.name,
    status: (spec.errorCount ?? 0) > 0 ? 'ERROR' : 'OK',
    duration: formatWireDuration(Math.max(0, spec.endUs - spec.startUs)),
    start_time: wireTime(spec.startUs, spec.zoneless),
    end_time: wireTime(spec.endUs, spec.zoneless),
    total_spans: spec.totalSpans,
    error_count: spec.errorCount ?? 0,
    input: `Odd data: ${spec.name}`,
    agent_id: 'odd_data_agent',
    created_at: wireTime(spec.endUs, spec.zoneless).replace(/\.\d+/, ''),
    ...spec.extra,
  };
  let detail: TraceDetail | undefined;
  return {
    summary,
    detail: () => (detail ??= { ...summary, ...spec.detailExtra?.(), tree: spec.tree() }),
  };
}

const MS = 1000;

/** The odd traces, an hour or two before `nowMs`, a minute apart. */
export function generateOddTraces(nowMs: number): LazyTrace[] {
  const base = (nowMs - 2 * 60 * 60_000) * MS;
  const at = (minute: number) => base + minute * 60_000 * MS;
  const traces: LazyTrace[] = [];

  {
    // The same span under two parents (a subtree serialized twice) and two spans sharing an id.
    const start = at(0);
    const shared = () =>
      span({
        id: 'shared-subtree-0001',
        name: 'lookup_customer',
        startUs: start + 20 * MS,
        endUs: start + 60 * MS,
        spans: [
          span({ id: 'shared-child-0002', startUs: start + 25 * MS, endUs: start + 50 * MS }),
        ],
      });
    traces.push(
      trace({
        traceId: ODD_TRACE_IDS.duplicateIds,
        name: 'Odd_Duplicate_Ids.run',
        startUs: start,
        endUs: start + 200 * MS,
        // 7 stored spans; the tree holds 9, the shared subtree twice.
        totalSpans: 7,
        tree: () => [
          span({
            id: 'dup-root-0000',
            name: 'Odd_Duplicate_Ids.run',
            type: 'AGENT',
            startUs: start,
            endUs: start + 200 * MS,
            spans: [
              span({
                id: 'parent-a-0003',
                type: 'CHAIN',
                startUs: start + 10 * MS,
                endUs: start + 90 * MS,
                spans: [shared()],
              }),
              span({
                id: 'parent-b-0004',
                type: 'CHAIN',
                startUs: start + 100 * MS,
                endUs: start + 190 * MS,
                spans: [shared()],
              }),
              span({
                id: 'same-id-0005',
                name: 'first_with_this_id',
                startUs: start + 110 * MS,
                endUs: start + 120 * MS,
              }),
              span({
                id: 'same-id-0005',
                name: 'second_with_this_id',
                startUs: start + 130 * MS,
                endUs: start + 140 * MS,
              }),
            ],
          }),
        ],
      }),
    );
  }

  traces.push(
    trace({
      traceId: ODD_TRACE_IDS.emptyTree,
      name: 'Odd_Empty_Tree.run',
      startUs: at(1),
      endUs: at(1) + 500 * MS,
      totalSpans: 4,
      detailExtra: () => ({ output: 'The server kept the trace but none of its spans.' }),
      tree: () => [],
    }),
  );

  {
    const start = at(2);
    traces.push(
      trace({
        traceId: ODD_TRACE_IDS.negativeDurations,
        name: 'Odd_Negative_Durations.run',
        startUs: start,
        endUs: start + 300 * MS,
        totalSpans: 5,
        tree: () => [
          span({
            id: 'neg-root-0000',
            name: 'Odd_Negative_Durations.run',
            type: 'AGENT',
            startUs: start,
            endUs: start + 300 * MS,
            spans: [
              span({
                id: 'ends-before-start-0001',
                name: 'ends_before_it_starts',
                startUs: start + 200 * MS,
                endUs: start + 50 * MS,
                extra: { duration: '-150ms' },
              }),
              span({
                id: 'negative-text-0002',
                name: 'negative_duration_text',
                startUs: start + 100 * MS,
                endUs: start + 90 * MS,
                extra: { duration: '-10ms' },
              }),
              span({
                id: 'zero-0003',
                name: 'zero_duration',
                startUs: start + 120 * MS,
                endUs: start + 120 * MS,
              }),
              span({
                id: 'zero-0004',
                name: 'zero_duration_again',
                startUs: start + 150 * MS,
                endUs: start + 150 * MS,
              }),
            ],
          }),
        ],
      }),
    );
  }

  {
    const start = at(3);
    const zoneless = true;
    traces.push(
      trace({
        traceId: ODD_TRACE_IDS.zonelessDates,
        name: 'Odd_Zoneless_Dates.run',
        startUs: start,
        endUs: start + 400 * MS,
        totalSpans: 3,
        zoneless,
        tree: () => [
          span({
            id: 'zoneless-root-0000',
            name: 'Odd_Zoneless_Dates.run',
            type: 'AGENT',
            startUs: start,
            endUs: start + 400 * MS,
            zoneless,
            spans: [
              span({
                id: 'zoneless-0001',
                startUs: start + 10 * MS,
                endUs: start + 200 * MS,
                zoneless,
              }),
              // A space instead of the "T", as some databases print it.
              span({
                id: 'zoneless-0002',
                startUs: start + 210 * MS,
                endUs: start + 390 * MS,
                zoneless,
                extra: {
                  start_time: wireTime(start + 210 * MS, true).replace('T', ' '),
                  end_time: wireTime(start + 390 * MS, true).replace('T', ' '),
                },
              }),
            ],
          }),
        ],
      }),
    );
  }

  {
    const start = at(4);
    traces.push(
      trace({
        traceId: ODD_TRACE_IDS.unparsableDates,
        name: 'Odd_Unparsable_Dates.run',
        startUs: start,
        endUs: start + 400 * MS,
        totalSpans: 4,
        extra: { end_time: 'not a date' },
        tree: () => [
          span({
            id: 'bad-dates-root-0000',
            name: 'Odd_Unparsable_Dates.run',
            type: 'AGENT',
            startUs: start,
            endUs: start + 400 * MS,
            spans: [
              span({
                id: 'bad-dates-0001',
                name: 'start_is_not_a_date',
                startUs: start,
                endUs: start + 100 * MS,
                extra: { start_time: 'yesterday' },
              }),
              span({
                id: 'bad-dates-0002',
                name: 'end_is_empty',
                startUs: start + 100 * MS,
                endUs: start,
                extra: { end_time: '' },
              }),
              span({
                id: 'bad-dates-0003',
                name: 'not_iso_8601',
                startUs: start,
                endUs: start + 10 * MS,
                extra: { start_time: '19/11/2025 10:30:00' },
              }),
            ],
          }),
        ],
      }),
    );
  }

  {
    const start = at(5);
    const small = (id: string, name: string) =>
      span({
        id: `${id}-root`,
        name,
        type: 'AGENT',
        startUs: start,
        endUs: start + 100 * MS,
        spans: [1, 2, 3].map((k) =>
          span({
            id: `${id}-${k}`,
            startUs: start + k * 10 * MS,
            endUs: start + k * 10 * MS + 5 * MS,
          }),
        ),
      });
    traces.push(
      trace({
        traceId: ODD_TRACE_IDS.moreSpansCounted,
        name: 'Odd_Total_Spans_High.run',
        startUs: start,
        endUs: start + 100 * MS,
        totalSpans: 5_000,
        tree: () => [small('count-high', 'Odd_Total_Spans_High.run')],
      }),
      trace({
        traceId: ODD_TRACE_IDS.fewerSpansCounted,
        name: 'Odd_Total_Spans_Low.run',
        startUs: start + 1,
        endUs: start + 100 * MS,
        totalSpans: 1,
        tree: () => [small('count-low', 'Odd_Total_Spans_Low.run')],
      }),
    );
  }

  {
    const start = at(6);
    traces.push(
      trace({
        traceId: ODD_TRACE_IDS.orphanRoots,
        name: 'Odd_Orphan_Roots.run',
        startUs: start,
        endUs: start + 300 * MS,
        totalSpans: 4,
        tree: () => [
          span({
            id: 'orphans-root-0000',
            name: 'Odd_Orphan_Roots.run',
            type: 'AGENT',
            startUs: start,
            endUs: start + 300 * MS,
            spans: [
              span({ id: 'orphans-child-0001', startUs: start + 10 * MS, endUs: start + 90 * MS }),
            ],
          }),
          span({
            id: 'orphan-0002',
            name: 'late_tool',
            startUs: start + 100 * MS,
            endUs: start + 150 * MS,
          }),
          span({
            id: 'orphan-0003',
            name: 'lost_llm',
            type: 'LLM',
            startUs: start + 160 * MS,
            endUs: start + 290 * MS,
          }),
        ],
      }),
    );
  }

  {
    const start = at(7);
    // One string shared by the trace's output and a span's: 10 MB each on the wire.
    let huge: string | undefined;
    const hugeText = () =>
      (huge ??= `${makeLongText(HUGE_STRING_CHARS - 24)}\n<end of the 10 MB text>`);
    const end = start + 5_000 * MS;
    traces.push(
      trace({
        traceId: ODD_TRACE_IDS.hugeStrings,
        name: 'Odd_10MB_Strings.run',
        startUs: start,
        endUs: end,
        totalSpans: 3,
        detailExtra: () => ({ output: hugeText() }),
        tree: () => [
          span({
            id: 'huge-root-0000',
            name: 'Odd_10MB_Strings.run',
            type: 'AGENT',
            startUs: start,
            endUs: end,
            spans: [
              span({
                id: 'huge-llm-0001',
                name: 'gpt-4o.invoke',
                type: 'LLM',
                startUs: start + 10 * MS,
                endUs: end - 10 * MS,
                extra: {
                  input: 'Write ten megabytes.',
                  output: hugeText(),
                  metadata: { model: 'gpt-4o', input_tokens: 5, output_tokens: 2_500_000 },
                },
              }),
              span({
                id: 'huge-tool-0002',
                name: 'save_report',
                startUs: end - 9 * MS,
                endUs: end - 1 * MS,
                extra: { input: hugeText().slice(0, 1_000_000), output: 'saved' },
              }),
            ],
          }),
        ],
      }),
    );
  }

  {
    const start = at(8);
    const end = start + SIBLING_COUNT * 10 * MS;
    traces.push(
      trace({
        traceId: ODD_TRACE_IDS.manySiblings,
        name: 'Odd_100k_Siblings.run',
        startUs: start,
        endUs: end,
        totalSpans: SIBLING_COUNT + 1,
        tree: () => {
          const children = new Array<TraceNode>(SIBLING_COUNT);
          for (let k = 0; k < SIBLING_COUNT; k++) {
            const at = start + k * 10 * MS;
            children[k] = span({
              id: `sibling-${String(k).padStart(6, '0')}`,
              name: 'process_item',
              startUs: at + MS,
              endUs: at + 9 * MS,
              extra: { input: `{"item": ${k}}`, output: `item ${k} done` },
            });
          }
          return [
            span({
              id: 'siblings-root-000000',
              name: 'Odd_100k_Siblings.run',
              type: 'WORKFLOW',
              startUs: start,
              endUs: end,
              spans: children,
            }),
          ];
        },
      }),
    );
  }

  {
    const start = at(9);
    const end = start + CHAIN_DEPTH * 20 * MS;
    traces.push(
      trace({
        traceId: ODD_TRACE_IDS.deepChain,
        name: 'Odd_Depth_10000.run',
        startUs: start,
        endUs: end,
        totalSpans: CHAIN_DEPTH,
        tree: () => {
          // Built from the deepest level up: no recursion at 10,000 levels.
          let child: TraceNode | undefined;
          for (let level = CHAIN_DEPTH - 1; level >= 0; level--) {
            child = span({
              id: `level-${String(level).padStart(5, '0')}`,
              name: level === 0 ? 'Odd_Depth_10000.run' : `delegate_level_${level}`,
              type: level === 0 ? 'AGENT' : level % 2 === 0 ? 'AGENT' : 'TOOL',
              startUs: start + level * 10 * MS,
              endUs: end - level * 10 * MS,
              ...(child ? { spans: [child] } : {}),
            });
          }
          return [child!];
        },
      }),
    );
  }

  return traces;
}
