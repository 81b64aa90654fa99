import type {
  ConfigResponse,
  TraceDetail,
  TraceNode,
  TraceSessionStats,
  TraceSummary,
} from '../api/schemas';
import { parseIsoToUs } from './filterExpression';
import { AGENTS, TEAMS, WORKFLOWS, generateTrace } from './generateTrace';
import type { EntryPoint, Outcome, TraceKind } from './generateTrace';
import { generateHostileTraces } from './hostileTraces';
import { generateOddTraces } from './oddTraces';
import type { LazyTrace } from './oddTraces';
import { createRandom } from './random';
import { RECORDED_DB_ID, RECORDED_DB_NAME, recordedTraces } from './recordedTraces';
import type { Random } from './random';

/*
 * The mock AgentOS's trace databases: seeded TraceDetails spread over the week before `nowMs`,
 * with fast accessors for the handlers. Everything is computed once; the span index is built
 * on the first span lookup.
 */

const DEFAULT_DB_ID = 'agno-traces';
const STAGING_DB_ID = 'staging-traces';
/** Script-injection payloads and odd-but-valid shapes (src/mocks/hostileTraces.ts, oddTraces.ts). */
export const HOSTILE_DB_ID = 'hostile-traces';
/** Fixed default clock, so a database made without `nowMs` is the same on every machine. */
export const DEFAULT_NOW_MS = Date.UTC(2025, 10, 19, 12, 0, 0);

export interface StoredTrace {
  detail: TraceDetail;
  summary: TraceSummary;
  /** Epoch microseconds, parsed once: filters and ordering use these. */
  startUs: number;
  endUs: number;
  createdUs: number;
}

export interface SpanHit {
  entry: StoredTrace;
  node: TraceNode;
  /** One of `tree`'s roots: the server shows those differently (see the handlers). */
  isRoot: boolean;
  /** The trace's main root (`tree[0]`), whose input/output live on the TraceDetail. */
  isMainRoot: boolean;
}

export interface TraceStore {
  id: string;
  displayName: string;
  /** Newest first by start time: the server's only order. */
  entries: readonly StoredTrace[];
  getTrace(traceId: string): StoredTrace | undefined;
  getTraceByRunId(runId: string): StoredTrace | undefined;
  /** Where a span id lives, across every trace of this database. */
  findSpan(spanId: string): SpanHit | undefined;
}

export interface MockDatabase {
  defaultDbId: string;
  dbIds: string[];
  /** The store for `db_id`; no id means the default one; undefined for an unknown id. */
  store(dbId?: string | null): TraceStore | undefined;
  config: ConfigResponse;
  /** Shortcuts to the default database. */
  list(): TraceDetail[];
  summaries(): TraceSummary[];
  getTrace(traceId: string): TraceDetail | undefined;
  getTraceByRunId(runId: string): TraceDetail | undefined;
  sessionStats(): TraceSessionStats[];
}

export interface MockDatabaseOptions {
  seed?: number;
  /** Traces in the default database, the large demo trace included. Default 95. */
  traceCount?: number;
  nowMs?: number;
  /** Added to the default database on top of `traceCount` (e.g. benchmark traces). */
  extraTraces?: TraceDetail[];
  /** Spans of the one large demo trace; 0 leaves it out. Default 2,000. */
  largeTraceSpans?: number;
  /** Traces in the second database. Default 12. */
  stagingTraceCount?: number;
  /** The third database, `hostile-traces`; its big traces are built on first use. Default true. */
  hostileDatabase?: boolean;
  /** `recorded-agentos`: the real AgentOS traces of src/mocks/recorded/. Default true. */
  recordedDatabase?: boolean;
}

export function toSummary(detail: TraceDetail): TraceSummary {
  const { output: _output, error: _error, tree: _tree, ...summary } = detail;
  return summary;
}

