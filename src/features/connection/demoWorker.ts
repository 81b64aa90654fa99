import { demoBaseUrl } from '../../api/connection';

let started: Promise<void> | null = null;

/**
 * Starts the in-browser mock AgentOS once. Its code is a separate chunk, loaded only in demo
 * mode, so a viewer connected to a real server never downloads it.
 */
export function ensureDemoWorker(): Promise<void> {
  started ??= import('../../mocks/browser').then(({ startDemoWorker }) =>
    startDemoWorker(demoBaseUrl()),
  );
  return started;
}
