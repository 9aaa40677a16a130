// Records in source order with an index by id: lookups for relation rows, positions for
// compact pair keys, and the line each record came from for duplicate errors.

export class Catalogue<T extends { id: string }> {
  readonly items: T[] = [];
  private readonly positions = new Map<string, number>();
  private readonly lines: number[] = [];

  /** Adds a record, or returns the line of the record already holding this id. */
  add(item: T, line: number): number | undefined {
    const existing = this.positions.get(item.id);
    if (existing !== undefined) return this.lines[existing];
    this.positions.set(item.id, this.items.length);
    this.items.push(item);
    this.lines.push(line);
    return undefined;
  }

  get(id: string): T | undefined {
    const position = this.positions.get(id);
    return position === undefined ? undefined : this.items[position];
  }

  position(id: string): number | undefined {
    return this.positions.get(id);
  }

  has(id: string): boolean {
    return this.positions.has(id);
  }

  get size(): number {
    return this.items.length;
  }
}
