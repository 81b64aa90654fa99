/**
 * Where a key press moves focus in a row of tabs (the WAI-ARIA tabs pattern): ←/→ to the
 * previous/next tab, wrapping, Home/End to the first/last. `null` for any other key.
 */
export function tabIndexAfterKey(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
