import type { ReplayVenue } from '../../replay/replay.ports.js';
import type { Bar, BarSize } from '../../../domain/market/bar.js';
import type { BrokerOrder } from '../../../domain/orders/broker-order.js';
import type { Fill } from '../../../domain/orders/fill.js';
import type { BrokerPosition } from '../../../domain/ports/broker.port.js';
import type { Instrument } from '../../../domain/values/instrument.js';
import type { Money } from '../../../domain/values/money.js';
import type { Price } from '../../../domain/values/price.js';

/** The simulated exchange as a backtest drives and reads it. The SimulatedExchange is one as it is. */
export interface BacktestVenue extends ReplayVenue {
  publishBar(instrument: Instrument, bar: Bar, size?: BarSize): void;
  /** History loaded before the run, not traded on. */
  recordBars(instrument: Instrument, bars: readonly Bar[], size: BarSize): void;
  fills(): Fill[];
  cash(): Money;
  positions(): BrokerPosition[];
  openOrders(): BrokerOrder[];
  quote(instrument: Instrument): { readonly last?: Price };
}
