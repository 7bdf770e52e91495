import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { clientOrderId, type ClientOrderId } from '../../../domain/orders/client-order-id.js';
import { asxSymbol, instrument, type AsxSymbol, type Instrument } from '../../../domain/values/instrument.js';
import { money, type Money } from '../../../domain/values/money.js';
import { price, type Price } from '../../../domain/values/price.js';
import { quantity, type Quantity } from '../../../domain/values/quantity.js';
import { localDate, type EpochMs, type LocalDate } from '../../../domain/values/time.js';
import { CorruptRow } from './corrupt-row.error.js';

export type Row = Readonly<Record<string, unknown>>;

/**
 * Reads one stored row back into domain values through the domain's own factories, so a row that was
 * edited by hand (an off-tick price, a lower-case symbol, an unknown status) fails loudly as CorruptRow
 * naming the table, the row's key and the column, instead of flowing into trading decisions.
 * Readers are arrow properties so they can be handed to `optional` unbound.
 */
export class RowReader {
  private constructor(
    private readonly table: string,
    private readonly key: string,
    private readonly row: Row,
  ) {}

  /** A reader for a row keyed by the values of `keyColumns` (shown joined by "/"). */
  static keyed(table: string, keyColumns: readonly string[], row: Row): RowReader {
    const key = keyColumns.map((column) => {
      const value = row[column];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : describe(value);
    });
    return new RowReader(table, key.join('/'), row);
  }

  /** A column that may be NULL: undefined when it is, otherwise read by `read`. */
  optional<T>(column: string, read: (column: string) => T): T | undefined {
    const value = this.row[column];
    return value === null || value === undefined ? undefined : read(column);
  }

  readonly text = (column: string): string => {
    const value = this.row[column];
    if (typeof value !== 'string') throw this.corrupt(column, `expected text, found ${describe(value)}`);
    return value;
  };

  readonly integer = (column: string): number => {
    const value = this.row[column];
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw this.corrupt(column, `expected a whole number, found ${describe(value)}`);
    }
    return value;
  };

  readonly real = (column: string): number => {
    const value = this.row[column];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw this.corrupt(column, `expected a number, found ${describe(value)}`);
    }
    return value;
  };

  readonly instant = (column: string): EpochMs => this.integer(column);

  readonly price = (column: string): Price => this.convert(column, () => price(this.integer(column)));

  readonly money = (column: string): Money => this.convert(column, () => money(this.integer(column)));

  readonly quantity = (column: string): Quantity => this.convert(column, () => quantity(this.integer(column)));

  readonly localDate = (column: string): LocalDate => this.convert(column, () => localDate(this.text(column)));

  readonly clientOrderId = (column: string): ClientOrderId =>
    this.convert(column, () => clientOrderId(this.text(column)));

  /** Stored symbols are canonical; the factory would quietly upper-case a hand-written "bhp". */
  readonly symbol = (column: string): AsxSymbol => {
    const text = this.text(column);
    const symbol = this.convert(column, () => asxSymbol(text));
    if (symbol !== text) throw this.corrupt(column, `symbol ${JSON.stringify(text)} is not in canonical form`);
    return symbol;
  };

  instrument(symbolColumn: string, conidColumn: string): Instrument {
    const symbol = this.symbol(symbolColumn);
    const conid = this.integer(conidColumn);
    return this.convert(conidColumn, () => instrument(symbol, conid));
  }

  oneOf<T extends string>(column: string, members: readonly T[]): T {
    const text = this.text(column);
    const member = members.find((candidate) => candidate === text);
    if (member === undefined) throw this.corrupt(column, `${JSON.stringify(text)} is not one of ${members.join(', ')}`);
    return member;
  }

  private convert<T>(column: string, make: () => T): T {
    try {
      return make();
    } catch (error) {
      if (error instanceof InvalidValue) throw this.corrupt(column, error.message);
      throw error;
    }
  }

  private corrupt(column: string, why: string): CorruptRow {
    return new CorruptRow(this.table, this.key, column, why);
  }
}

/** Drops the keys whose value is undefined, so an optional field read as NULL is absent, not present-but-undefined. */
export function definedFields<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return `text ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'bigint') return `number ${String(value)}`;
  return typeof value;
}
