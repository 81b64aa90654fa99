import type { SessionStatsParams } from '../../api/client';
import {
  PAGINATION_DEFAULTS,
  PAGINATION_FIELDS,
  type PageSize,
  type PaginationSearch,
} from '../../lib/paginationSearch';
import { textField, withoutBlankValues } from '../../lib/searchFields';
import { withoutUndefined } from '../../lib/searchParams';
import { parseSearchFields } from '../../lib/searchSchema';
import {
  TIME_RANGE_FIELDS,
  timeRangeKind,
  toTimeWindow,
  type TimeRangeSearch,
  type TimeWindow,
} from '../../lib/timeRange';

/**
 * The sessions page's state in the URL, under GET /trace_session_stats's own names:
 * `user_id`, `agent_id`, `team_id`, `workflow_id`, `start_time`/`end_time` (or a `range`
 * preset), `page`, `limit`, `db_id`.
 */
export const SESSION_FILTER_KEYS = ['user_id', 'agent_id', 'team_id', 'workflow_id'] as const;
export type SessionFilterKey = (typeof SESSION_FILTER_KEYS)[number];

export const SESSION_FILTER_LABELS: Record<SessionFilterKey, string> = {
  user_id: 'User',
  agent_id: 'Agent',
  team_id: 'Team',
  workflow_id: 'Workflow',
};

export interface SessionsSearch
  extends PaginationSearch, TimeRangeSearch, Partial<Record<SessionFilterKey, string>> {
  db_id?: string;
}

export const SESSIONS_DEFAULTS: SessionsSearch = PAGINATION_DEFAULTS;

const SESSIONS_FIELDS = {
  ...PAGINATION_FIELDS,
  ...(Object.fromEntries(SESSION_FILTER_KEYS.map((key) => [key, textField])) as Record<
    SessionFilterKey,
    typeof textField
  >),
  ...TIME_RANGE_FIELDS,
  db_id: textField,
};

/** Whatever is in the address bar becomes a valid state; nonsense falls back to defaults. */
export function parseSessionsSearch(raw: Record<string, unknown>): SessionsSearch {
  const { page, limit, range, start_time, end_time, ...rest } = parseSearchFields(
    SESSIONS_FIELDS,
    withoutBlankValues(raw),
  ).search;
  return withoutUndefined({
    page: page ?? PAGINATION_DEFAULTS.page,
    limit: (limit ?? PAGINATION_DEFAULTS.limit) as PageSize,
    ...rest,
    // A preset wins over fixed bounds.
    ...(range ? { range } : { start_time, end_time }),
  });
}

export function toSessionStatsParams(search: SessionsSearch): {
  params: SessionStatsParams;
  window: TimeWindow;
} {
  const window = toTimeWindow(search);
  return {
    params: withoutUndefined({
      page: search.page,
      limit: search.limit,
      user_id: search.user_id,
      agent_id: search.agent_id,
      team_id: search.team_id,
      workflow_id: search.workflow_id,
      start_time: window.start_time,
      end_time: window.end_time,
    }),
    window,
  };
}

export function hasSessionFilters(search: SessionsSearch): boolean {
  return (
    timeRangeKind(search) !== 'any' || SESSION_FILTER_KEYS.some((key) => search[key] !== undefined)
  );
}

/** The change that removes every filter; the page goes back to the first. */
export function clearedSessionFilters(): Partial<SessionsSearch> {
  return {
    user_id: undefined,
    agent_id: undefined,
    team_id: undefined,
    workflow_id: undefined,
    range: undefined,
    start_time: undefined,
    end_time: undefined,
    page: 1,
  };
}
