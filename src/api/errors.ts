import type { ValidationIssue } from './schemas';

/**
 * Every way a call to AgentOS can fail, as one discriminated union (`kind`), so pages can say
 * precisely what went wrong. Messages never contain the security key.
 */
export type ApiError = HttpError | NetworkError | TimeoutError | SchemaError;

export class HttpError extends Error {
  readonly kind = 'http';
  constructor(
    readonly status: number,
    /** The server's `detail`: a string, or FastAPI's 422 array of issues. */
    readonly detail: string | ValidationIssue[],
    readonly url: string,
    readonly errorCode?: string,
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
    super(`${safeOrigin(url)} did not answer within ${Math.round(timeoutMs / 1000)} s`);
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

export function isApiError(error: unknown): error is ApiError {
  return (
    error instanceof HttpError ||
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof SchemaError
  );
}

export function formatDetail(detail: string | ValidationIssue[]): string {
  if (typeof detail === 'string') return detail;
  return detail
    .map((issue) => (issue.loc?.length ? `${issue.loc.join('.')}: ${issue.msg}` : issue.msg))
    .join('; ');
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the server';
  }
}
