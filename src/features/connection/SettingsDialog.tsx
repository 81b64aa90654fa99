import * as Dialog from '@radix-ui/react-dialog';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import {
  DEFAULT_TIMEOUT_SECONDS,
  forgetSecurityKey,
  getRuntimeDefaults,
  MAX_TIMEOUT_SECONDS,
  MIN_TIMEOUT_SECONDS,
  normalizeEndpoint,
  normalizeTimeoutSeconds,
  resetConnection,
  setConnection,
  setConnectionSettingsOpen,
  useConnection,
  useConnectionSettingsOpen,
  type Connection,
} from '../../api/connection';
import { ensureDemoWorker } from './demoWorker';
import { useDatabaseChoices } from './useDatabaseChoices';

/** Where the viewer reads from: AgentOS URL, security key, database. */
export function SettingsDialog() {
  const isOpen = useConnectionSettingsOpen();
  const connection = useConnection();
  return (
    <Dialog.Root open={isOpen} onOpenChange={setConnectionSettingsOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby="settings-description">
          <Dialog.Title>Connection settings</Dialog.Title>
          <Dialog.Description id="settings-description" className="muted">
            Point the viewer at your AgentOS. Leave the URL empty to use demo data.
          </Dialog.Description>
          {/* Re-mounted on open, so the form starts from the current connection. */}
          {isOpen && <SettingsForm initial={connection} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function SettingsForm({ initial }: { initial: Connection }) {
  const queryClient = useQueryClient();
  const ids = useId();
  const [endpoint, setEndpoint] = useState(initial.endpoint ?? '');
  const [securityKey, setSecurityKey] = useState(initial.securityKey ?? '');
  const [rememberKey, setRememberKey] = useState(initial.rememberKey);
  const [dbId, setDbId] = useState(initial.dbId ?? '');
  const [timeoutText, setTimeoutText] = useState(String(initial.timeoutSeconds));
  const [isKeyForgotten, setKeyForgotten] = useState(false);
  const databases = useDatabaseChoices(endpoint, initial);
  const endpointChoices = getRuntimeDefaults().endpoints ?? [];

  const apply = async (next: Connection) => {
    if (next.endpoint === null) await ensureDemoWorker();
    setConnection(next);
    // Answers from the old connection (a 401 above all) must not linger.
    queryClient.removeQueries();
    setConnectionSettingsOpen(false);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void apply({
      endpoint: normalizeEndpoint(endpoint),
      securityKey: securityKey || null,
      rememberKey,
      dbId: dbId || null,
      timeoutSeconds: normalizeTimeoutSeconds(timeoutText),
    });
  };

  const handleUseDemo = () =>
    void apply({
      endpoint: null,
      securityKey: null,
      rememberKey: false,
      dbId: null,
      timeoutSeconds: normalizeTimeoutSeconds(timeoutText),
    });

  const handleReset = async () => {
    if (!normalizeEndpoint(getRuntimeDefaults().endpoint)) await ensureDemoWorker();
    resetConnection();
    queryClient.removeQueries();
    setConnectionSettingsOpen(false);
  };

  // Takes effect at once: the key leaves both storages and memory, whatever else is unsaved.
  const handleForgetKey = () => {
    forgetSecurityKey();
    queryClient.removeQueries();
    setSecurityKey('');
    setRememberKey(false);
    setKeyForgotten(true);
  };

  return (
    // POST and no name on the key: even a native submit could never put the key in a URL.
    <form className="settings-form" method="post" onSubmit={handleSubmit}>
      <label className="field">
        AgentOS URL
        <input
          type="url"
          name="endpoint"
          placeholder="http://localhost:7777"
          value={endpoint}
          onChange={(event) => setEndpoint(event.target.value)}
          autoComplete="url"
          list={endpointChoices.length > 0 ? `${ids}-endpoints` : undefined}
        />
        {endpointChoices.length > 0 && (
          <>
            {/* The AgentOS choices the packaged server was started with (--agentos name=URL). */}
            <datalist id={`${ids}-endpoints`}>
              {endpointChoices.map((choice) => (
                <option key={choice.name} value={choice.endpoint}>
                  {choice.name}
                </option>
              ))}
            </datalist>
            <span className="hint">
              Offered by this server: {endpointChoices.map((choice) => choice.name).join(', ')}
            </span>
          </>
        )}
      </label>
      <div className="field">
        <label htmlFor={`${ids}-key`}>Security key</label>
        <div className="key-row">
          <input
            id={`${ids}-key`}
            type="password"
            placeholder="Only if your AgentOS requires one"
            value={securityKey}
            onChange={(event) => {
              setSecurityKey(event.target.value);
              setKeyForgotten(false);
            }}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${ids}-key-hint`}
          />
          {initial.securityKey && !isKeyForgotten && (
            <button type="button" className="button" onClick={handleForgetKey}>
              Forget key
            </button>
          )}
        </div>
        <label className="checkbox-field key-remember">
          <input
            type="checkbox"
            checked={rememberKey}
            onChange={(event) => setRememberKey(event.target.checked)}
          />
          Remember on this device
        </label>
        <span id={`${ids}-key-hint`} className="hint">
          {rememberKey
            ? 'Kept in this browser’s local storage until you forget it. Sent only to the URL above.'
            : 'Kept for this tab only (session storage). Sent only to the URL above.'}
        </span>
        <span className="hint" role="status">
          {isKeyForgotten ? 'Key forgotten: it is no longer stored in this browser.' : ''}
        </span>
      </div>
      <label className="field">
        Database
        <input
          name="db-id"
          list="database-choices"
          placeholder="The server’s default"
          value={dbId}
          onChange={(event) => setDbId(event.target.value)}
        />
        <datalist id="database-choices">
          {databases.map((db) => (
            <option key={db.id} value={db.id}>
              {db.label}
            </option>
          ))}
        </datalist>
        {databases.length > 0 && (
          <span className="hint">
            Databases with traces: {databases.map((db) => db.id).join(', ')}
          </span>
        )}
      </label>
      <details
        className="settings-advanced"
        open={initial.timeoutSeconds !== DEFAULT_TIMEOUT_SECONDS}
      >
        <summary>Advanced</summary>
        <div className="field">
          <label htmlFor={`${ids}-timeout`}>Request timeout (seconds)</label>
          <input
            id={`${ids}-timeout`}
            type="number"
            name="timeout"
            inputMode="numeric"
            min={MIN_TIMEOUT_SECONDS}
            max={MAX_TIMEOUT_SECONDS}
            step={1}
            value={timeoutText}
            onChange={(event) => setTimeoutText(event.target.value)}
            aria-describedby={`${ids}-timeout-hint`}
          />
          <span id={`${ids}-timeout-hint`} className="hint">
            A request that gets no answer is abandoned after this long. Default{' '}
            {DEFAULT_TIMEOUT_SECONDS}.
          </span>
        </div>
      </details>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={handleUseDemo}>
          Use demo data
        </button>
        <button type="button" className="button" onClick={() => void handleReset()}>
          Reset to defaults
        </button>
        <span className="spacer" />
        <Dialog.Close asChild>
          <button type="button" className="button">
            Cancel
          </button>
        </Dialog.Close>
        <button type="submit" className="button primary">
          Save
        </button>
      </div>
    </form>
  );
}
