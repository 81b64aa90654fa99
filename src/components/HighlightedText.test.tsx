import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HighlightedText, HighlightQueryContext } from './HighlightedText';

describe('HighlightedText', () => {
  it('marks the query from the context, case-insensitively', () => {
    const { container } = render(
      <HighlightQueryContext value="tesla">
        <p>
          <HighlightedText text="Tesla stock: TESLA rose" />
        </p>
      </HighlightQueryContext>,
    );
    expect(Array.from(container.querySelectorAll('mark'), (m) => m.textContent)).toEqual([
      'Tesla',
      'TESLA',
    ]);
    expect(container.textContent).toBe('Tesla stock: TESLA rose');
  });

  it('renders plain text without a query', () => {
    const { container } = render(<HighlightedText text="<b>as text</b>" />);
    expect(container.querySelector('mark, b')).toBeNull();
    expect(container.textContent).toBe('<b>as text</b>');
  });
});
