import { demoBaseUrl, holdDemoRequestsUntil } from '../../api/connection';

let started: Promise<void> | null = null;

/**
 * Starts the in-browser mock AgentOS once; demo requests wait for it. Its code is a separate
 * chunk, loaded only in demo mode, so a viewer connected to a real server never downloads it.
 */
export function ensureDemoWorker(): Promise<void> {
  if (!started) {
    started = import('../../mocks/browser').then(({ startDemoWorker }) =>
      startDemoWorker(demoBaseUrl()),
    );
    holdDemoRequestsUntil(started);
    // Each request reports it too, on the page that asked.
    started.catch((error: unknown) => console.error('The demo server did not start:', error));
  }
  return started;
}
