import { z } from 'zod/mini';
import type { RuntimeConfig } from '../api/connection';
import { fetchRuntimeConfig } from './fetchRuntimeConfig';

const runtimeConfigSchema = z.looseObject({
  endpoint: z.nullish(z.string()),
  dbId: z.nullish(z.string()),
  // The AgentOS choices the packaged server offers (`--agentos name=URL`, repeatable).
  endpoints: z.nullish(z.array(z.looseObject({ name: z.string(), endpoint: z.string() }))),
});

/**
 * Reads `config.json` beside index.html, so one static build can be pointed at any AgentOS
 * without rebuilding. No file (or not JSON: dev servers answer index.html) means demo mode.
 */
export async function loadRuntimeConfig(
  request: Promise<Response> = fetchRuntimeConfig(),
): Promise<RuntimeConfig> {
  try {
    const response = await request;
    if (!response.ok) return {};
    const parsed = runtimeConfigSchema.safeParse(await response.json());
    if (!parsed.success) {
      console.warn('config.json ignored: it should be {"endpoint": "...", "dbId": "..."}');
      return {};
    }
    const { endpoint, dbId, endpoints } = parsed.data;
    return {
      endpoint: endpoint == null ? endpoint : resolveEndpoint(endpoint),
      dbId,
      endpoints: endpoints?.map((choice) => ({
        name: choice.name,
        endpoint: resolveEndpoint(choice.endpoint),
      })),
    };
  } catch {
    return {};
  }
}

/**
 * A path such as `/agentos/local` is the packaged server's same-origin proxy: made absolute on
 * this page's origin, like any URL a user could type in Settings. Other values are kept as they
 * are (`//host` too: that is another server, not a path here).
 */
function resolveEndpoint(endpoint: string): string {
  if (!endpoint.startsWith('/') || endpoint.startsWith('//')) return endpoint;
  return new URL(endpoint, window.location.origin).href;
}
