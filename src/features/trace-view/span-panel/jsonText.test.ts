import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJsonValue, jsonContainerOf, parseJsonText, reindentJson } from './jsonText';

describe('parseJsonText', () => {
  it('parses JSON and reports text that is not JSON', () => {
    expect(parseJsonText('{"symbol": "TSLA"}')).toEqual({ ok: true, value: { symbol: 'TSLA' } });
    expect(parseJsonText('245.67')).toEqual({ ok: true, value: 245.67 });
    expect(parseJsonText('symbol=TSLA')).toEqual({ ok: false });
    expect(parseJsonText('')).toEqual({ ok: false });
    expect(parseJsonText('{"a": ')).toEqual({ ok: false });
  });
});

describe('reindentJson', () => {
  it('lays JSON out like JSON.stringify(value, null, 2)', () => {
    const text = '{"a":[1, 2,{"b" :null}],"c":{}, "d":[ ],"e":"x,y:{z}\\"q"}';
    expect(reindentJson(text)).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });

  it('keeps numbers exactly as written', () => {
    expect(reindentJson('{"id": 12345678901234567890, "x": 1.50}')).toBe(
      '{\n  "id": 12345678901234567890,\n  "x": 1.50\n}',
    );
  });

  it('matches JSON.stringify on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const compact = JSON.stringify(value);
        expect(reindentJson(compact)).toBe(JSON.stringify(JSON.parse(compact), null, 2));
      }),
    );
  });
});

describe('formatJsonValue', () => {
  it('pretty-prints a JSON string, keeps other strings, and stringifies values', () => {
    expect(formatJsonValue('{"symbol": "TSLA"}')).toEqual({
      text: '{\n  "symbol": "TSLA"\n}',
      isJson: true,
    });
    expect(formatJsonValue('symbol=TSLA')).toEqual({ text: 'symbol=TSLA', isJson: false });
    expect(formatJsonValue({ claims: 3 })).toEqual({ text: '{\n  "claims": 3\n}', isJson: true });
    expect(formatJsonValue(null)).toEqual({ text: 'null', isJson: true });
    expect(formatJsonValue(undefined)).toEqual({ text: '', isJson: false });
  });
});

describe('jsonContainerOf', () => {
  it('reads a text holding a JSON object or array', () => {
    expect(jsonContainerOf('{"temperature": 21.5, "unit": "C"}')).toEqual({
      temperature: 21.5,
      unit: 'C',
    });
    expect(jsonContainerOf('  [1, {"a": null}]\n')).toEqual([1, { a: null }]);
  });

  it('leaves plain text, broken JSON and JSON scalars alone', () => {
    expect(jsonContainerOf('The weather is fine')).toBeUndefined();
    expect(jsonContainerOf('{"unterminated": ')).toBeUndefined();
    expect(jsonContainerOf('[link](https://example.com)')).toBeUndefined();
    expect(jsonContainerOf('42')).toBeUndefined();
    expect(jsonContainerOf('"quoted"')).toBeUndefined();
    expect(jsonContainerOf('null')).toBeUndefined();
  });
});
