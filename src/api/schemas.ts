import './zodConfig';
import { z } from 'zod/mini';

/**
 * Schemas of every AgentOS answer the viewer reads (../shared/agentos-api.md).
 * Types are inferred from them; nothing here is written twice.
 *
 * Rules that follow from the server's quirks:
 * - optional fields accept both absent and `null` (`nullish`);
 * - unknown extra fields are kept (`looseObject`), so newer servers still validate and the
 *   "Raw JSON" view shows everything that was sent;
 * - `type` and `status` stay open strings: unknown span kinds are shown, not rejected.
 */

const optionalString = z.nullish(z.string());

const traceStatusSchema = z.string();

const traceIdsShape = {
  run_id: optionalString,
  session_id: optionalString,
  user_id: optionalString,
  agent_id: optionalString,
  team_id: optionalString,
  workflow_id: optionalString,
};

const traceSummarySchema = z.looseObject({
  trace_id: z.string(),
  name: z.string(),
  status: traceStatusSchema,
  duration: z.string(),
  start_time: z.string(),
  end_time: z.string(),
  created_at: z.string(),
  total_spans: z.int(),
  error_count: z.int(),
  input: optionalString,
  ...traceIdsShape,
});
export type TraceSummary = z.infer<typeof traceSummarySchema>;

/**
 * One span without its children. The tree is validated node by node with this schema by
 * `parseTraceTree` (an explicit stack, not recursion), because real trees are up to 100,000
 * spans and 10,000 levels deep: a recursive schema would overflow the stack there.
 */
const traceNodeBaseSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  duration: z.string(),
  start_time: z.string(),
  end_time: z.string(),
  status: traceStatusSchema,
  input: optionalString,
  output: optionalString,
  error: optionalString,
  step_type: optionalString,
  metadata: z.nullish(z.record(z.string(), z.unknown())),
  extra_data: z.nullish(z.record(z.string(), z.unknown())),
});
/** Children are checked by the caller, one node at a time. */
export const traceNodeFieldsSchema = z.extend(traceNodeBaseSchema, {
  spans: z.nullish(z.array(z.unknown())),
});
export type TraceNode = z.infer<typeof traceNodeBaseSchema> & { spans?: TraceNode[] | null };

const traceDetailBaseSchema = z.extend(traceSummarySchema, {
  output: optionalString,
  error: optionalString,
});
export const traceDetailFieldsSchema = z.extend(traceDetailBaseSchema, {
  tree: z.array(z.unknown()),
});
export type TraceDetail = z.infer<typeof traceDetailBaseSchema> & { tree: TraceNode[] };

const paginationMetaSchema = z.looseObject({
  page: z.int(),
  limit: z.int(),
  total_pages: z.int(),
  total_count: z.int(),
  search_time_ms: z.nullish(z.number()),
});
export type PaginationMeta = z.infer<typeof paginationMetaSchema>;

export function paginatedSchema<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({ data: z.array(item), meta: paginationMetaSchema });
}

export const traceListResponseSchema = paginatedSchema(traceSummarySchema);
export type TraceListResponse = z.infer<typeof traceListResponseSchema>;

export const traceSessionStatsSchema = z.looseObject({
  session_id: z.string(),
  user_id: optionalString,
  agent_id: optionalString,
  team_id: optionalString,
  workflow_id: optionalString,
  total_traces: z.int(),
  first_trace_at: z.string(),
  last_trace_at: z.string(),
});
export type TraceSessionStats = z.infer<typeof traceSessionStatsSchema>;
export const sessionStatsResponseSchema = paginatedSchema(traceSessionStatsSchema);
export type SessionStatsResponse = z.infer<typeof sessionStatsResponseSchema>;

const filterFieldSchema = z.looseObject({
  key: z.string(),
  label: z.nullish(z.string()),
  type: z.string(),
  operators: z.array(z.string()),
  values: z.nullish(z.array(z.string())),
});
export type FilterField = z.infer<typeof filterFieldSchema>;

export const filterSchemaResponseSchema = z.looseObject({
  fields: z.array(filterFieldSchema),
  logical_operators: z.nullish(z.array(z.string())),
});
export type FilterSchemaResponse = z.infer<typeof filterSchemaResponseSchema>;

/** The search DSL of POST /traces/search. IN carries a plural `values`. */
export type FilterCondition =
  | {
      op: 'EQ' | 'NEQ' | 'GT' | 'GTE' | 'LT' | 'LTE' | 'CONTAINS' | 'STARTSWITH';
      key: string;
      value: unknown;
    }
  | { op: 'IN'; key: string; values: unknown[] };
export type FilterExpr =
  | FilterCondition
  | { op: 'AND' | 'OR'; conditions: FilterExpr[] }
  | { op: 'NOT'; condition: FilterExpr };

export const configResponseSchema = z.looseObject({
  os_id: optionalString,
  name: optionalString,
  databases: z.nullish(z.array(z.string())),
  os_database: optionalString,
  agents: z.nullish(z.array(z.looseObject({ id: optionalString, name: optionalString }))),
  teams: z.nullish(z.array(z.looseObject({ id: optionalString, name: optionalString }))),
  workflows: z.nullish(z.array(z.looseObject({ id: optionalString, name: optionalString }))),
  traces: z.nullish(
    z.looseObject({
      display_name: optionalString,
      dbs: z.nullish(
        z.array(
          z.looseObject({
            db_id: z.string(),
            domain_config: z.nullish(z.looseObject({ display_name: optionalString })),
            tables: z.nullish(z.array(z.string())),
          }),
        ),
      ),
    }),
  ),
});
export type ConfigResponse = z.infer<typeof configResponseSchema>;

export const healthResponseSchema = z.unknown();

/** Error bodies: `detail` is a string, except FastAPI's 422, where it is an array. */
const validationIssueSchema = z.looseObject({
  loc: z.nullish(z.array(z.union([z.string(), z.number()]))),
  msg: z.string(),
  type: z.nullish(z.string()),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;
export const errorBodySchema = z.looseObject({
  detail: z.union([z.string(), z.array(validationIssueSchema)]),
  error_code: optionalString,
});
