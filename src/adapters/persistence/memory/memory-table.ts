/** A transaction's hold on a table: undo what was written since it began, or keep it. */
export interface Checkpoint {
  rollback(): void;
  release(): void;
}

/**
 * A keyed collection that keeps its own copies: what is saved cannot be changed through the caller's
 * object, and what is handed out cannot change what is stored. A checkpoint keeps an undo log (each key's
 * value from before its first write since the checkpoint) rather than a copy of the table, so that a
 * transaction costs what it writes, not what the table holds.
 */
export class MemoryTable<T> {
  private readonly rows = new Map<string, T>();
  /** One undo log per open checkpoint, innermost last. */
  private readonly undoLogs: Map<string, T | undefined>[] = [];

  get(key: string): T | undefined {
    const row = this.rows.get(key);
    return row === undefined ? undefined : structuredClone(row);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  set(key: string, value: T): void {
    const undo = this.undoLogs.at(-1);
    if (undo !== undefined && !undo.has(key)) undo.set(key, this.rows.get(key));
    this.rows.set(key, structuredClone(value));
  }

  select(wanted: (row: T) => boolean, order: (a: T, b: T) => number): T[] {
    return [...this.rows.values()]
      .filter(wanted)
      .sort(order)
      .map((row) => structuredClone(row));
  }

  /**
   * Remembers the table as it is now: `rollback` puts it back, `release` keeps what was written (handing the
   * undo log to the enclosing checkpoint, if any). Checkpoints nest and end innermost first.
   */
  checkpoint(): Checkpoint {
    const undo = new Map<string, T | undefined>();
    this.undoLogs.push(undo);
    return {
      rollback: () => {
        this.end(undo);
        for (const [key, before] of undo) {
          if (before === undefined) this.rows.delete(key);
          else this.rows.set(key, before);
        }
      },
      release: () => {
        this.end(undo);
        const outer = this.undoLogs.at(-1);
        if (outer === undefined) return;
        for (const [key, before] of undo) if (!outer.has(key)) outer.set(key, before);
      },
    };
  }

  private end(undo: Map<string, T | undefined>): void {
    if (this.undoLogs.at(-1) !== undo) throw new Error('memory table checkpoints must end innermost first');
    this.undoLogs.pop();
  }
}
