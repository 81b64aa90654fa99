import type { ReactNode } from 'react';
import { CopyButton } from '../../../components/CopyButton';

export interface FactProps {
  label: string;
  children: ReactNode;
  /** Tooltip on the value, e.g. the server's own text for a computed value. */
  title?: string;
}

/** One `<dt>`/`<dd>` pair of a facts list (`<dl className="facts">`). */
export function Fact({ label, children, title }: FactProps) {
  return (
    <div>
      <dt>{label}</dt>
      <dd title={title}>{children}</dd>
    </div>
  );
}

export interface IdFactProps {
  label: string;
  value: string;
}

/** An id with a copy button named "Copy <label>". */
export function IdFact({ label, value }: IdFactProps) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className="id-value">
        <code className="span-id">{value}</code>
        <CopyButton text={value} label={`Copy ${label.toLowerCase()}`} />
      </dd>
    </div>
  );
}
