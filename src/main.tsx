// The boot comes in stages, each evaluated in a task of its own, so that no task of it is long
// (issue 13: evaluating React, zod, the router and the app at once was one task of 120–250 ms).
import './styles/tokens.css';
import './styles.css';
import { fetchRuntimeConfig } from './app/fetchRuntimeConfig';
import { initTheme } from './lib/theme';

/** Lets the browser paint and run other tasks before the next stage is evaluated. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function start() {
  initTheme();
  // On its way while the stages are evaluated.
  const configResponse = fetchRuntimeConfig();
  await import('react-dom/client');
  await nextTask();
  // zod, configured before any schema is built (schemas.ts imports zodConfig first), and the
  // API's schemas: building them was most of the app's evaluation.
  await import('./api/schemas');
  await nextTask();
  const { startApp } = await import('./app/startApp');
  await startApp(configResponse);
}

void start();
