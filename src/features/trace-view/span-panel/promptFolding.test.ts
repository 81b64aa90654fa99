import { describe, expect, it } from 'vitest';
import { foldedPreview } from './promptFolding';

const lines = (count: number) =>
  Array.from({ length: count }, (_, i) => `line ${i + 1}`).join('\n');

describe('foldedPreview', () => {
  it('leaves a prompt of up to 12 lines whole', () => {
    expect(foldedPreview(lines(12))).toBeNull();
    expect(foldedPreview('')).toBeNull();
  });

  it('folds a longer prompt to its first 4 lines', () => {
    expect(foldedPreview(lines(13))).toBe('line 1\nline 2\nline 3\nline 4');
  });

  it('counts a long line as the lines it wraps to', () => {
    // 3 short lines and one of 700 characters: 3 + 10 lines on screen.
    const text = `a\nb\nc\n${'x'.repeat(700)}`;
    expect(foldedPreview(text)).toBe(`a\nb\nc\n${'x'.repeat(70)}`);
    expect(foldedPreview(`a\n${'x'.repeat(700)}`)).toBeNull();
  });

  it('folds one very long line at the preview size', () => {
    expect(foldedPreview('y'.repeat(1_000))).toBe('y'.repeat(280));
  });
});
