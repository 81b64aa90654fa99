import { useId } from 'react';
import type { Choice } from '../../lib/configChoices';

export interface DatabaseSelectProps {
  databases: readonly Choice[];
  /** The database on screen. */
  value: string | undefined;
  onChange: (dbId: string) => void;
}

/** Which of the server's trace databases to read; only shown when there is a choice. */
export function DatabaseSelect({ databases, value, onChange }: DatabaseSelectProps) {
  const id = useId();
  if (databases.length < 2) return null;
  const known = databases.some((db) => db.value === value);
  return (
    <div className="inline-field database-select">
      <label htmlFor={id} className="muted">
        Database
      </label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        {!known && <option value={value ?? ''}>{value ?? 'Server default'}</option>}
        {databases.map((db) => (
          <option key={db.value} value={db.value}>
            {db.label ? `${db.label} (${db.value})` : db.value}
          </option>
        ))}
      </select>
    </div>
  );
}
