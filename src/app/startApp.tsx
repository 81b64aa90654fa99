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
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} router={createAppRouter(queryClient)} />
    </StrictMode>,
  );
  // In a task of its own after the first frame: neither in the first render's task nor before it
  // (config.json has usually arrived by now, so a timer set earlier would delay the render).
  requestAnimationFrame(() => setTimeout(warmDateFormatting, 0));
}
