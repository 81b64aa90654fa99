import { describe, expect, it, vi } from 'vitest';
import { buildSpanTree } from '../../../domain/trace/buildSpanTree';
import { makeSpan } from '../../../test/testSpans';
import { createSpanSearchRunner } from './spanSearchRunner';

/** 2,000 spans whose inputs say "boiler"; one in twenty names says "pump". */
const tree = buildSpanTree([
  makeSpan({
    id: 'root',
    name: 'Agent.run',
    spans: Array.from({ length: 2000 }, (_, i) =>
      makeSpan({ id: `s${i}`, name: i % 20 === 0 ? `pump ${i}` : `step ${i}`, input: 'boiler' }),
    ),
  }),
]);

describe('createSpanSearchRunner', () => {
  it('answers at once with what it found so far, then tells its subscribers until complete', async () => {
    // No time for a first slice: one check's worth of spans, then the rest when idle.
    const runner = createSpanSearchRunner(0);
    const listener = vi.fn();
    runner.subscribe(listener);
    const first = runner.result(tree, 'boiler');
    expect(first.isComplete).toBe(false);
    expect(runner.result(tree, 'boiler')).toBe(first);

    await vi.waitFor(() => expect(runner.result(tree, 'boiler').isComplete).toBe(true));
    expect(listener).toHaveBeenCalled();
    expect(runner.result(tree, 'boiler').matches).toHaveLength(2000);
  });

  it('finishes a search it paused for a newer query when asked for it again', async () => {
    const runner = createSpanSearchRunner(0);
    const older = runner.result(tree, 'boiler');
    runner.result(tree, 'pump');
    await vi.waitFor(() => expect(runner.result(tree, 'pump').isComplete).toBe(true));
    expect(runner.result(tree, 'pump').matches).toHaveLength(100);

    expect(older.isComplete).toBe(false);
    await vi.waitFor(() => expect(runner.result(tree, 'boiler').isComplete).toBe(true));
    expect(runner.result(tree, 'boiler').matches).toHaveLength(2000);
  });

  it('finds every match of a small trace in the first answer', () => {
    const runner = createSpanSearchRunner();
    const small = buildSpanTree([makeSpan({ name: 'get_weather', input: 'Paris' })]);
    expect(runner.result(small, 'paris')).toMatchObject({ isComplete: true });
    expect(runner.result(small, 'paris').matches).toHaveLength(1);
  });
});
