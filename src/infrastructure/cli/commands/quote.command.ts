import type { Command } from 'commander';
import type { Quote } from '../../../domain/market/quote.js';
import { asxSymbol } from '../../../domain/values/instrument.js';
import { formatPrice, type Price } from '../../../domain/values/price.js';
import { resolve } from '../../container/token.js';
import { TOKENS } from '../../container/tokens.js';
import { printJson, type CliContext, type JsonOption } from '../cli-context.js';
import { withServices } from '../command-container.js';
import { formatTable } from '../format/table.js';
import type { RegisterCommand } from './command-group.js';

export const registerQuote: RegisterCommand = (program, context) => {
  program
    .command('quote')
    .description('show a market-data snapshot for ASX symbols from the gateway')
    .argument('<symbols...>', 'ASX codes, e.g. BHP CBA')
    .option('--json', 'print the quotes as JSON')
    .action(async (symbols: string[], options: JsonOption, command: Command) => {
      await showQuotes(context, command, symbols, options.json === true);
    });
};

async function showQuotes(
  context: CliContext,
  command: Command,
  symbols: readonly string[],
  json: boolean,
): Promise<void> {
  const codes = symbols.map(asxSymbol);
  await withServices(context, command, async ({ container }) => {
    const broker = resolve(container, TOKENS.GatewayBroker);
    await broker.connect();
    const instruments = await Promise.all(codes.map((code) => broker.resolveInstrument(code)));
    const quotes = await broker.quotes(instruments);
    if (json) printJson(context, quotes);
    else context.stdout.write(`${formatTable(quotes, QUOTE_COLUMNS)}\n`);
  });
}

const price = (value: Price | undefined): string => (value === undefined ? '-' : formatPrice(value));

function state(quote: Quote): string {
  if (quote.halted) return 'HALTED';
  if (quote.lastIsPreviousClose) return 'no trade today';
  return quote.freshness;
}

const QUOTE_COLUMNS = [
  { header: 'symbol', value: (q: Quote) => q.instrument.symbol },
  { header: 'last', value: (q: Quote) => price(q.last), align: 'right' as const },
  { header: 'bid', value: (q: Quote) => price(q.bid), align: 'right' as const },
  { header: 'ask', value: (q: Quote) => price(q.ask), align: 'right' as const },
  { header: 'open', value: (q: Quote) => price(q.open), align: 'right' as const },
  { header: 'high', value: (q: Quote) => price(q.high), align: 'right' as const },
  { header: 'low', value: (q: Quote) => price(q.low), align: 'right' as const },
  { header: 'prev close', value: (q: Quote) => price(q.previousClose), align: 'right' as const },
  { header: 'volume', value: (q: Quote) => (q.volume === undefined ? '-' : String(q.volume)), align: 'right' as const },
  { header: 'data', value: state },
];
