import { QueryClient } from '@tanstack/react-query';
import { HttpError, NetworkError, TimeoutError } from '../api/errors';

const MAX_RETRIES = 2;

/** Reads are retried with back-off only when trying again can help: never on 4xx or bad data. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (error instanceof NetworkError || error instanceof TimeoutError) return true;
  return error instanceof HttpError && error.status >= 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 8_000),
        staleTime: 30_000,
        // Traces can be huge: refetching on every focus would be wasteful.
        refetchOnWindowFocus: false,
      },
    },
  });
}
