import * as Dialog from '@radix-ui/react-dialog';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createApiClient } from '../../api/client';
import {
  getRuntimeDefaults,
  normalizeEndpoint,
  resetConnection,
  setConnection,
  setConnectionSettingsOpen,
  useConnection,
  useConnectionSettingsOpen,
  type Connection,
} from '../../api/connection';
import { createApiQueries } from '../../api/queries';
import { ensureDemoWorker } from './demoWorker';

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
  const [endpoint, setEndpoint] = useState(initial.endpoint ?? '');
  const [securityKey, setSecurityKey] = useState(initial.securityKey ?? '');
  const [dbId, setDbId] = useState(initial.dbId ?? '');
  const databases = useDatabaseChoices(endpoint, securityKey);

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
      dbId: dbId || null,
    });
  };

  const handleUseDemo = () => void apply({ endpoint: null, securityKey: null, dbId: null });

  const handleReset = async () => {
    if (!normalizeEndpoint(getRuntimeDefaults().endpoint)) await ensureDemoWorker();
    resetConnection();
    queryClient.removeQueries();
    setConnectionSettingsOpen(false);
  };

  return (
    <form className="settings-form" onSubmit={handleSubmit}>
      <label className="field">
        AgentOS URL
        <input
          type="url"
          name="endpoint"
          placeholder="http://localhost:7777"
          value={endpoint}
          onChange={(event) => setEndpoint(event.target.value)}
          autoComplete="url"
        />
      </label>
      <label className="field">
        Security key
        <input
          type="password"
          name="security-key"
          placeholder="Only if your AgentOS requires one"
          value={securityKey}
          onChange={(event) => setSecurityKey(event.target.value)}
          autoComplete="off"
        />
        <span className="hint">
          Kept in this tab’s session storage, sent only to the URL above.
        </span>
      </label>
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

interface DatabaseChoice {
  id: string;
  label: string;
}

/** The trace databases the entered server offers (GET /config), for the picker. */
function useDatabaseChoices(endpoint: string, securityKey: string): DatabaseChoice[] {
  const baseUrl = normalizeEndpoint(endpoint);
  const queries = baseUrl
    ? createApiQueries(createApiClient({ baseUrl, securityKey: securityKey || null }))
    : null;
  const config = useQuery({
    ...(queries?.config() ?? { queryKey: ['agentos', 'no-endpoint', 'config'] }),
    enabled: queries !== null && isHttpUrl(baseUrl),
    retry: false,
  });
  const traceDbs = config.data?.traces?.dbs;
  if (traceDbs?.length) {
    return traceDbs.map((db) => ({
      id: db.db_id,
      label: db.domain_config?.display_name ?? db.db_id,
    }));
  }
  return (config.data?.databases ?? []).map((id) => ({ id, label: id }));
}

function isHttpUrl(value: string | null): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
