import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSelectedSpan } from './useSelectedSpan';

describe('useSelectedSpan', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(initialUrl: string | null) {
    const writeUrl = vi.fn();
    const hook = renderHook(({ url }) => useSelectedSpan(url, writeUrl), {
      initialProps: { url: initialUrl },
    });
    return { hook, writeUrl };
  }

  it('shows a selection at once and writes the URL shortly after', () => {
    const { hook, writeUrl } = setup(null);
    act(() => hook.result.current[1]('a'));
    expect(hook.result.current[0]).toBe('a');
    expect(writeUrl).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(writeUrl).toHaveBeenCalledExactlyOnceWith('a');
  });

  it('writes only where a quick run of selections ends', () => {
    const { hook, writeUrl } = setup(null);
    act(() => hook.result.current[1]('a'));
    act(() => hook.result.current[1]('b'));
    act(() => hook.result.current[1]('c'));
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(writeUrl).toHaveBeenCalledExactlyOnceWith('c');
    expect(hook.result.current[0]).toBe('c');
  });

  it('is not pulled back when its own write reaches the URL after the user moved on', () => {
    const { hook } = setup(null);
    act(() => hook.result.current[1]('a'));
    act(() => {
      vi.advanceTimersByTime(200);
    }); // 'a' written
    act(() => hook.result.current[1]('b')); // moved on before the router caught up
    hook.rerender({ url: 'a' });
    expect(hook.result.current[0]).toBe('b');
  });

  it('follows a change of the URL from outside', () => {
    const { hook } = setup('a');
    hook.rerender({ url: 'z' });
    expect(hook.result.current[0]).toBe('z');
  });
});
