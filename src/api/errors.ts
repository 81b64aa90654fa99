import type { TraceDetail, ValidationIssue } from './schemas';

/**
 * Every way a call to AgentOS can fail, as one discriminated union (`kind`), so pages can say
 * precisely what went wrong. Messages never contain the security key: they name the server by
 * its origin or the request's URL, which the client builds without it.
 */
export type ApiError =
  | HttpError
  | NetworkError
  | TimeoutError
  | SchemaError
  | NotJsonError
  | TruncatedError
  | TooLargeError;

export class HttpError extends Error {
  readonly kind = 'http';
  constructor(
    readonly status: number,
    /** The server's `detail`: a string, or FastAPI's 422 array of issues. */
    readonly detail: string | ValidationIssue[],
    readonly url: string,
    readonly errorCode?: string,
    /**
     * Set when the error answer was an HTML page (a proxy's or load balancer's, not AgentOS's):
     * its `<title>`, or an empty string when it has none.
     */
    readonly htmlTitle?: string,
  ) {
    super(`HTTP ${status}: ${formatDetail(detail)}`);
    this.name = 'HttpError';
  }
}

export class NetworkError extends Error {
  readonly kind = 'network';
  constructor(readonly url: string) {
    // The browser hides the reason (server down, DNS, CORS refusal) behind one TypeError.
    super(`Could not reach ${safeOrigin(url)}`);
    this.name = 'NetworkError';
  }
}

export class TimeoutError extends Error {
  readonly kind = 'timeout';
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`${safeOrigin(url)} did not answer within ${formatSeconds(timeoutMs)}`);
    this.name = 'TimeoutError';
  }
}

export class SchemaError extends Error {
  readonly kind = 'schema';
  constructor(
    /** JSON path of the first wrong value, e.g. `$.tree[0].spans[3].start_time`. */
    readonly path: string,
    /** What was expected there, in words. */
    readonly expected: string,
    readonly url?: string,
  ) {
    super(`Unexpected answer at ${path}: ${expected}`);
    this.name = 'SchemaError';
  }
}

/** A successful status whose body is not JSON: a web page, a login form, an empty answer. */
export class NotJsonError extends Error {
  readonly kind = 'not-json';
  constructor(
    readonly url: string,
    readonly status: number,
    /** The response's Content-Type, or null when it sent none. */
    readonly contentType: string | null,
    /** The page's `<title>` when the body is HTML, else null. */
    readonly htmlTitle: string | null,
    readonly isEmpty: boolean,
  ) {
    super(
      isEmpty
        ? `${safeOrigin(url)} sent an empty answer instead of JSON`
        : `${safeOrigin(url)} sent ${contentType ?? 'an answer'} that is not JSON`,
    );
    this.name = 'NotJsonError';
  }
}

/**
 * A trace answer that stopped before its JSON ended: the connection broke, or a proxy or the
 * server cut it off. The spans that arrived are kept when they can be shown.
 */
export class TruncatedError extends Error {
  readonly kind = 'truncated';
  constructor(
    readonly url: string,
    /** Spans read before the answer stopped; null for an answer that is not a trace. */
    readonly spans: number | null,
    /** The trace as far as it arrived, when its own fields had arrived; else null. */
    readonly partial: TraceDetail | null,
  ) {
    super(
      spans === null
        ? 'The answer was cut off'
        : `The answer was cut off after ${spans.toLocaleString('en-US')} spans`,
    );
    this.name = 'TruncatedError';
  }
}

/** The browser ran out of room for the answer (V8's string limit, memory). */
export class TooLargeError extends Error {
  readonly kind = 'too-large';
  constructor(
    readonly url: string,
    /** Bytes of the answer read when it failed. */
    readonly bytes: number,
  ) {
    super('This trace is too large for the browser to hold');
    this.name = 'TooLargeError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return (
    error instanceof TruncatedError ||
    error instanceof TooLargeError ||
    error instanceof HttpError ||
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof SchemaError ||
    error instanceof NotJsonError
  );
}

export function formatDetail(detail: string | ValidationIssue[]): string {
  if (typeof detail === 'string') return detail;
  return detail.map(formatValidationIssue).join('; ');
}

/**
 * One FastAPI validation issue in words: `limit (query): Input should be …`. The `loc` starts
 * with where the value was (`query`, `body`, `path`), then the field.
 */
export function formatValidationIssue(issue: ValidationIssue): string {
  const loc = (issue.loc ?? []).map(String);
  const [where, ...field] = loc;
  if (!where) return issue.msg;
  if (field.length === 0) return `${where}: ${issue.msg}`;
  const known = where === 'query' || where === 'body' || where === 'path' || where === 'header';
  return known ? `${field.join('.')} (${where}): ${issue.msg}` : `${loc.join('.')}: ${issue.msg}`;
}

/** The text of an HTML page's `<title>`, whitespace collapsed and cut to a readable length. */
export function htmlTitleOf(html: string): string {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = (match?.[1] ?? '').replace(/\s+/g, ' ').trim();
  return title.length > 120 ? `${title.slice(0, 119)}…` : title;
}

export function looksLikeHtml(text: string, contentType: string | null): boolean {
  return /\bhtml\b/i.test(contentType ?? '') || /^\s*</.test(text);
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the server';
  }
}
