import { z } from 'zod';
import type { RuntimeConfig } from '../api/connection';
import { appUrl } from '../lib/appUrl';

const runtimeConfigSchema = z.looseObject({
  endpoint: z.string().nullish(),
  dbId: z.string().nullish(),
});

/**
 * Reads `config.json` beside index.html, so one static build can be pointed at any AgentOS
 * without rebuilding. No file (or not JSON: dev servers answer index.html) means demo mode.
 */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  try {
    const response = await fetch(appUrl('config.json'), { cache: 'no-store' });
    if (!response.ok) return {};
    const parsed = runtimeConfigSchema.safeParse(await response.json());
    if (!parsed.success) {
      console.warn('config.json ignored: it should be {"endpoint": "...", "dbId": "..."}');
      return {};
    }
    return { endpoint: parsed.data.endpoint, dbId: parsed.data.dbId };
  } catch {
    return {};
  }
}
