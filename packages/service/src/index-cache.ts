// Compiled indexes of framework versions, built on first use and kept for the next request.
// An entry is keyed by (id, version, importedAt): the store stamps every save, a replace later
// than what it replaces, so a version replaced through another instance (or another process on
// the same SQLite file) has a new key and is compiled again, never served stale. Entries go when
// their version is deleted or replaced, here or elsewhere (retain), or when the cache is full
// (least recently used first: an ESCO-size index holds tens of megabytes).
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

  /** The compiled version whose stored content is stamped `importedAt`. */
  get(id: string, version: string, importedAt: string): Promise<CompiledFramework> {
    const key = cacheKey(id, version, importedAt);
    const cached = this.entries.get(key);
    if (cached) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    // Another stamp of the same version is content that was replaced.
    this.evict(id, version);
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

  has(id: string, version: string, importedAt?: string): boolean {
    return [...this.entries.keys()].some((key) => matches(key, id, version, importedAt));
  }

  /** Drops every stamp of (id, version). */
  evict(id: string, version: string): void {
    for (const key of [...this.entries.keys()]) if (matches(key, id, version)) this.entries.delete(key);
  }

  /** Drops the entries of framework `id` that are not among its stored versions (deleted elsewhere). */
  retain(id: string, stored: readonly { version: string; importedAt: string }[]): void {
    const live = new Set(stored.map((v) => cacheKey(id, v.version, v.importedAt)));
    for (const key of [...this.entries.keys()]) if (key.startsWith(`${id}\n`) && !live.has(key)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

// Ids and versions cannot hold a newline, so this key cannot collide.
const cacheKey = (id: string, version: string, importedAt: string) => `${id}\n${version}\n${importedAt}`;
const matches = (key: string, id: string, version: string, importedAt?: string) =>
  importedAt === undefined ? key.startsWith(`${id}\n${version}\n`) : key === cacheKey(id, version, importedAt);
