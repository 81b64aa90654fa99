import { setConnectionSettingsOpen, useConnection } from '../api/connection';
import { describeError } from './describeApiError';

export interface ApiErrorStateProps {
  error: unknown;
  /** What the page was doing, e.g. "load the traces". */
  action: string;
  /** Page-specific wording for a 404, e.g. "Trace not found". */
  notFoundTitle?: string;
  onRetry?: () => void;
}

const SETTINGS_LABELS = {
  'enter-key': 'Enter security key',
  'change-key': 'Change security key',
  'open-settings': 'Open settings',
} as const;

/**
 * Says what went wrong with a call to AgentOS, on the page where it happened, and what to do
 * about it. Every server string is rendered as text; the security key never appears.
 */
export function ApiErrorState({ error, action, notFoundTitle, onRetry }: ApiErrorStateProps) {
  const connection = useConnection();
  const { title, paragraphs, items, settingsAction } = describeError(error, {
    action,
    notFoundTitle,
    hasKey: Boolean(connection.securityKey),
    appOrigin: window.location.origin,
  });
  const isKeyAction = settingsAction === 'enter-key' || settingsAction === 'change-key';
  const settingsButton = settingsAction && (
    <button
      key="settings"
      type="button"
      className={isKeyAction || !onRetry ? 'button primary' : 'button'}
      onClick={() => setConnectionSettingsOpen(true)}
    >
      {SETTINGS_LABELS[settingsAction]}
    </button>
  );
  const retryButton = onRetry && (
    <button
      key="retry"
      type="button"
      className={isKeyAction ? 'button' : 'button primary'}
      onClick={onRetry}
    >
      Retry
    </button>
  );
  return (
    <div className="error-state" role="alert">
      <p className="error-state-title">{title}</p>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="error-state-body">
          {paragraph}
        </p>
      ))}
      {items && (
        <ul className="error-state-list">
          {items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      )}
      {(settingsButton || retryButton) && (
        <div className="error-state-actions">
          {/* When the key is the fix, that comes first; otherwise trying again does. */}
          {isKeyAction ? [settingsButton, retryButton] : [retryButton, settingsButton]}
        </div>
      )}
    </div>
  );
}
