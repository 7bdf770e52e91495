import { sydneyDateOf } from '../../domain/market/sydney-time.js';
import type { BrokerOrder } from '../../domain/orders/broker-order.js';
import type { JournalEntry } from '../../domain/orders/journal-entry.js';
import type { Broker, BrokerPosition } from '../../domain/ports/broker.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Repository } from '../../domain/ports/repository.port.js';
import { averageEntryMills, type Position } from '../../domain/position/position.js';
import { priceNearest, type Price } from '../../domain/values/price.js';
import type { EpochMs, LocalDate } from '../../domain/values/time.js';
import type { FillRecorder } from '../orders/fill-recorder.js';
import { journalBrokerOrder } from '../orders/journal-updates.js';
import { LIVE_STATES, UNRESOLVED_STATES } from '../orders/live-orders.js';
import type { OrderStatusSync } from '../orders/order-status-sync.js';
import type { AppLogger } from '../shared/app-logger.js';
import { errorText } from '../shared/error-text.js';
import { sydneyDayBounds } from '../shared/sydney-day.js';
import type { PositionRepairs } from './position-repairs.js';
import type { OrderResolution, PositionRepair, ReconcileReport } from './reconcile-report.js';

/** Becomes a ReconcileReport once every step has added to it. */
interface ReportDraft {
  orders: OrderResolution[];
  fillsRecorded: number;
  adopted: PositionRepair[];
  closed: PositionRepair[];
  adjusted: PositionRepair[];
  unresolved: string[];
}

/**
 * Start-up reconciliation with the broker. Orders whose fate the journal does not know are looked up by
 * client order id (never sent again), fills since the oldest open item are recorded, and Skim's positions
 * are set to what the broker holds, each repair booked with reason `reconcile` and reported.
 */
export class ReconcileUseCase {
  constructor(
    private readonly broker: Broker,
    private readonly repository: Repository,
    private readonly fills: FillRecorder,
    private readonly orderStatus: OrderStatusSync,
    private readonly repairs: PositionRepairs,
    private readonly clock: Clock,
    private readonly log: AppLogger,
  ) {}

  async run(): Promise<ReconcileReport> {
    const draft: ReportDraft = { orders: [], fillsRecorded: 0, adopted: [], closed: [], adjusted: [], unresolved: [] };
    const today = sydneyDateOf(this.clock.now());
    const unresolved = this.repository.journal.inStates(UNRESOLVED_STATES);
    // Live orders include GTC stops from earlier days, which a lookup of today's orders may not find.
    const live = unresolved.length === 0 ? [] : await this.broker.openOrders();
    const open = new Map(live.map((order) => [order.clientOrderId, order]));
    for (const entry of unresolved) await this.resolve(entry, open.get(entry.clientOrderId), draft);
    const since = this.oldestOpenItem(today);
    draft.fillsRecorded = (await this.fills.sync(since)).length;
    await this.orderStatus.refresh();
    await this.comparePositions(today, draft);
    const report: ReconcileReport = { at: this.clock.now(), ...draft };
    this.log.info(
      {
        orders: report.orders.length,
        fillsRecorded: report.fillsRecorded,
        adopted: report.adopted.map((r) => r.symbol),
        closed: report.closed.map((r) => r.symbol),
        adjusted: report.adjusted.map((r) => r.symbol),
        unresolved: report.unresolved,
      },
      'reconciled with the broker',
    );
    return report;
  }

  private async resolve(entry: JournalEntry, live: BrokerOrder | undefined, draft: ReportDraft): Promise<void> {
    const id = entry.clientOrderId;
    try {
      const order = live ?? (await this.broker.findOrder(id));
      if (order === undefined) {
        const note = 'not at the broker: the order was never placed';
        this.repository.journal.update(id, { state: 'cancelled', lastError: note }, this.clock.now());
        draft.orders.push({ clientOrderId: id, from: entry.state, to: 'cancelled', note });
      } else {
        journalBrokerOrder(this.repository.journal, order, this.clock.now());
        draft.orders.push({ clientOrderId: id, from: entry.state, to: order.status, note: 'found at the broker' });
      }
      this.log.info({ clientOrderId: id, from: entry.state, to: draft.orders.at(-1)?.to }, 'unresolved order resolved');
    } catch (error) {
      draft.unresolved.push(`order ${id} (${entry.state}): lookup failed: ${errorText(error)}`);
      this.log.error({ clientOrderId: id, error: errorText(error) }, 'unresolved order lookup failed');
    }
  }

  /** Start of today, or earlier when an open position or a live order is older. */
  private oldestOpenItem(today: LocalDate): EpochMs {
    const starts = [
      sydneyDayBounds(today).from,
      ...this.repository.positions.withStatus(['open', 'half_exited']).map((position) => position.openedAt),
      ...this.repository.journal.inStates(LIVE_STATES).map((entry) => entry.createdAt),
    ];
    return Math.min(...starts);
  }

  private async comparePositions(today: LocalDate, draft: ReportDraft): Promise<void> {
    const now = this.clock.now();
    const atBroker = new Map((await this.broker.positions()).map((held) => [held.instrument.conid, held]));
    for (const position of this.repository.positions.withStatus(['open', 'half_exited'])) {
      const held = atBroker.get(position.instrument.conid);
      atBroker.delete(position.instrument.conid);
      try {
        await this.compare(position, held, now, draft);
      } catch (error) {
        draft.unresolved.push(`${position.instrument.symbol}: repair failed: ${errorText(error)}`);
      }
    }
    for (const held of atBroker.values()) {
      if (held.quantity < 1) continue;
      try {
        draft.adopted.push(this.repairs.adopt(held, today, now));
      } catch (error) {
        draft.unresolved.push(
          `${held.instrument.symbol}: could not adopt ${held.quantity} shares: ${errorText(error)}`,
        );
      }
    }
  }

  private async compare(
    position: Position,
    held: BrokerPosition | undefined,
    now: EpochMs,
    draft: ReportDraft,
  ): Promise<void> {
    const brokerQuantity = held?.quantity ?? 0;
    if (brokerQuantity === position.quantity) return;
    if (brokerQuantity < position.quantity) {
      const repair = this.repairs.reduce(position, brokerQuantity, await this.lastKnownPrice(position), now);
      (brokerQuantity === 0 ? draft.closed : draft.adjusted).push(repair);
      return;
    }
    const grown = held === undefined ? undefined : this.repairs.grow(position, held, now);
    if (grown === undefined) {
      draft.unresolved.push(
        `${position.instrument.symbol}: broker holds ${brokerQuantity}, Skim ${position.quantity} after exits; fix by hand`,
      );
      return;
    }
    draft.adjusted.push(grown);
  }

  /** The broker's last price, or the position's average entry price when no quote can be had. */
  private async lastKnownPrice(position: Position): Promise<Price> {
    try {
      const [quote] = await this.broker.quotes([position.instrument]);
      const last = quote?.last ?? quote?.previousClose;
      if (last !== undefined) return last;
    } catch (error) {
      this.log.warn(
        { symbol: position.instrument.symbol, error: errorText(error) },
        'no quote for the reconcile price',
      );
    }
    return priceNearest(averageEntryMills(position));
  }
}
