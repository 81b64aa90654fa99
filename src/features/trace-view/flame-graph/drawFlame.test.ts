import { describe, expect, it } from 'vitest';
import { fitText } from './drawFlame';

describe('fitText', () => {
  it('keeps a name that fits and cuts one that does not, with an ellipsis', () => {
    expect(fitText('get_price', 100, 6)).toBe('get_price');
    expect(fitText('get_stock_price_history', 60, 6)).toBe('get_stock…');
  });

  it('draws nothing where not even a few letters fit', () => {
    expect(fitText('get_price', 12, 6)).toBe('');
  });
});
