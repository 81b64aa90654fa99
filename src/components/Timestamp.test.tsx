import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Timestamp } from './Timestamp';

describe('Timestamp', () => {
  it('reads a trace that just arrived from a server a few seconds ahead as "just now"', () => {
    render(<Timestamp us={(Date.now() + 5_000) * 1000} />);
    expect(screen.getByRole('time')).toHaveTextContent(/· just now$/);
  });

  it('shows only the absolute time for a time far ahead of this browser, never "in …"', () => {
    render(<Timestamp us={(Date.now() + 2 * 3_600_000) * 1000} />);
    const time = screen.getByRole('time');
    expect(time).not.toHaveTextContent('·');
    expect(time).not.toHaveTextContent(/\bin\b/);
    expect(time).toHaveTextContent(/\d{2}:\d{2}:\d{2}/);
  });

  it('says how long ago an older time was', () => {
    render(<Timestamp us={(Date.now() - 3 * 60_000) * 1000} />);
    expect(screen.getByRole('time')).toHaveTextContent(/· 3 min\. ago$/);
  });
});
