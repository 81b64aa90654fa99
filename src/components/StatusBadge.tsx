export interface StatusBadgeProps {
  status: string;
}

/** OK / ERROR / UNSET, and any other status the server invents, shown as it came. */
export function StatusBadge({ status }: StatusBadgeProps) {
  const tone = status === 'OK' ? 'ok' : status === 'ERROR' ? 'error' : 'neutral';
  return <span className={`badge badge-${tone}`}>{status}</span>;
}
