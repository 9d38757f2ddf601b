import { afterEach, describe, expect, it, vi } from 'vitest';
import { reuseWhileUnchanged } from '@/server/reuse';

afterEach(() => {
  vi.useRealTimers();
});

describe('reuseWhileUnchanged', () => {
  it('reuses a computation while the marker stays, and recomputes when it moves', async () => {
    const reuse = reuseWhileUnchanged<number>({ maxAgeMs: 60_000, limit: 10 });
    const compute = vi.fn(async () => compute.mock.calls.length);
    expect(await reuse('team', 'm1', compute)).toBe(1);
    expect(await reuse('team', 'm1', compute)).toBe(1);
    expect(await reuse('team', 'm2', compute)).toBe(2);
    expect(await reuse('book', 'm2', compute)).toBe(3);
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('shares one computation between requests that arrive together', async () => {
    const reuse = reuseWhileUnchanged<string>({ maxAgeMs: 60_000, limit: 10 });
    const compute = vi.fn(() => new Promise<string>((resolve) => setTimeout(resolve, 10, 'x')));
    const [first, second] = await Promise.all([
      reuse('team', 'm', compute),
      reuse('team', 'm', compute),
    ]);
    expect([first, second]).toEqual(['x', 'x']);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('recomputes once an entry is older than its maximum age', async () => {
    vi.useFakeTimers();
    const reuse = reuseWhileUnchanged<number>({ maxAgeMs: 1_000, limit: 10 });
    const compute = vi.fn(async () => Date.now());
    const first = await reuse('team', 'm', compute);
    vi.advanceTimersByTime(1_001);
    expect(await reuse('team', 'm', compute)).not.toBe(first);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('forgets a failed computation and keeps at most `limit` entries', async () => {
    const reuse = reuseWhileUnchanged<number>({ maxAgeMs: 60_000, limit: 1 });
    await expect(reuse('team', 'm', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await reuse('team', 'm', async () => 7)).toBe(7);
    await reuse('book', 'm', async () => 8);
    expect(await reuse('team', 'm', async () => 9)).toBe(9);
  });
});
