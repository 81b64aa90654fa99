import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { isApiError } from '../api/errors';
import { ApiErrorState } from '../components/ApiErrorState';

/**
 * The error boundary of each route: what a page throws while rendering is shown in place of that
 * page only, so the header and navigation keep working. "Try again" renders the page afresh;
 * navigating elsewhere resets the boundary too.
 */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  if (isChunkLoadError(error)) {
    // A page's code failed to download (offline, or a new deployment replaced the files): the
    // browser keeps that failure, so only a reload can fetch it again.
    return (
      <section className="page">
        <div className="error-state" role="alert">
          <p className="error-state-title">This page’s code could not be loaded</p>
          <p className="error-state-body">
            The connection may have dropped, or the viewer was updated since this tab opened.
          </p>
          <div className="error-state-actions">
            <button
              type="button"
              className="button primary"
              onClick={() => window.location.reload()}
            >
              Reload the page
            </button>
          </div>
        </div>
      </section>
    );
  }
  if (isApiError(error)) {
    return (
      <section className="page">
        <ApiErrorState error={error} action="show this page" onRetry={reset} />
      </section>
    );
  }
  return (
    <section className="page">
      <div className="error-state" role="alert">
        <p className="error-state-title">Something went wrong on this page</p>
        <p className="error-state-body">
          The viewer could not show it. The rest of the app still works: try again, or go back to
          the traces.
        </p>
        <pre className="error-state-detail">
          {error instanceof Error ? error.message : String(error)}
        </pre>
        <div className="error-state-actions">
          <button type="button" className="button primary" onClick={reset}>
            Try again
          </button>
          <Link to="/traces" className="button">
            Go to the traces
          </Link>
        </div>
      </div>
    </section>
  );
}

/** Chromium, Firefox and Safari word a failed dynamic import differently. */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
      error.message,
    )
  );
}
