import { QueryClient } from '@tanstack/react-query';
import { HttpError, NetworkError } from '../api/errors';

/** Attempts after the first: three tries in all. */
const MAX_RETRIES = 2;

/**
 * Reads are retried with back-off only when trying again can help: a network failure or a
 * 5xx. Never on a 4xx (the same request gets the same answer) or on an answer the viewer cannot
 * read. A time-out is not retried either: the user has already waited the whole time-out, and
 * the page offers Retry. The one POST read (/traces/search) opts out in its own query options.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (error instanceof NetworkError) return true;
  return error instanceof HttpError && error.status >= 500;
}

/** 0.5 s, 1 s, 2 s … up to 8 s between attempts. */
export function retryDelay(failureCount: number): number {
  return Math.min(500 * 2 ** failureCount, 8_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 30_000,
        // Traces can be huge: refetching on every focus would be wasteful.
        refetchOnWindowFocus: false,
      },
    },
  });
}