/** Groups traces by session, newest session activity first, as GET /trace_session_stats. */
export function sessionStatsOf(entries: readonly StoredTrace[]): TraceSessionStats[] {
  interface Group {
    stats: TraceSessionStats;
    firstUs: number;
    lastUs: number;
  }
  const groups = new Map<string, Group>();
  // From the summaries: a lazily built trace (oddTraces.ts) is not built to be counted.
  for (const { summary, createdUs } of entries) {
    const sessionId = summary.session_id;
    if (!sessionId) continue;
    let group = groups.get(sessionId);
    if (!group) {
      const stats: TraceSessionStats = {
        session_id: sessionId,
        total_traces: 0,
        first_trace_at: summary.created_at,
        last_trace_at: summary.created_at,
      };
      group = { stats, firstUs: createdUs, lastUs: createdUs };
      groups.set(sessionId, group);
    }
    const { stats } = group;
    stats.total_traces += 1;
    for (const key of ['user_id', 'agent_id', 'team_id', 'workflow_id'] as const) {
      const value = summary[key];
      if (value && !stats[key]) stats[key] = value;
    }
    if (createdUs < group.firstUs) {
      group.firstUs = createdUs;
      stats.first_trace_at = summary.created_at;
    }
    if (createdUs > group.lastUs) {
      group.lastUs = createdUs;
      stats.last_trace_at = summary.created_at;
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.lastUs - a.lastUs)
    .map((g) => {
      // Key order as the server writes it: ids first, then the counts and times.
      const {
        session_id,
        user_id,
        agent_id,
        team_id,
        workflow_id,
        total_traces,
        first_trace_at,
        last_trace_at,
      } = g.stats;
      return {
        session_id,
        ...(user_id ? { user_id } : {}),
        ...(agent_id ? { agent_id } : {}),
        ...(team_id ? { team_id } : {}),
        ...(workflow_id ? { workflow_id } : {}),
        total_traces,
        first_trace_at,
        last_trace_at,
      };
    });
}

function toEntry(detail: TraceDetail): StoredTrace {
  return {
    detail,
    summary: toSummary(detail),
    startUs: parseIsoToUs(detail.start_time),
    endUs: parseIsoToUs(detail.end_time),
    createdUs: parseIsoToUs(detail.created_at),
  };
}

/** An entry whose TraceDetail is built when first read (the list needs only the summary). */
function toLazyEntry(trace: LazyTrace): StoredTrace {
  const { summary } = trace;
  return {
    summary,
    get detail() {
      return trace.detail();
    },
    startUs: parseIsoToUs(summary.start_time),
    endUs: parseIsoToUs(summary.end_time),
    createdUs: parseIsoToUs(summary.created_at),
  };
}

function createTraceStore(
  id: string,
  displayName: string,
  traces: readonly TraceDetail[],
): TraceStore {
  return createTraceStoreOf(id, displayName, traces.map(toEntry));
}

/** Newest first; unparsable start times (NaN) last rather than scrambling the order. */
function newestFirst(a: StoredTrace, b: StoredTrace): number {
  const aUnknown = Number.isNaN(a.startUs);
  const bUnknown = Number.isNaN(b.startUs);
  if (aUnknown || bUnknown) return Number(aUnknown) - Number(bUnknown);
  return b.startUs - a.startUs;
}

function createTraceStoreOf(id: string, displayName: string, unsorted: StoredTrace[]): TraceStore {
  const entries = unsorted.sort(newestFirst);
  const byId = new Map(entries.map((e) => [e.summary.trace_id, e]));
  const byRunId = new Map<string, StoredTrace>();
  for (const e of entries)
    if (e.summary.run_id && !byRunId.has(e.summary.run_id)) byRunId.set(e.summary.run_id, e);
  let spanIndex: Map<string, SpanHit> | undefined;

  function buildSpanIndex(): Map<string, SpanHit> {
    // An explicit stack: trees reach 100,000 spans and 10,000 levels.
    const index = new Map<string, SpanHit>();
    for (const entry of entries) {
      const stack: TraceNode[] = [];
      entry.detail.tree.forEach((root, i) => {
        index.set(root.id, { entry, node: root, isRoot: true, isMainRoot: i === 0 });
        for (const child of root.spans ?? []) stack.push(child);
      });
      for (let node = stack.pop(); node; node = stack.pop()) {
        if (!index.has(node.id))
          index.set(node.id, { entry, node, isRoot: false, isMainRoot: false });
        const children = node.spans;
        if (children)
          for (let i = 0; i < children.length; i++) stack.push(children[i] as TraceNode);
      }
    }
    return index;
  }

  return {
    id,
    displayName,
    entries,
    getTrace: (traceId) => byId.get(traceId),
    getTraceByRunId: (runId) => byRunId.get(runId),
    findSpan(spanId) {
      spanIndex ??= buildSpanIndex();
      return spanIndex.get(spanId);
    },
  };
}

const USERS = [
  'ana@example.com',
  'li.wei@example.com',
  'sam@example.org',
  'priya@example.com',
  'jonas@example.de',
  'maria@example.es',
  'kofi@example.com',
  'yuki@example.jp',
  'omar@example.com',
  'eve@example.com',
];

/** Which entity a session talks to; agents most often, as in real deployments. */
const SESSION_KINDS: TraceKind[] = [
  'agent',
  'agent',
  'team',
  'agent',
  'workflow',
  'agent',
  'team',
  'agent',
  'workflow',
  'agent',
];

interface DatasetOptions {
  seed: number;
  count: number;
  nowMs: number;
  sessionCount: number;
  largeTraceSpans: number;
}

interface PlannedTrace {
  kind: TraceKind;
  entityId: string;
  startMs: number;
  sessionId: string | null;
  userId: string | null;
  entry: EntryPoint;
  spanCount?: number;
}

function shuffledIndices(r: Random, n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}

function pickEntity(r: Random, kind: TraceKind): string {
  if (kind === 'agent') return r.pick(AGENTS.filter((a) => a.id !== 'enrichment_agent')).id;
  if (kind === 'team') return r.pick(TEAMS).id;
  return r.pick(WORKFLOWS.filter((w) => w.id !== 'batch-enrichment')).id;
}

/**
 * One database's traces: sessions of several runs each (a few in the last 15 minutes and the
 * last hour, so time presets have results), ~5% without a session. Outcomes as on the real
 * server: ~10% ERROR, ~10% OK with a failed tool the agent recovered from, ~4% OK with the
 * provider's error as output, no UNSET. Two sessions in three run through AgentOS (`.arun`), the
 * others call the agents directly (`.run`), so the same agent, team and workflow appear both ways.
 */
function generateDataset(o: DatasetOptions): TraceDetail[] {
  const r = createRandom(o.seed);
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;
  const sessionless = o.count >= 20 ? Math.round(o.count * 0.05) : 0;
  const sessionCount = Math.max(1, Math.min(o.sessionCount, o.count - sessionless));
  const inSessions = o.count - sessionless;
  const plans: PlannedTrace[] = [];

  for (let s = 0; s < sessionCount; s++) {
    const size = Math.floor(inSessions / sessionCount) + (s < inSessions % sessionCount ? 1 : 0);
    const isLargeSession = s === 2 && o.largeTraceSpans > 0;
    const kind: TraceKind = isLargeSession
      ? 'workflow'
      : (SESSION_KINDS[s % SESSION_KINDS.length] ?? 'agent');
    const entityId = isLargeSession ? 'batch-enrichment' : pickEntity(r, kind);
    const userId = s % 9 === 8 ? null : (USERS[s % USERS.length] ?? null);
    const sessionId = r.uuid();
    const entry: EntryPoint = s % 3 === 2 ? 'direct' : 'os';
    // Session 0 is under way (last 15 minutes), session 1 within the hour, then the last day,
    // then the rest of the week.
    const anchor =
      s === 0
        ? o.nowMs - 13 * minute
        : s === 1
          ? o.nowMs - 50 * minute
          : s < 6
            ? o.nowMs - r.float(1.5 * hour, day)
            : o.nowMs - r.float(day, 6.9 * day);
    let at = anchor;
    for (let k = 0; k < size; k++) {
      plans.push({
        kind,
        entityId,
        startMs: Math.round(at + r.int(0, 59_000)),
        sessionId,
        userId,
        entry,
        ...(isLargeSession && k === 0 ? { spanCount: o.largeTraceSpans } : {}),
      });
      at += (s === 0 ? r.int(2, 3) : r.int(1, 9)) * minute;
    }
  }
  for (let k = 0; k < sessionless; k++) {
    const kind = r.pick(SESSION_KINDS);
    plans.push({
      kind,
      entityId: pickEntity(r, kind),
      startMs: Math.round(o.nowMs - r.float(10 * minute, 6.9 * day)),
      sessionId: null,
      userId: r.chance(0.5) ? r.pick(USERS) : null,
      entry: r.chance(0.5) ? 'os' : 'direct',
    });
  }

  // Exact shares, so counts are predictable; the large trace stays OK.
  const order = shuffledIndices(r, plans.length).filter((i) => plans[i]?.spanCount === undefined);
  const outcomes = new Map<number, Outcome>();
  const shares: [Outcome, number][] = [
    ['error', 0.1],
    ['recovered', 0.1],
    ['model-error', 0.04],
  ];
  let next = 0;
  for (const [outcome, share] of shares) {
    for (const i of order.slice(next, next + Math.round(plans.length * share))) {
      outcomes.set(i, outcome);
    }
    next += Math.round(plans.length * share);
  }

  return plans.map((plan, i) =>
    generateTrace({
      seed: o.seed * 100_003 + i,
      kind: plan.kind,
      ...(plan.kind === 'agent'
        ? { agentId: plan.entityId }
        : plan.kind === 'team'
          ? { teamId: plan.entityId }
          : { workflowId: plan.entityId }),
      startMs: plan.startMs,
      outcome: outcomes.get(i) ?? 'ok',
      entry: plan.entry,
      sessionId: plan.sessionId,
      userId: plan.userId,
      ...(plan.spanCount ? { spanCount: plan.spanCount, orphanRoots: 0, droppedSpans: 0 } : {}),
    }),
  );
}

function buildConfig(dbIds: { id: string; displayName: string }[]): ConfigResponse {
  const [first] = dbIds;
  return {
    os_id: 'agentos-demo',
    name: 'AgentOS demo (mock data)',
    description: 'Generated traces: nothing here comes from a real server.',
    databases: dbIds.map((d) => d.id),
    ...(first ? { os_database: first.id } : {}),
    agents: AGENTS.map((a) => ({ id: a.id, name: a.name, db_id: DEFAULT_DB_ID })),
    teams: TEAMS.map((t) => ({ id: t.id, name: t.name, db_id: DEFAULT_DB_ID })),
    workflows: WORKFLOWS.map((w) => ({ id: w.id, name: w.name, db_id: DEFAULT_DB_ID })),
    traces: {
      display_name: 'Traces',
      dbs: dbIds.map((d) => ({
        db_id: d.id,
        domain_config: { display_name: d.displayName },
        tables: ['agno_traces', 'agno_spans'],
      })),
    },
  };
}

export function createMockDatabase(options: MockDatabaseOptions = {}): MockDatabase {
  const seed = options.seed ?? 42;
  const nowMs = options.nowMs ?? DEFAULT_NOW_MS;
  const main = generateDataset({
    seed,
    count: Math.max(0, Math.floor(options.traceCount ?? 95)),
    nowMs,
    sessionCount: Math.max(1, Math.round(((options.traceCount ?? 95) * 25) / 95)),
    largeTraceSpans: options.largeTraceSpans ?? 2000,
  });
  const defaultStore = createTraceStore(DEFAULT_DB_ID, 'Production traces', [
    ...main,
    ...(options.extraTraces ?? []),
  ]);
  // The other databases are built when first asked for: the demo's first page needs only the
  // default one, and the page waits for this mock server to start.
  const builders = new Map<string, { displayName: string; build: () => TraceStore }>([
    [DEFAULT_DB_ID, { displayName: defaultStore.displayName, build: () => defaultStore }],
    [
      STAGING_DB_ID,
      {
        displayName: 'Staging traces',
        build: () =>
          createTraceStore(
            STAGING_DB_ID,
            'Staging traces',
            generateDataset({
              seed: seed + 7919,
              count: Math.max(0, Math.floor(options.stagingTraceCount ?? 12)),
              nowMs,
              sessionCount: 4,
              largeTraceSpans: 0,
            }),
          ),
      },
    ],
  ]);
  if (options.recordedDatabase ?? true) {
    builders.set(RECORDED_DB_ID, {
      displayName: RECORDED_DB_NAME,
      build: () => createTraceStore(RECORDED_DB_ID, RECORDED_DB_NAME, recordedTraces()),
    });
  }
  if (options.hostileDatabase ?? true) {
    const displayName = 'Hostile and odd data (tests)';
    builders.set(HOSTILE_DB_ID, {
      displayName,
      build: () =>
        createTraceStoreOf(HOSTILE_DB_ID, displayName, [
          ...generateHostileTraces(nowMs).map(({ detail }) => toEntry(detail)),
          ...generateOddTraces(nowMs).map(toLazyEntry),
        ]),
    });
  }
  const built = new Map<string, TraceStore>([[DEFAULT_DB_ID, defaultStore]]);
  function storeOf(dbId: string): TraceStore | undefined {
    let store = built.get(dbId);
    if (!store) {
      store = builders.get(dbId)?.build();
      if (store) built.set(dbId, store);
    }
    return store;
  }

  return {
    defaultDbId: DEFAULT_DB_ID,
    dbIds: [...builders.keys()],
    store: (dbId) => (dbId === undefined || dbId === null ? defaultStore : storeOf(dbId)),
    config: buildConfig([...builders].map(([id, { displayName }]) => ({ id, displayName }))),
    list: () => defaultStore.entries.map((e) => e.detail),
    summaries: () => defaultStore.entries.map((e) => e.summary),
    getTrace: (traceId) => defaultStore.getTrace(traceId)?.detail,
    getTraceByRunId: (runId) => defaultStore.getTraceByRunId(runId)?.detail,
    sessionStats: () => sessionStatsOf(defaultStore.entries),
  };
}
