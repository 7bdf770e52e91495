import { deriveClientOrderId } from '../../domain/orders/client-order-id.js';
import type { BrokerPosition } from '../../domain/ports/broker.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import { addEntryFill, openPosition, recordExit, type Position } from '../../domain/position/position.js';
import { money, ZERO } from '../../domain/values/money.js';
import { priceNearest, priceRoundedDown, type Price } from '../../domain/values/price.js';
import { quantity } from '../../domain/values/quantity.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import type { PositionRepair } from './reconcile-report.js';

/**
 * The book entries reconcile makes when Skim's positions and the broker's differ. Each is one repository
 * write; the broker is the truth for what is held.
 */
export class PositionRepairs {
  constructor(
    private readonly repository: Repository,
    private readonly maxStopPct: number,
  ) {}

  /** A holding Skim did not know: booked at the broker's average cost, stop at the strategy's widest distance. */
  adopt(held: BrokerPosition, today: LocalDate, at: EpochMs): PositionRepair {
    const price = priceNearest(held.averageCostMills);
    const opened = openPosition({
      id: this.adoptionId(held, today),
      instrument: held.instrument,
      entryDate: today,
      stopPrice: priceRoundedDown(held.averageCostMills * (1 - this.maxStopPct / 100)),
      fill: { quantity: held.quantity, price, commission: ZERO, at },
    });
    // The broker's average cost need not lie on a tick; the books keep its exact value.
    const position: Position = { ...opened, costBasis: money(Math.round(held.averageCostMills * held.quantity)) };
    this.repository.positions.save(position);
    return repair(position, 0, held.quantity, price, 'held at the broker but unknown to Skim: adopted');
  }

  /** Skim holds more than the broker: the missing shares are booked as sold at `price`. */
  reduce(position: Position, brokerQuantity: number, price: Price, at: EpochMs): PositionRepair {
    const sold = quantity(position.quantity - brokerQuantity);
    const after = recordExit(position, { reason: 'reconcile', quantity: sold, price, commission: ZERO, at });
    this.repository.positions.save(after);
    const note =
      brokerQuantity === 0
        ? 'held by Skim but not at the broker: closed at the last known price'
        : `broker holds ${brokerQuantity}: ${sold} shares booked as sold at the last known price`;
    return repair(position, position.quantity, brokerQuantity, price, note);
  }

  /**
   * The broker holds more: added to the entry at the broker's average cost, which only an untouched open
   * position can take. Returns undefined when the books cannot take it.
   */
  grow(position: Position, held: BrokerPosition, at: EpochMs): PositionRepair | undefined {
    if (position.status !== 'open' || position.exits.length > 0) return undefined;
    const price = priceNearest(held.averageCostMills);
    const extra = quantity(held.quantity - position.quantity);
    this.repository.positions.save(addEntryFill(position, { quantity: extra, price, commission: ZERO, at }));
    return repair(
      position,
      position.quantity,
      held.quantity,
      price,
      `broker holds ${extra} more: added at its average cost`,
    );
  }

  private adoptionId(held: BrokerPosition, today: LocalDate): string {
    for (let sequence = 1; ; sequence++) {
      const id = deriveClientOrderId(today, held.instrument.symbol, 'reconcile', sequence);
      if (this.repository.positions.get(id) === undefined) return id;
    }
  }
}

function repair(
  position: Position,
  localQuantity: number,
  brokerQuantity: number,
  price: Price,
  note: string,
): PositionRepair {
  return { symbol: position.instrument.symbol, positionId: position.id, localQuantity, brokerQuantity, price, note };
}
