export interface StatusBadgeProps {
  status: string;
  /**
   * Why the status shown is not the one the server sent (a trace whose root span is OK but
   * with failing spans), shown beside the badge; from `traceStatus`.
   */
  note?: string | null;
}

/** OK / ERROR / UNSET, and any other status the server invents, shown as it came. */
export function StatusBadge({ status, note }: StatusBadgeProps) {
  const tone = status === 'OK' ? 'ok' : status === 'ERROR' ? 'error' : 'neutral';
  // The note is also the badge's tooltip, for where a narrow window hides it.
  const badge = (
    <span className={`badge badge-${tone}`} title={note ?? undefined}>
      {status}
    </span>
  );
  if (!note) return badge;
  return (
    <span className="status-with-note">
      {badge} <span className="status-note">{note}</span>
    </span>
  );
}
