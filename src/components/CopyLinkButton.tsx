import { useState } from 'react';

/** Copies the page's address, which holds the whole view (filters, page, database). */
export function CopyLinkButton() {
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
    navigator.clipboard.writeText(window.location.href).then(
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
