import type { ErrorComponentProps } from '@tanstack/react-router';

/** Catches what a page throws while rendering, so the header and navigation keep working. */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  return (
    <section className="page error-state" role="alert">
      <p className="error-state-title">Something went wrong on this page</p>
      <pre className="error-state-body">
        {error instanceof Error ? error.message : String(error)}
      </pre>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
