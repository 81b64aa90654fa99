import { describe, expect, it } from 'vitest';
import { isWellFormedNode, parseTraceDetail } from './parse';
import { SchemaError } from './errors';
import { traceNodeFieldsSchema } from './schemas';

const node = {
  id: 'a',
  name: 'Agent.run',
  type: 'AGENT',
  duration: '1.00s',
  start_time: '2025-11-19T10:30:00Z',
  end_time: '2025-11-19T10:30:01Z',
  status: 'OK',
};

const variants: [string, unknown][] = [
  ['a minimal node', node],
  [
    'every optional field',
    {
      ...node,
      input: 'x',
      output: 'y',
      error: 'e',
      step_type: 'Step',
      metadata: { a: 1 },
      extra_data: {},
      spans: [],
    },
  ],
  ['explicit nulls', { ...node, input: null, metadata: null, spans: null, extra_data: null }],
  ['unknown extra fields', { ...node, cost_usd: 0.2 }],
  ['a number id', { ...node, id: 5 }],
  ['a missing name', { ...node, name: undefined }],
  ['metadata as an array', { ...node, metadata: [] }],
  ['metadata as a string', { ...node, metadata: 'x' }],
  ['spans as an object', { ...node, spans: {} }],
  ['input as a number', { ...node, input: 3 }],
  ['null', null],
  ['an array', [node]],
];

describe('isWellFormedNode', () => {
  it.each(variants)('agrees with the schema on %s', (_, value) => {
    expect(isWellFormedNode(value)).toBe(traceNodeFieldsSchema.safeParse(value).success);
  });
});

describe('parseTraceDetail', () => {
  const detail = {
    trace_id: 't',
    name: 'Agent.run',
    status: 'OK',
    duration: '1.00s',
    start_time: node.start_time,
    end_time: node.end_time,
    created_at: node.end_time,
    total_spans: 2,
    error_count: 0,
    tree: [{ ...node, spans: [{ ...node, id: 'b' }] }],
  };

  it('keeps the nodes as sent, unknown fields included', () => {
    const withExtra = { ...detail, tree: [{ ...detail.tree[0], vendor_field: { x: 1 } }] };
    const parsed = parseTraceDetail(withExtra);
    expect(parsed.tree[0]!.vendor_field).toEqual({ x: 1 });
    expect(parsed.tree[0]!.spans![0]!.id).toBe('b');
  });

  it('names the path of a bad field below the root', () => {
    const bad = { ...detail, tree: [{ ...node, spans: [{ ...node, status: 1 }] }] };
    const error = (() => {
      try {
        parseTraceDetail(bad);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).path).toBe('$.tree[0].spans[0].status');
  });
});
