import { setConnectionSettingsOpen } from '../../api/connection';

export function DemoBanner() {
  return (
    <aside className="demo-banner" aria-label="Demo mode">
      <span>
        You are looking at <strong>demo data</strong>, generated in your browser. To see your own
        traces, connect to your AgentOS (its URL, and a security key if it has one).
      </span>
      <button
        type="button"
        className="button primary"
        onClick={() => setConnectionSettingsOpen(true)}
      >
        Connect to AgentOS
      </button>
    </aside>
  );
}
