/**
 * Keeps recently used values (loaded bar files, day tables) up to a budget of bytes, dropping the least
 * recently used first. A Map iterates in insertion order, so re-inserting on use keeps the oldest first.
 */
export class PartitionCache<T> {
  private readonly entries = new Map<string, { readonly value: T; readonly bytes: number }>();
  private used = 0;

  constructor(private readonly budgetBytes: number) {}

  get(key: string, load: () => T, bytesOf: (value: T) => number): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = load();
    const bytes = bytesOf(value);
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    this.evict();
    return value;
  }

  forget(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.used -= entry.bytes;
    this.entries.delete(key);
  }

  private evict(): void {
    // The newest entry always stays, even when it alone is over budget: the caller is about to use it.
    for (const [key, entry] of this.entries) {
      if (this.used <= this.budgetBytes || this.entries.size === 1) return;
      this.used -= entry.bytes;
      this.entries.delete(key);
    }
  }
}
