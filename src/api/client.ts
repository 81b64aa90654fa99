import type { z } from 'zod/mini';
import {
  HttpError,
  htmlTitleOf,
  looksLikeHtml,
  NetworkError,
  NotJsonError,
  TimeoutError,
  TooLargeError,
  TruncatedError,
} from './errors';
import { isJsonContentType } from './contentType';
import { isCutOffJson } from './cutOffJson';
import { readSearchPage } from './readSearchPage';
import { prestartTraceParser, readTraceStream, type TraceLoadProgress } from './readTraceStream';
import { measure, measureAsync } from '../lib/perf';
import { parseTraceDetail, parseTraceNode, parseWithSchema } from './parse';
import {
  configResponseSchema,
  errorBodySchema,
  filterSchemaResponseSchema,
  healthResponseSchema,
  paginatedSchema,
  sessionStatsResponseSchema,
  traceListResponseSchema,
  traceSessionStatsSchema,
  type ConfigResponse,
  type FilterExpr,
  type FilterSchemaResponse,
  type SessionStatsResponse,
  type TraceDetail,
  type TraceListResponse,
  type TraceNode,
} from './schemas';

/** Query parameters of GET /traces, under the API's own names. */
export interface TraceListParams {
  page?: number;
  limit?: number;
  status?: string;
  run_id?: string;
  session_id?: string;
  user_id?: string;
  agent_id?: string;
  team_id?: string;
  workflow_id?: string;
  /** ISO 8601 with a zone. */
  start_time?: string;
  end_time?: string;
}

/** Query parameters of GET /trace_session_stats. */
export interface SessionStatsParams {
  page?: number;
  limit?: number;
  user_id?: string;
  agent_id?: string;
  team_id?: string;
  workflow_id?: string;
  start_time?: string;
  end_time?: string;
}

export interface SearchParams {
  filter: FilterExpr | null;
  page: number;
  limit: number;
}

export interface ApiClientOptions {
  baseUrl: string;
  securityKey?: string | null;
  dbId?: string | null;
  /** A request that hangs is abandoned after this long. Default 30 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * Makes the request for a whole trace (GET /traces/{id}) instead of `fetch`: the trace
   * parser's worker (`fetchTrace`), so the answer's bytes do not pass through the page.
   */
  fetchTrace?: (url: string, init: RequestInit) => Promise<Response>;
}

export type ApiClient = ReturnType<typeof createApiClient>;

type QueryValue = string | number | undefined | null;

type JsonReader = (
  response: Response,
  url: string,
  context: { signal: AbortSignal; onBytes: () => void },
) => Promise<unknown>;

const DEFAULT_TIMEOUT_MS = 30_000;

