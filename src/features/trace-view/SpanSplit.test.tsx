import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SpanSplit } from './SpanSplit';

const panel = <section aria-label="Span details">details</section>;

describe('SpanSplit', () => {
  it('has no divider while the panel is closed', () => {
    render(<SpanSplit main={<p>spans</p>} panel={null} isMaximised={false} isNarrow={false} />);
    expect(screen.getByText('spans')).toBeInTheDocument();
    expect(screen.queryByRole('separator')).not.toBeInTheDocument();
  });

  it('moves the divider from the keyboard and says where it stands', async () => {
    render(<SpanSplit main={<p>spans</p>} panel={panel} isMaximised={false} isNarrow={false} />);
    const divider = screen.getByRole('separator', { name: 'Resize span details' });
    expect(divider).toHaveAttribute('aria-valuenow', '60');
    divider.focus();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(divider).toHaveAttribute('aria-valuenow', '50');
    await userEvent.keyboard('{ArrowRight}');
    expect(divider).toHaveAttribute('aria-valuenow', '55');
    await userEvent.keyboard('{End}');
    expect(divider).toHaveAttribute('aria-valuenow', '80');
    await userEvent.keyboard('{Home}');
    expect(divider).toHaveAttribute('aria-valuenow', '20');
    await userEvent.keyboard('{Enter}');
    expect(divider).toHaveAttribute('aria-valuenow', '60');
  });

  it('gives a maximised panel three quarters, and restores the default width', () => {
    const { rerender } = render(
      <SpanSplit main={<p>spans</p>} panel={panel} isMaximised={false} isNarrow={false} />,
    );
    rerender(<SpanSplit main={<p>spans</p>} panel={panel} isMaximised isNarrow={false} />);
    expect(screen.getByRole('separator')).toHaveAttribute('aria-valuenow', '25');
    rerender(<SpanSplit main={<p>spans</p>} panel={panel} isMaximised={false} isNarrow={false} />);
    expect(screen.getByRole('separator')).toHaveAttribute('aria-valuenow', '60');
  });

  it('keeps the view mounted when the panel opens', () => {
    const { rerender } = render(
      <SpanSplit
        main={<input aria-label="view" />}
        panel={null}
        isMaximised={false}
        isNarrow={false}
      />,
    );
    const view = screen.getByRole('textbox', { name: 'view' });
    rerender(
      <SpanSplit
        main={<input aria-label="view" />}
        panel={panel}
        isMaximised={false}
        isNarrow={false}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'view' })).toBe(view);
  });

  it('lays the panel over the view on a phone, with no divider', () => {
    render(<SpanSplit main={<p>spans</p>} panel={panel} isMaximised={false} isNarrow />);
    expect(screen.getByRole('region', { name: 'Span details' })).toBeInTheDocument();
    expect(screen.queryByRole('separator')).not.toBeInTheDocument();
  });
});
