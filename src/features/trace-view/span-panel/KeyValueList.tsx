import { LazyJsonViewer } from '../../../components/LazyJsonViewer';
import { LongText } from './LongText';

export interface KeyValueListProps {
  /** Heading and accessible name, e.g. "Other metadata". */
  label: string;
  entries: readonly (readonly [string, unknown])[];
}

/** Keys and values the panel has no special place for: every key the server sent is shown. */
export function KeyValueList({ label, entries }: KeyValueListProps) {
  return (
    <section className="span-section" aria-label={label}>
      <h3>{label}</h3>
      <dl className="kv-list">
        {entries.map(([key, value]) => (
          <div key={key} className="kv-row">
            <dt>
              <code>{key}</code>
            </dt>
            <dd>
              <KeyValue name={key} value={value} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function KeyValue({ name, value }: { name: string; value: unknown }) {
  if (typeof value === 'string') return <LongText text={value} />;
  if (value === null) return <span className="muted">null</span>;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return <span className="numeric">{String(value)}</span>;
  }
  return <LazyJsonViewer value={value} label={name} />;
}
