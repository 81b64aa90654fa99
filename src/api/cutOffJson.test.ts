import { describe, expect, it } from 'vitest';
import { isCutOffJson } from './cutOffJson';

describe('isCutOffJson', () => {
  it.each([
    ['{"data": [{"trace_id": "a"}, {"trace_id": "b"', 'inside an array of objects'],
    ['{"fields": [{"key": "status", "label": "Sta', 'inside a string'],
    ['  [1, 2, ', 'after a comma, with leading space'],
    ['{"a": "quote \\" and brace { inside', 'inside a string with an escaped quote and a brace'],
    ['{"a": "ends on a backslash \\', 'right after a backslash'],
    ['{', 'after the first byte'],
  ])('says a JSON answer that stops early is cut off: %s (%s)', (text) => {
    expect(isCutOffJson(text)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'only spaces'],
    ['<!doctype html><title>Sign in</title>', 'a web page'],
    ['Internal Server Error', 'a plain-text error'],
    ['{"a": 1} trailing words', 'complete JSON followed by junk'],
    ['{"a": 1}}', 'an extra closing brace'],
    ['"a string that never ends', 'a lone string, not an object or array'],
  ])('does not call other text cut off: %s (%s)', (text) => {
    expect(isCutOffJson(text)).toBe(false);
  });
});
