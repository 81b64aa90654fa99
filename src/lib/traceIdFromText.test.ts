import { describe, expect, it } from 'vitest';
import { traceIdFromText } from './traceIdFromText';

describe('traceIdFromText', () => {
  it('takes an id as it is, trimmed', () => {
    expect(traceIdFromText('  0af76519  ')).toBe('0af76519');
  });

  it('takes the id out of a trace page address', () => {
    expect(traceIdFromText('http://localhost:3000/traces/abc%2F1?span=x&db_id=y')).toBe('abc/1');
    expect(traceIdFromText('/traces/abc#top')).toBe('abc');
  });

  it('refuses empty text and text with spaces', () => {
    expect(traceIdFromText('   ')).toBeNull();
    expect(traceIdFromText('two words')).toBeNull();
  });
});
