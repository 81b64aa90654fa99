import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../api/errors';
import { readTraceFile } from './readTraceFile';

const file = (name: string, text: string) => ({ name, text: () => Promise.resolve(text) });

const TRACE = {
  trace_id: 't1',
  name: 'Agent.run',
  status: 'OK',
  duration: '1.00s',
  start_time: '2025-11-19T10:30:00Z',
  end_time: '2025-11-19T10:30:01Z',
  created_at: '2025-11-19T10:30:01Z',
  total_spans: 1,
  error_count: 0,
  tree: [
    {
      id: 's1',
      name: 'Agent.run',
      type: 'AGENT',
      duration: '1.00s',
      start_time: '2025-11-19T10:30:00Z',
      end_time: '2025-11-19T10:30:01Z',
      status: 'OK',
      extra_field: { kept: true },
    },
  ],
};

describe('readTraceFile', () => {
  it('reads a saved trace, keeping what the server sent', async () => {
    const trace = await readTraceFile(file('trace-t1.json', JSON.stringify(TRACE)));
    expect(trace.trace_id).toBe('t1');
    expect(trace.tree[0]).toEqual(TRACE.tree[0]);
  });

  it('says when a file is not JSON, or empty', async () => {
    await expect(readTraceFile(file('notes.txt', 'hello'))).rejects.toThrow(
      /^“notes.txt” is not JSON \(/,
    );
    await expect(readTraceFile(file('empty.json', '  '))).rejects.toThrow(/^“empty.json” is empty/);
  });

  it('names the first wrong path of JSON that is not a trace, as for a server answer', async () => {
    const broken = { ...TRACE, tree: [{ ...TRACE.tree[0], start_time: 42 }] };
    const error = await readTraceFile(file('bad.json', JSON.stringify(broken))).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).path).toBe('$.tree[0].start_time');
  });
});
