import type { TraceListParams } from '../../api/client';
import type { TraceDetail, TraceSummary } from '../../api/schemas';
import { entryPointDifference, normalizeEntryPoint } from '../../domain/trace/spanNames';

/** Traces offered in "Compare with…". */
const CANDIDATE_LIMIT = 10;
/**
 * Without an agent, team or workflow id the server cannot filter by owner, so this many recent
 * traces are fetched and those of the same name (entry point aside) kept. GET /traces is small
 * (about 0.5 kB a trace); the search endpoint would send every span tree.
 */
export const BY_NAME_SCAN_LIMIT = 100;

const OWNER_FIELDS = [
  ['agent_id', 'agent'],
  ['team_id', 'team'],
  ['workflow_id', 'workflow'],
] as const;

export interface TraceOwner {
  field: (typeof OWNER_FIELDS)[number][0];
  kind: (typeof OWNER_FIELDS)[number][1];
  id: string;
}

/** The agent, team or workflow that ran the trace, by the first id it carries. */
export function ownerOf(trace: TraceSummary): TraceOwner | null {
  for (const [field, kind] of OWNER_FIELDS) {
    const id = trace[field];
    if (id) return { field, kind, id };
  }
  return null;
}

/** The list request for the candidates: by owner when known, else a page of recent traces. */
export function candidatesRequest(trace: TraceSummary): TraceListParams {
  const owner = ownerOf(trace);
  return owner
    ? { [owner.field]: owner.id, limit: CANDIDATE_LIMIT + 1 }
    : { limit: BY_NAME_SCAN_LIMIT };
}

export interface CompareCandidate {
  trace: TraceSummary;
  /** Set when the two were started through different entry points: `{ a: '.arun', b: '.run' }`. */
  entryPoints: { a: string; b: string } | null;
}

/**
 * The other traces of the same agent, team or workflow (the request already filtered by owner),
 * or, when the trace has no owner id, those whose name is the same once the entry point is
 * normalised (`Pipeline.arun` and `Pipeline.run`). Never the trace itself.
 */
export function compareCandidates(
  trace: TraceDetail | TraceSummary,
  listed: readonly TraceSummary[],
): CompareCandidate[] {
  const byName = ownerOf(trace) === null;
  const name = normalizeEntryPoint(trace.name);
  const candidates: CompareCandidate[] = [];
  for (const other of listed) {
    if (other.trace_id === trace.trace_id) continue;
    if (byName && normalizeEntryPoint(other.name) !== name) continue;
    candidates.push({ trace: other, entryPoints: entryPointDifference(trace.name, other.name) });
    if (candidates.length === CANDIDATE_LIMIT) break;
  }
  return candidates;
}
