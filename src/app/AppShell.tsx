import { Link, Outlet } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import {
  isDemo,
  setConnectionSettingsOpen,
  useConnection,
  useConnectionSettingsOpen,
} from '../api/connection';
import { DemoBanner } from '../features/connection/DemoBanner';
import { OpenTraceFileButton } from '../features/trace-file/OpenTraceFileButton';
import { TraceFileDropZone } from '../features/trace-file/TraceFileDropZone';
import { nextTheme, setTheme, useTheme } from '../lib/theme';
import { TimeZoneToggle } from '../components/TimeZoneToggle';

// The dialog (and its focus-trap and scroll-lock libraries) loads the first time it is opened.
const SettingsDialog = lazy(() =>
  import('../features/connection/SettingsDialog').then((module) => ({
    default: module.SettingsDialog,
  })),
);

const THEME_LABELS = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' } as const;

export function AppShell() {
  const connection = useConnection();
  const theme = useTheme();
  const isSettingsOpen = useConnectionSettingsOpen();
  return (
    <div className="app">
      <header className="app-header">
        <Link to="/traces" className="brand">
          AgentOS Traces
        </Link>
        <nav aria-label="Main">
          <Link to="/traces" activeProps={{ 'aria-current': 'page', className: 'active' }}>
            Traces
          </Link>
          <Link to="/sessions" activeProps={{ 'aria-current': 'page', className: 'active' }}>
            Sessions
          </Link>
        </nav>
        <span className="spacer" />
        <span className="connection-status" role="group" aria-label="Connected to">
          {isDemo(connection) ? (
            <span className="badge badge-neutral">Demo data</span>
          ) : (
            <>
              <span className="connection-host">{hostOf(connection.endpoint)}</span>
              {connection.dbId && <span className="muted"> · {connection.dbId}</span>}
            </>
          )}
        </span>
        <OpenTraceFileButton />
        <TimeZoneToggle />
        <button
          type="button"
          className="button"
          onClick={() => setTheme(nextTheme(theme))}
          aria-label={`${THEME_LABELS[theme]} (change theme)`}
          title={THEME_LABELS[theme]}
        >
          {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
        </button>
        <button type="button" className="button" onClick={() => setConnectionSettingsOpen(true)}>
          Settings
        </button>
      </header>
      {isDemo(connection) && <DemoBanner />}
      <main className="app-main">
        <Outlet />
      </main>
      <TraceFileDropZone />
      {isSettingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog />
        </Suspense>
      )}
    </div>
  );
}

function hostOf(endpoint: string | null): string {
  if (!endpoint) return '';
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
