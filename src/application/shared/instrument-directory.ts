import type { Broker } from '../../domain/ports/broker.port.js';
import type { AsxSymbol, Instrument } from '../../domain/values/instrument.js';

/** Symbols resolved to broker instruments once per process: a conid does not change during a day. */
export class InstrumentDirectory {
  private readonly known = new Map<AsxSymbol, Instrument>();

  constructor(private readonly broker: Broker) {}

  async resolve(symbol: AsxSymbol): Promise<Instrument> {
    const cached = this.known.get(symbol);
    if (cached !== undefined) return cached;
    const instrument = await this.broker.resolveInstrument(symbol);
    this.known.set(symbol, instrument);
    return instrument;
  }
}
