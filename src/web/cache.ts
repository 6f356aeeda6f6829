// Identical public GET requests are answered from memory until the next write. Every write calls
// `contentChanged()`; entries also expire after a while, so several processes sharing one
// PostgreSQL server converge on each other's writes.
export type CachedResponse = { body: string | Uint8Array; headers: Record<string, string>; status: number; etag: string };

let generation = 0;

export function contentChanged(): void {
  generation++;
}

export function contentGeneration(): number {
  return generation;
}

export class ResponseCache {
  private entries = new Map<string, { value: CachedResponse; generation: number; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs = 60_000,
  ) {}

  get(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.generation !== generation || hit.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: CachedResponse): void {
    if (this.maxEntries <= 0) return;
    this.entries.set(key, { value, generation, expires: Date.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

/** Memoises a value per content generation (e.g. facet labels). */
export function perGeneration<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: { generation: number; value: Promise<T> } | undefined;
  return () => {
    if (!cached || cached.generation !== generation) {
      const value = load();
      cached = { generation, value };
      value.catch(() => {
        cached = undefined;
      });
    }
    return cached.value;
  };
}
