// Compiled indexes of framework versions, built on first use and kept for the next request.
// Versions are immutable, so an entry only goes when its version is deleted or replaced, or when
// the cache is full (least recently used first: an ESCO-size index holds tens of megabytes).
import { compileIndex, type CompiledIndex, type FrameworkData } from '@bridgework/core';
import { Catalogue } from './catalogue.ts';

export interface CompiledFramework {
  index: CompiledIndex;
  catalogue: Catalogue;
}

export class IndexCache {
  // Promises, so that concurrent first requests for a version compile it once.
  private readonly entries = new Map<string, Promise<CompiledFramework>>();

  constructor(
    private readonly load: (id: string, version: string) => Promise<FrameworkData>,
    private readonly capacity = 4,
  ) {}

  get(id: string, version: string): Promise<CompiledFramework> {
    const key = cacheKey(id, version);
    const cached = this.entries.get(key);
    if (cached) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const compiled = this.load(id, version).then((data) => {
      const index = compileIndex(data);
      return { index, catalogue: new Catalogue(index) };
    });
    // A failed load is not cached: the next request tries again.
    compiled.catch(() => {
      if (this.entries.get(key) === compiled) this.entries.delete(key);
    });
    this.entries.set(key, compiled);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return compiled;
  }

  has(id: string, version: string): boolean {
    return this.entries.has(cacheKey(id, version));
  }

  evict(id: string, version: string): void {
    this.entries.delete(cacheKey(id, version));
  }

  get size(): number {
    return this.entries.size;
  }
}

// Ids cannot hold a newline, so this key cannot collide.
const cacheKey = (id: string, version: string) => `${id}\n${version}`;