export function createApiClient(options: ApiClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const dbId = options.dbId ?? null;
  const timeoutMs =
    options.timeoutMs && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
    const url = new URL(baseUrl + path);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '')
        url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  /**
   * Sends a request and reads its JSON answer: whole, as text, or through
   * `readJson` when given (a streamed trace or search page), which calls `onBytes` as bytes arrive so that the
   * time-out counts from the last bytes rather than from the request.
   */
  async function request(
    path: string,
    init: {
      query?: Record<string, QueryValue>;
      body?: unknown;
      signal?: AbortSignal;
      /** Who makes the request, when not the client's own `fetch`. */
      fetch?: (url: string, init: RequestInit) => Promise<Response>;
    },
    readJson?: JsonReader,
  ): Promise<{ json: unknown; url: string; isRead: boolean }> {
    const url = buildUrl(path, init.query);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...authorizationFor(url, baseUrl, options.securityKey),
    };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';

    const controller = new AbortController();
    const abort = () => controller.abort(init.signal?.reason);
    if (init.signal?.aborted) abort();
    init.signal?.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const expire = () => {
      timedOut = true;
      controller.abort();
    };
    let timer = setTimeout(expire, timeoutMs);
    const onBytes = () => {
      clearTimeout(timer);
      timer = setTimeout(expire, timeoutMs);
    };

    try {
      let response: Response;
      try {
        response = await (init.fetch ?? doFetch)(url, {
          method: init.body === undefined ? 'GET' : 'POST',
          headers,
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          signal: controller.signal,
        });
      } catch (error) {
        if (timedOut) throw new TimeoutError(url, timeoutMs);
        if (init.signal?.aborted) throw error;
        throw new NetworkError(url);
      }
      if (!response.ok) throw httpErrorFrom(response, await response.text(), url);
      const type = response.headers.get('content-type');
      if (isJsonContentType(type) && readJson) {
        const json = await measureAsync(`app:json ${path}`, () =>
          readJson(response, url, { signal: controller.signal, onBytes }),
        );
        return { json, url, isRead: true };
      }
      // Small answers (lists, sessions, one span, search fields) are read whole, as text, so that a
      // failed parse can say why: empty, a web page, or JSON cut off before its end.
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        // V8's string limit (about 512 MB) or memory: not a server's fault.
        if (error instanceof RangeError) throw new TooLargeError(url, bodySize(response));
        // The body's own TypeError: the connection broke mid-answer.
        if (error instanceof TypeError && !controller.signal.aborted)
          throw new TruncatedError(url, null, null);
        throw error;
      }
      return {
        json: measure(`app:json ${path}`, () => parseJsonBody(text, response, url)),
        url,
        isRead: false,
      };
    } catch (error) {
      if (timedOut && !(error instanceof TimeoutError)) throw new TimeoutError(url, timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', abort);
    }
  }

  async function get<T extends z.ZodMiniType>(
    schema: T,
    path: string,
    query: Record<string, QueryValue>,
    signal?: AbortSignal,
  ): Promise<z.infer<T>> {
    const { json, url } = await request(path, { query, signal });
    return parseWithSchema(schema, json, '$', url);
  }

  const withDb = <T extends object>(query: T) => ({ ...query, db_id: dbId });

  return {
    /** Identifies what this client reads, for query keys. The key is deliberately not part of it. */
    scope: { baseUrl, dbId } as const,

    listTraces(params: TraceListParams, signal?: AbortSignal): Promise<TraceListResponse> {
      return get(traceListResponseSchema, '/traces', withDb({ ...params }), signal);
    },

    /**
     * One whole trace, read as it arrives and parsed off the main thread (readTraceStream.ts);
     * `onProgress` hears how far it is.
     */
    async getTrace(
      traceId: string,
      signal?: AbortSignal,
      onProgress?: (progress: TraceLoadProgress) => void,
    ): Promise<TraceDetail> {
      prestartTraceParser();
      const { json, url, isRead } = await request(
        `/traces/${encodeURIComponent(traceId)}`,
        { query: withDb({}), signal, fetch: options.fetchTrace },
        (response, responseUrl, context) =>
          readTraceStream(response, responseUrl, { ...context, onProgress }),
      );
      // Read and checked as it streamed; an answer not labelled JSON is parsed whole.
      if (isRead) return json as TraceDetail;
      return measure('app:parseTraceDetail', () => parseTraceDetail(json, url));
    },

    async getSpan(traceId: string, spanId: string, signal?: AbortSignal): Promise<TraceNode> {
      const { json, url } = await request(`/traces/${encodeURIComponent(traceId)}`, {
        query: withDb({ span_id: spanId }),
        signal,
      });
      return parseTraceNode(json, url);
    },

    getFilterSchema(signal?: AbortSignal): Promise<FilterSchemaResponse> {
      return get(filterSchemaResponseSchema, '/traces/filter-schema', withDb({}), signal);
    },

    /**
     * POST /traces/search grouped by run: a page of traces. The server sends each with its whole
     * span tree (1.6 MB for one 2,432-span trace, about 100 MB at 100k spans); the list shows
     * summaries only, so the trees are skipped as the answer streams in, off the main thread
     * (readSearchPage.ts), and only the summaries are parsed, validated and cached.
     */
    async searchTraces(params: SearchParams, signal?: AbortSignal): Promise<TraceListResponse> {
      const { json, url } = await request(
        '/traces/search',
        { query: withDb({}), body: { ...params, group_by: 'run' }, signal },
        readSearchPage,
      );
      const page = parseWithSchema(traceListResponseSchema, json, '$', url);
      // An answer not labelled JSON was parsed whole, trees included.
      return { data: page.data.map(({ tree: _tree, ...summary }) => summary), meta: page.meta };
    },

    /** POST /traces/search grouped by session: a page of session stats. */
    async searchSessions(
      params: SearchParams,
      signal?: AbortSignal,
    ): Promise<SessionStatsResponse> {
      const { json, url } = await request('/traces/search', {
        query: withDb({}),
        body: { ...params, group_by: 'session' },
        signal,
      });
      return parseWithSchema(paginatedSchema(traceSessionStatsSchema), json, '$', url);
    },

    getSessionStats(
      params: SessionStatsParams,
      signal?: AbortSignal,
    ): Promise<SessionStatsResponse> {
      return get(sessionStatsResponseSchema, '/trace_session_stats', withDb({ ...params }), signal);
    },

    getConfig(signal?: AbortSignal): Promise<ConfigResponse> {
      return get(configResponseSchema, '/config', {}, signal);
    },

    async getHealth(signal?: AbortSignal): Promise<unknown> {
      return get(healthResponseSchema, '/health', {}, signal);
    },
  };
}

/**
 * The `Authorization` header for a request to `url`, only when `url` is on the origin of the
 * configured endpoint. Every URL is built from the base URL, so this holds by construction; the
 * check makes sure a future path (or a base URL trick such as `http://host@other`) cannot send
 * the key anywhere else.
 */
export function authorizationFor(
  url: string,
  baseUrl: string,
  securityKey: string | null | undefined,
): { Authorization?: string } {
  if (!securityKey) return {};
  if (originOf(url) === null || originOf(url) !== originOf(baseUrl)) return {};
  return { Authorization: `Bearer ${securityKey}` };
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Credentials in a URL would travel with it: such a URL is never "the configured origin".
    if (parsed.username || parsed.password) return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

function bodySize(response: Response): number {
  const length = Number(response.headers.get('content-length'));
  return Number.isFinite(length) ? length : 0;
}

function parseJsonBody(text: string, response: Response, url: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const type = response.headers.get('content-type');
    if (isCutOffJson(text)) throw new TruncatedError(url, null, null);
    const isHtml = looksLikeHtml(text, type);
    throw new NotJsonError(
      url,
      response.status,
      type,
      isHtml ? htmlTitleOf(text) : null,
      text.trim() === '',
    );
  }
}

function httpErrorFrom(response: Response, text: string, url: string): HttpError {
  let body: unknown = null;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    /* an HTML error page from a proxy, or nothing at all */
  }
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    return new HttpError(
      response.status,
      parsed.data.detail,
      url,
      parsed.data.error_code ?? undefined,
    );
  }
  const fallback = response.statusText || 'the answer had no detail';
  if (looksLikeHtml(text, response.headers.get('content-type'))) {
    // An HTML error page: a proxy, gateway or load balancer answered instead of AgentOS.
    return new HttpError(response.status, fallback, url, undefined, htmlTitleOf(text));
  }
  return new HttpError(response.status, fallback, url);
}
