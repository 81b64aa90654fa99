import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getConnection, initConnection, isDemo } from '../api/connection';
import { ensureDemoWorker } from '../features/connection/demoWorker';
import { warmDateFormatting } from '../lib/timeZone';
import { App } from './App';
import { createQueryClient } from './queryClient';
import { createAppRouter } from './router';
import { loadRuntimeConfig } from './runtimeConfig';

/** Renders the app once `config.json` has been read (see main.tsx). */
export async function startApp(configResponse: Promise<Response>): Promise<void> {
  initConnection(await loadRuntimeConfig(configResponse));
  // Not awaited: demo requests wait for it (holdDemoRequestsUntil), the first render does not.
  if (isDemo(getConnection())) void ensureDemoWorker();
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  // The route's loaders (a trace's download) start now rather than after React's first render
  // of the shell; the router does not load the same location again when it mounts.
  router.load().catch(console.error);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} />
    </StrictMode>,
  );
  // In a task of its own, not in the first render's, and after the trace's request.
  setTimeout(warmDateFormatting, 0);
}
