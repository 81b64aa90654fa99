import { skipToken, useQuery } from '@tanstack/react-query';
import { useDebounce } from 'use-debounce';
import { createApiClient } from '../../api/client';
import { normalizeEndpoint, type Connection } from '../../api/connection';
import { createApiQueries } from '../../api/queries';

export interface DatabaseChoice {
  id: string;
  label: string;
}

/** Typing a URL asks each finished one, not every keystroke's. */
const PROBE_DELAY_MS = 400;

/**
 * The trace databases the entered server offers (GET /config), for the picker. The key goes
 * along only when the typed URL is on the saved endpoint's origin: a half-typed or different
 * URL is never sent the key before the user saves it as theirs.
 */
export function useDatabaseChoices(endpoint: string, saved: Connection): DatabaseChoice[] {
  const [typed] = useDebounce(normalizeEndpoint(endpoint), PROBE_DELAY_MS);
  const baseUrl = isHttpUrl(typed) ? typed : null;
  const keyFits = baseUrl !== null && sameOrigin(baseUrl, saved.endpoint);
  const queries = baseUrl
    ? createApiQueries(
        createApiClient({
          baseUrl,
          securityKey: keyFits ? saved.securityKey : null,
          timeoutMs: saved.timeoutSeconds * 1000,
        }),
      )
    : null;
  const options = queries?.config();
  const config = useQuery({
    queryKey: options?.queryKey ?? ['agentos', 'no-endpoint', 'config'],
    queryFn: options?.queryFn ?? skipToken,
    staleTime: options?.staleTime,
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

function isHttpUrl(value: string | null): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function sameOrigin(a: string, b: string | null): boolean {
  if (!b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
