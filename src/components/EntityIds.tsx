import { FilterIdButton } from './FilterIdButton';
import styles from './EntityIds.module.css';

const ENTITY_KEYS = [
  ['agent_id', 'agent'],
  ['team_id', 'team'],
  ['workflow_id', 'workflow'],
] as const;
type EntityKey = (typeof ENTITY_KEYS)[number][0];

export interface EntityIdsProps {
  /** A trace or a session: whichever of the three ids the server sent. */
  ids: Partial<Record<EntityKey, string | null>>;
  noun?: 'traces' | 'sessions';
  onFilter: (key: EntityKey, value: string) => void;
}

/** The agent, team and workflow a row ran under, each a button that filters by it. */
export function EntityIds({ ids, noun, onFilter }: EntityIdsProps) {
  const present = ENTITY_KEYS.flatMap(([key, kind]) => {
    const value = ids[key];
    return value ? [{ key, kind, value }] : [];
  });
  if (present.length === 0) return <span className="muted">–</span>;
  return (
    <span className={styles.ids}>
      {present.map(({ key, kind, value }) => (
        <span key={key} className={styles.id}>
          <span className={styles.kind}>{kind}</span>
          <FilterIdButton
            kind={kind}
            id={value}
            noun={noun}
            onFilter={() => onFilter(key, value)}
          />
        </span>
      ))}
    </span>
  );
}
