// First: configures zod before any module builds a schema.
import './api/zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getConnection, initConnection, isDemo } from './api/connection';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { createAppRouter } from './app/router';
import { loadRuntimeConfig } from './app/runtimeConfig';
import { ensureDemoWorker } from './features/connection/demoWorker';
import { initTheme } from './lib/theme';
import { warmDateFormatting } from './lib/timeZone';
import './styles/tokens.css';
import './styles.css';

async function start() {
  initTheme();
  const config = loadRuntimeConfig();
  // While config.json is on its way.
  setTimeout(warmDateFormatting, 0);
  initConnection(await config);
  // Not awaited: demo requests wait for it (holdDemoRequestsUntil), the first render does not.
  if (isDemo(getConnection())) void ensureDemoWorker();
  const queryClient = createQueryClient();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} router={createAppRouter(queryClient)} />
    </StrictMode>,
  );
}

void start();
