import { setConnectionSettingsOpen } from '../api/connection';
import { formatDetail, isApiError, type ApiError, type HttpError } from '../api/errors';

export interface ApiErrorStateProps {
  error: unknown;
  /** What the page was doing, e.g. "load the traces". */
  action: string;
  /** Page-specific wording for a 404, e.g. "Trace not found". */
  notFoundTitle?: string;
  onRetry?: () => void;
}

/**
 * Says what went wrong with a call to AgentOS, on the page where it happened. Every server
 * string is rendered as text.
 */
export function ApiErrorState({ error, action, notFoundTitle, onRetry }: ApiErrorStateProps) {
  const { title, body, asksForKey } = describe(error, action, notFoundTitle);
  return (
    <div className="error-state" role="alert">
      <p className="error-state-title">{title}</p>
      {body.map((line, index) => (
        <p key={index} className="error-state-body">
          {line}
        </p>
      ))}
      <div className="error-state-actions">
        {asksForKey && (
          <button
            type="button"
            className="button primary"
            onClick={() => setConnectionSettingsOpen(true)}
          >
            Enter security key
          </button>
        )}
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        )}
      </div>
    </div>
  );
}

interface Description {
  title: string;
  body: string[];
  asksForKey: boolean;
}

export function describe(error: unknown, action: string, notFoundTitle?: string): Description {
  if (!isApiError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { title: `Could not ${action}`, body: [message], asksForKey: false };
  }
  return describeApiError(error, action, notFoundTitle);
}

function describeApiError(error: ApiError, action: string, notFoundTitle?: string): Description {
  switch (error.kind) {
    case 'http':
      return describeHttp(error, action, notFoundTitle);
    case 'network':
      return {
        title: `Could not ${action}: ${error.message}`,
        body: [
          'The server may be down or unreachable, or it does not allow requests from this page’s origin (CORS).',
          `AgentOS allows http://localhost:3000 by default; for any other origin, add ${window.location.origin} to its allowed origins.`,
        ],
        asksForKey: false,
      };
    case 'timeout':
      return { title: `Could not ${action}`, body: [`${error.message}.`], asksForKey: false };
    case 'schema':
      return {
        title: `Could not ${action}: the server’s answer is not what the viewer expects`,
        body: [`At ${error.path}: expected ${error.expected}.`],
        asksForKey: false,
      };
  }
}

function describeHttp(error: HttpError, action: string, notFoundTitle?: string): Description {
  const detail = formatDetail(error.detail);
  switch (error.status) {
    case 401:
      return {
        title: 'This AgentOS needs a security key',
        body: [
          `The server said: ${detail}.`,
          'Enter the key in the connection settings to continue.',
        ],
        asksForKey: true,
      };
    case 403:
      return {
        title: 'Access denied',
        body: [
          `The server said: ${detail}.`,
          'Your key does not allow this; ask the AgentOS operator for access.',
        ],
        asksForKey: false,
      };
    case 404:
      return {
        title: notFoundTitle ?? 'Not found',
        body: [
          `The server said: ${detail}.`,
          'It may not exist, or it may belong to another user or database.',
        ],
        asksForKey: false,
      };
    default:
      return {
        title: `Could not ${action} (HTTP ${error.status})`,
        body: Array.isArray(error.detail)
          ? error.detail.map((issue) => `${issue.loc?.join('.') ?? 'request'}: ${issue.msg}`)
          : [`The server said: ${detail}`],
        asksForKey: false,
      };
  }
}
