import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { testModel } from '../../../test/testModel';
import { makeSpan } from '../../../test/testSpans';
import { LazySpanDetailsPanel } from './LazySpanDetailsPanel';

describe('LazySpanDetailsPanel', () => {
  it('keeps the panel it showed while its code loaded when the page renders it again', async () => {
    const tree = testModel([makeSpan({ id: 'tool-1', name: 'get_stock_price', type: 'TOOL' })]);
    const onClose = vi.fn();
    const { rerender } = render(<LazySpanDetailsPanel tree={tree} index={0} onClose={onClose} />);
    expect(screen.getByText('Loading span…')).toBeInTheDocument();
    const panel = await screen.findByRole('region', { name: 'Span details' });

    // A later render of the page (the costs arriving, a URL write) with the code now loaded.
    rerender(<LazySpanDetailsPanel tree={tree} index={0} selfTimeUs={1_000} onClose={onClose} />);

    // The same element: a remounted panel loses the reader's scroll position and focus.
    expect(screen.getByRole('region', { name: 'Span details' })).toBe(panel);
    expect(panel).toHaveTextContent('get_stock_price');
  });
});
