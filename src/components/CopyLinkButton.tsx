import { useState } from 'react';

export interface CopyLinkButtonProps {
  /** Brings the address up to date first (a page that writes its view to the URL after a pause). */
  beforeCopy?: () => Promise<void> | void;
}

/** Copies the page's address, which holds the whole view (filters, page, database). */
export function CopyLinkButton({ beforeCopy }: CopyLinkButtonProps = {}) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const handleClick = () => {
    const done = (next: 'copied' | 'failed') => {
      setStatus(next);
      window.setTimeout(() => setStatus('idle'), 2000);
    };
    if (!navigator.clipboard) {
      done('failed');
      return;
    }
    const { clipboard } = navigator;
    Promise.resolve(beforeCopy?.())
      .then(() => clipboard.writeText(window.location.href))
      .then(
        () => done('copied'),
        () => done('failed'),
      );
  };
  return (
    <>
      <button type="button" className="button" onClick={handleClick}>
        Copy link
      </button>
      <span className="muted copy-status" role="status">
        {status === 'copied'
          ? 'Link copied'
          : status === 'failed'
            ? 'Could not copy: copy the address bar instead'
            : ''}
      </span>
    </>
  );
}
