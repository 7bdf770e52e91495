import { BrokerError } from '../../domain/errors/broker-error.js';
import { instrument, type AsxSymbol, type Instrument } from '../../domain/values/instrument.js';
import type { GatewayClient } from './gateway-client.js';
import { Located } from './parse.js';
import { contractInfoSchema, secdefSearchSchema, type SecdefMatch } from './schemas/contracts.schema.js';

const ASX = 'ASX';
const AUD = 'AUD';

/**
 * ASX code → IBKR conid. A code often matches several listings (BHP: the NYSE ADR and the ASX share), so
 * the ASX one is picked by exchange, never by position, and confirmed through the contract's details.
 * Conids are stable, so each answer is kept for the life of the process.
 */
export class ContractResolver {
  private readonly cache = new Map<AsxSymbol, Promise<Instrument>>();

  constructor(private readonly client: GatewayClient) {}

  resolve(symbol: AsxSymbol): Promise<Instrument> {
    let pending = this.cache.get(symbol);
    if (pending === undefined) {
      pending = this.lookUp(symbol);
      // A failure is not an answer worth keeping: the next call asks again.
      pending.catch(() => this.cache.delete(symbol));
      this.cache.set(symbol, pending);
    }
    return pending;
  }

  private async lookUp(symbol: AsxSymbol): Promise<Instrument> {
    const path = `/iserver/secdef/search?symbol=${encodeURIComponent(symbol)}&secType=STK`;
    const answer = await this.client.get(path, secdefSearchSchema);
    if (!Array.isArray(answer)) throw new BrokerError('resolveInstrument', `${symbol}: ${answer.error}`);
    const stocks = answer.filter((match) => sameSymbol(match, symbol) && isStock(match));
    const onAsx = stocks.filter(isAsxListing);
    const [chosen, ...others] = onAsx;
    if (chosen === undefined) {
      throw new BrokerError('resolveInstrument', `${symbol} has no ASX listing; found ${describe(answer)}`);
    }
    if (others.length > 0) {
      throw new BrokerError('resolveInstrument', `${symbol} is ambiguous on the ASX: ${describe(onAsx)}`);
    }
    return this.confirm(symbol, chosen.conid);
  }

  private async confirm(symbol: AsxSymbol, conid: number): Promise<Instrument> {
    const path = `/iserver/contract/${conid}/info`;
    const info = await this.client.get(path, contractInfoSchema);
    if (info.exchange.toUpperCase() !== ASX || info.currency.toUpperCase() !== AUD) {
      throw new BrokerError(
        'resolveInstrument',
        `${symbol}: conid ${conid} trades on ${info.exchange} in ${info.currency}, not on the ASX in AUD`,
      );
    }
    return Located.root(`GET ${path}`).convert(() => instrument(symbol, conid));
  }
}

function sameSymbol(match: SecdefMatch, symbol: AsxSymbol): boolean {
  return match.symbol === undefined || match.symbol === null || match.symbol.toUpperCase() === symbol;
}

function isStock(match: SecdefMatch): boolean {
  return match.sections.length === 0 || match.sections.some((section) => section.secType === 'STK');
}

/** `description` names the exchange ("ASX"); `companyHeader` ends with it ("BHP GROUP LTD - ASX"). */
function isAsxListing(match: SecdefMatch): boolean {
  const description = match.description?.trim().toUpperCase();
  if (description !== undefined && description !== '') return description === ASX;
  return /\s-\s*ASX\s*$/i.test(match.companyHeader ?? '');
}

function describe(matches: readonly SecdefMatch[]): string {
  if (matches.length === 0) return 'no listings';
  return matches.map((match) => `${match.description ?? match.companyHeader ?? '?'} (conid ${match.conid})`).join(', ');
}
