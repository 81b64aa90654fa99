import { describe, expect, it } from 'vitest';
import { parseTraceSearch, searchKey } from './traceSearch';

describe('parseTraceSearch', () => {
  it('reads every key of a shared trace link, as the address bar hands it over (text)', () => {
    const { search, dropped } = parseTraceSearch({
      span: 'a1b2',
      db_id: 'prod',
      panel: 'raw',
      tab: 'charts',
      group: 'model',
      q: 'fetch',
      match: '3',
      types: 'LLM,TOOL',
      errors: '1',
      repeated: '1',
      hide: '1',
      cp: '1',
      depth: '2',
      fold: 'c3,d4',
      view: 'all',
    });
    expect(search).toEqual({
      span: 'a1b2',
      db_id: 'prod',
      panel: 'raw',
      tab: 'charts',
      group: 'model',
      q: 'fetch',
      match: 3,
      types: 'LLM,TOOL',
      errors: 1,
      repeated: 1,
      hide: 1,
      cp: 1,
      depth: 2,
      fold: 'c3,d4',
      view: 'all',
    });
    expect(dropped).toEqual([]);
  });

  it('takes the values the app writes (numbers) the same as their text', () => {
    expect(parseTraceSearch({ q: 'x', match: 2, depth: 4, errors: 1 }).search).toEqual({
      q: 'x',
      match: 2,
      depth: 4,
      errors: 1,
    });
  });

  it('leaves defaults out, so a default view is a bare trace link', () => {
    const { search, dropped } = parseTraceSearch({
      panel: 'details',
      tab: 'waterfall',
      group: 'type',
      types: ',',
    });
    expect(search).toEqual({});
    expect(dropped).toEqual([]);
  });

  it('drops what it cannot read and says which key, which value and why', () => {
    const { search, dropped } = parseTraceSearch({
      span: 'a1b2',
      panel: 'sideways',
      depth: '0',
      errors: 'yes',
      view: 'everything',
      zoom: '2400000-1250000',
    });
    expect(search).toEqual({ span: 'a1b2' });
    expect(dropped).toEqual([
      { key: 'panel', value: 'sideways', reason: 'not a panel tab' },
      { key: 'errors', value: 'yes', reason: 'use 1 to turn it on' },
      { key: 'depth', value: '0', reason: 'depth is a whole number from 1' },
      { key: 'view', value: 'everything', reason: 'only view=all is known' },
      {
        key: 'zoom',
        value: '2400000-1250000',
        reason: 'zoom is <start µs>-<end µs> from the trace start, the start first',
      },
    ]);
  });

  it('ignores a match without a search, and keys it does not know', () => {
    expect(parseTraceSearch({ match: '2', utm_source: 'mail' }).search).toEqual({});
  });
});

describe('searchKey', () => {
  it('is the same for the same search whatever the key order', () => {
    expect(searchKey({ span: 'a', depth: 2 })).toBe(searchKey({ depth: 2, span: 'a' }));
    expect(searchKey({ span: 'a' })).not.toBe(searchKey({ span: 'b' }));
  });
});

describe('span ids in links', () => {
  it('keeps an id exactly as written, spaces and quotes included', () => {
    expect(parseTraceSearch({ span: '  spaced id   #3' }).search).toEqual({
      span: '  spaced id   #3',
    });
    expect(parseTraceSearch({ span: '"quoted"' }).search).toEqual({ span: '"quoted"' });
  });
});
