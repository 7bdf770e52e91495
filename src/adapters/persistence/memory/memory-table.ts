/**
 * A keyed collection that keeps its own copies: what is saved cannot be changed through the caller's
 * object, and what is handed out cannot change what is stored. Because stored values are never
 * modified in place, a checkpoint is a shallow copy of the map.
 */
export class MemoryTable<T> {
  private rows = new Map<string, T>();

  get(key: string): T | undefined {
    const row = this.rows.get(key);
    return row === undefined ? undefined : structuredClone(row);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  set(key: string, value: T): void {
    this.rows.set(key, structuredClone(value));
  }

  select(wanted: (row: T) => boolean, order: (a: T, b: T) => number): T[] {
    return [...this.rows.values()]
      .filter(wanted)
      .sort(order)
      .map((row) => structuredClone(row));
  }

  /** Remembers the table as it is now; calling the returned function puts it back. */
  checkpoint(): () => void {
    const saved = new Map(this.rows);
    return () => {
      this.rows = saved;
    };
  }
}
