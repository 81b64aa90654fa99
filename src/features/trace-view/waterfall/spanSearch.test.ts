import { describe, expect, it } from 'vitest';
import { buildSpanTree } from '../../../domain/trace/buildSpanTree';
import { makeSpan } from '../../../test/testSpans';
import { spanMatch } from './spanSearch';

describe('spanMatch', () => {
  it('says a span matched in its input, with the words around the match on one line', () => {
    const node = makeSpan({
      name: 'Agent.run',
      input: 'Compare the running costs of\nheat pumps and gas boilers in a 1970s house',
    });
    expect(spanMatch(node, 'HEAT PUMPS', 12)).toEqual({
      field: 'input',
      before: 'ng costs of ',
      match: 'heat pumps',
      after: ' and gas boi',
      isCutBefore: true,
      isCutAfter: true,
    });
  });

  it('reports the name first when the name matches too', () => {
    const node = makeSpan({ name: 'search_web', input: 'search the web' });
    expect(spanMatch(node, 'search')?.field).toBe('name');
  });

  it('finds matches in the output, the error and the tool name', () => {
    expect(spanMatch(makeSpan({ name: 'x', output: 'TSLA at 245.67' }), '245')?.field).toBe(
      'output',
    );
    expect(spanMatch(makeSpan({ name: 'x', error: 'Rate limit hit' }), 'limit')?.field).toBe(
      'error',
    );
    expect(
      spanMatch(makeSpan({ name: 'x', metadata: { tool_name: 'get_price' } }), 'price')?.field,
    ).toBe('tool');
  });

  it('keeps a short text whole, uncut', () => {
    const match = spanMatch(makeSpan({ name: 'x', output: 'ok done' }), 'done');
    expect(match).toMatchObject({
      before: 'ok ',
      after: '',
      isCutBefore: false,
      isCutAfter: false,
    });
  });

  it('is null for a span that does not match or an empty query', () => {
    expect(spanMatch(makeSpan({ name: 'x' }), 'nothing')).toBeNull();
    expect(spanMatch(makeSpan({ name: 'x' }), '  ')).toBeNull();
  });

  it('searches spans built into a tree', () => {
    const tree = buildSpanTree([makeSpan({ name: 'root', error: 'boom' })]);
    expect(spanMatch(tree.nodes[0]!, 'BOOM')?.match).toBe('boom');
  });
});
