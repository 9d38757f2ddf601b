import 'server-only';

/**
 * A store of computations reused across requests while nothing they read has changed: an entry
 * serves while its `marker` (cheap index probes of what it reads, e.g. `max(updated_at)`) is the
 * same and it is younger than `maxAgeMs`. Requests that arrive together share one computation; a
 * failed one is forgotten. A deletion that moves no marker is noticed once the entry ages out.
 */
export function reuseWhileUnchanged<T>({ maxAgeMs, limit }: { maxAgeMs: number; limit: number }) {
  const entries = new Map<string, { marker: string; expiresAt: number; value: Promise<T> }>();
  return (key: string, marker: string, compute: () => Promise<T>): Promise<T> => {
    const now = Date.now();
    const cached = entries.get(key);
    if (cached && cached.marker === marker && cached.expiresAt > now) return cached.value;
    const entry = { marker, expiresAt: now + maxAgeMs, value: compute() };
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > limit) entries.delete(entries.keys().next().value ?? '');
    entry.value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return entry.value;
  };
}
