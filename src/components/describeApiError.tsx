import type { ReactNode } from 'react';
import {
  formatDetail,
  formatValidationIssue,
  isApiError,
  type ApiError,
  type HttpError,
  type NotJsonError,
} from '../api/errors';

/** What the page says about a failed call: every server string is rendered as text. */
export interface ErrorDescription {
  title: string;
  paragraphs: ReactNode[];
  /** Shown as a list: FastAPI's 422 issues, one per line. */
  items?: string[];
  /** Offer the connection settings: to enter or change the key, or to fix the URL. */
  settingsAction?: 'enter-key' | 'change-key' | 'open-settings';
}

export interface DescribeOptions {
  /** What the page was doing, e.g. "load the traces". */
  action: string;
  /** Page-specific wording for a 404 of one item, e.g. "Trace not found". */
  notFoundTitle?: string;
  /** Whether a security key was sent: a 401 then means the key was refused. */
  hasKey: boolean;
  /** This page's origin, the one AgentOS must allow (CORS). */
  appOrigin: string;
}

export function describeError(error: unknown, options: DescribeOptions): ErrorDescription {
  if (!isApiError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { title: `Could not ${options.action}`, paragraphs: [message] };
  }
  return describeApiError(error, options);
}

function describeApiError(error: ApiError, options: DescribeOptions): ErrorDescription {
  const { action, appOrigin } = options;
  switch (error.kind) {
    case 'http':
      return describeHttp(error, options);
    case 'network':
      return {
        title: `Could not ${action}: no answer from ${originOf(error.url)}`,
        paragraphs: [
          'Either the server is not running or cannot be reached from this browser (check the AgentOS URL), or it refused to answer this page’s origin (CORS). Browsers report both the same way, so the viewer cannot tell which.',
          <>
            If the server is up, it must allow this origin: add <code>{appOrigin}</code> to the
            AgentOS’s allowed origins (its <code>cors_allowed_origins</code> setting), or serve the
            viewer and the API from one origin behind a reverse proxy. A local AgentOS allows{' '}
            <code>http://localhost:3000</code> by default.
          </>,
        ],
        settingsAction: 'open-settings',
      };
    case 'timeout':
      return {
        title: `Could not ${action}: the server did not answer in time`,
        paragraphs: [
          `${error.message}, so the request was abandoned.`,
          'The server may be overloaded or the answer very large. Try again, or allow more time under Settings › Advanced › Request timeout.',
        ],
      };
    case 'schema':
      return {
        title: `Could not ${action}: the answer is not in the form the viewer expects`,
        paragraphs: [
          <>
            At <code>{error.path}</code>: {expectation(error.expected)}.
          </>,
          <>
            {error.url && (
              <>
                The answer came from <code>{pathOf(error.url)}</code>.{' '}
              </>
            )}
            The server may run an AgentOS version this viewer does not support, or something between
            them changed the answer.
          </>,
        ],
      };
    case 'not-json':
      return describeNotJson(error, action);
    case 'truncated':
      return {
        title:
          error.spans === null
            ? `Could not ${action}: the answer was cut off`
            : `Could not ${action}: the answer was cut off after ${error.spans.toLocaleString('en-US')} spans`,
        paragraphs: [
          'The connection broke, or the server or a proxy between it and this browser stopped sending, before the end of the answer.',
          'Try again; if it stops at the same place, a proxy may cap the size of answers.',
        ],
      };
    case 'too-large':
      return {
        title: 'This trace is too large for the browser to hold',
        paragraphs: [
          `The browser ran out of room after ${formatBytes(error.bytes)} of the answer.`,
          'Close other tabs and try again, or open it in a browser with more memory.',
        ],
      };
  }
}

