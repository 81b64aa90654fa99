import { describe, expect, it } from 'vitest';
import { foldedPreview } from './promptFolding';

const lines = (count: number) =>
  Array.from({ length: count }, (_, i) => `line ${i + 1}`).join('\n');

describe('foldedPreview', () => {
  it('leaves a prompt of up to 8 lines whole', () => {
    expect(foldedPreview(lines(8))).toBeNull();
    expect(foldedPreview('')).toBeNull();
  });

  it('folds a longer prompt to its first 3 lines', () => {
    expect(foldedPreview(lines(9))).toBe('line 1\nline 2\nline 3');
  });

  it('counts a long line as the lines it wraps to', () => {
    // 2 short lines and one of 700 characters: 2 + 10 lines on screen.
    const text = `a\nb\n${'x'.repeat(700)}`;
    expect(foldedPreview(text)).toBe(`a\nb\n${'x'.repeat(70)}`);
    expect(foldedPreview(`a\n${'x'.repeat(490)}`)).toBeNull();
  });

  it('folds one very long line at the preview size', () => {
    expect(foldedPreview('y'.repeat(1_000))).toBe('y'.repeat(210));
  });
});