function describeHttp(error: HttpError, options: DescribeOptions): ErrorDescription {
  const { action, notFoundTitle, hasKey } = options;
  const said = sentence(`The server said: ${formatDetail(error.detail)}`);
  if (error.htmlTitle !== undefined) {
    const page = error.htmlTitle ? ` (“${error.htmlTitle}”)` : '';
    return {
      title: `Could not ${action}: a proxy or gateway answered (HTTP ${error.status})`,
      paragraphs: [
        `The answer was an HTML page${page}, not the JSON AgentOS sends: a reverse proxy, gateway or load balancer between this browser and AgentOS answered in its place.`,
        error.status >= 500
          ? 'It usually means the AgentOS behind it is down or not reachable from the proxy. Try again in a moment.'
          : 'Check the AgentOS URL in the settings, and the proxy’s rules for this path.',
      ],
      settingsAction: error.status >= 500 ? undefined : 'open-settings',
    };
  }
  switch (error.status) {
    case 401:
      return hasKey
        ? {
            title: 'The security key was not accepted',
            paragraphs: [
              said,
              'Check the key in the connection settings. This page stays as it is.',
            ],
            settingsAction: 'change-key',
          }
        : {
            title: 'This AgentOS needs a security key',
            paragraphs: [
              said,
              'Enter its key (the OS_SECURITY_KEY it runs with) in the connection settings. This page stays as it is and loads once the key is accepted.',
            ],
            settingsAction: 'enter-key',
          };
    case 403:
      return {
        title: 'Access denied',
        paragraphs: [
          said,
          'The server knows who you are but does not allow this. Ask the AgentOS operator for access, or use another key.',
        ],
        settingsAction: 'change-key',
      };
    case 404:
      return isItemRequest(error.url)
        ? {
            title: notFoundTitle ?? 'Not found',
            paragraphs: [
              said,
              'It may not exist, or it may belong to another user (a scoped key sees only its own traces) or another database.',
            ],
          }
        : {
            title: `Could not ${action}: this server has no such page (HTTP 404)`,
            paragraphs: [
              `The server answered “${formatDetail(error.detail)}” for ${pathOf(error.url)}.`,
              'Check the AgentOS URL in the settings: it should be the API’s root, e.g. http://localhost:7777, on an AgentOS version that serves traces.',
            ],
            settingsAction: 'open-settings',
          };
    case 422:
      return {
        title: `Could not ${action}: the server rejected the request (HTTP 422)`,
        paragraphs: ['The server found these problems with what was asked:'],
        items: Array.isArray(error.detail)
          ? error.detail.map(formatValidationIssue)
          : [error.detail],
      };
    default:
      return error.status >= 500
        ? {
            title: `Could not ${action}: the server failed (HTTP ${error.status})`,
            paragraphs: [said, 'This is an error on the server’s side; it may pass. Try again.'],
          }
        : {
            title: `Could not ${action}: the server refused the request (HTTP ${error.status})`,
            paragraphs: [said],
          };
  }
}

function describeNotJson(error: NotJsonError, action: string): ErrorDescription {
  const what = error.isEmpty
    ? 'an empty answer'
    : error.htmlTitle !== null
      ? `an HTML page${error.htmlTitle ? ` (“${error.htmlTitle}”)` : ''}`
      : `${error.contentType ?? 'an answer of unknown type'}`;
  return {
    title: `Could not ${action}: the answer is not from the AgentOS API`,
    paragraphs: [
      <>
        The address <code>{pathOf(error.url)}</code> answered with {what} instead of JSON.
      </>,
      'The AgentOS URL probably points at a website, a login page or a proxy rather than the API. It should be the API’s root, e.g. http://localhost:7777.',
    ],
    settingsAction: 'open-settings',
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Ends `text` with a full stop unless the server's words already end a sentence. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** "expected string, received number"; a missing field said as such. */
function expectation(expected: string): string {
  const text = /^expected\b/i.test(expected) ? expected : `expected ${expected}`;
  return text.replace(/, received undefined$/, ', but the field is missing');
}

/** GET /traces/{id} (a trace or a span); everything else is a collection or the server itself. */
function isItemRequest(url: string): boolean {
  return /\/traces\/(?!search$|filter-schema$)[^/]+$/.test(pathOf(url));
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the server';
  }
}
