import type { Command } from 'commander';
import { ClientPortalMarketDataStream } from '../../../adapters/clientportal/streaming/clientportal.market-data-stream.js';
import { SwitchingMarketDataStream } from '../../../adapters/streaming/switching.market-data-stream.js';
import { sydneyParts } from '../../../domain/market/sydney-time.js';
import type { QuoteUpdate, StreamHealth } from '../../../domain/ports/market-data-stream.port.js';
import { asxSymbol } from '../../../domain/values/instrument.js';
import { formatPrice, type Price } from '../../../domain/values/price.js';
import type { EpochMs } from '../../../domain/values/time.js';
import { clientPortalConfig } from '../../container/clientportal-config.js';
import { resolve } from '../../container/token.js';
import { TOKENS } from '../../container/tokens.js';
import type { CliContext } from '../cli-context.js';
import { withServices } from '../command-container.js';
import type { RegisterCommand } from './command-group.js';

export const registerWatch: RegisterCommand = (program, context) => {
  program
    .command('watch')
    .description(
      'print live quotes for ASX symbols as they stream from the gateway (REST polling while the WebSocket is down); Ctrl-C stops',
    )
    .argument('<symbols...>', 'ASX codes, e.g. BHP CBA')
    .action(async (symbols: string[], _options: unknown, command: Command) => {
      await watchQuotes(context, command, symbols);
    });
};

async function watchQuotes(context: CliContext, command: Command, symbols: readonly string[]): Promise<void> {
  const codes = symbols.map(asxSymbol);
  await withServices(context, command, async ({ config, container }) => {
    const broker = resolve(container, TOKENS.GatewayBroker);
    const clock = resolve(container, TOKENS.Clock);
    const logger = resolve(container, TOKENS.Logger);
    await broker.connect();
    const instruments = await Promise.all(codes.map((code) => broker.resolveInstrument(code)));
    const socket = new ClientPortalMarketDataStream(clientPortalConfig(config.gateway), broker.gatewayClient(), {
      clock,
      logger,
    });
    const stream = new SwitchingMarketDataStream(socket, broker, { clock, logger });
    stream.listen({
      onQuote: (update) => context.stdout.write(`${quoteLine(update)}\n`),
      onHealth: (health) => context.stdout.write(`${healthLine(health)}\n`),
    });
    stream.subscribeQuotes(instruments);
    context.stdout.write(`time      symbol       last        bid        ask       volume  source\n`);
    await stream.start();
    try {
      await untilInterrupted();
    } finally {
      await stream.stop();
    }
  });
}

/** One line per update: time (Sydney), symbol, last, bid, ask, volume, source. */
export function quoteLine({ quote, source }: QuoteUpdate): string {
  const volume = quote.volume === undefined ? '-' : String(quote.volume);
  return [
    clockTime(quote.at),
    quote.instrument.symbol.padEnd(6),
    price(quote.last).padStart(10),
    price(quote.bid).padStart(10),
    price(quote.ask).padStart(10),
    volume.padStart(12),
    ` ${source}${quote.halted ? ' HALTED' : ''}`,
  ].join(' ');
}

function healthLine(health: StreamHealth): string {
  return `${clockTime(health.since)} -- source now ${health.mode}: ${health.reason}`;
}

function clockTime(at: EpochMs): string {
  const { hour, minute, second } = sydneyParts(at);
  return [hour, minute, second].map((part) => String(part).padStart(2, '0')).join(':');
}

const price = (value: Price | undefined): string => (value === undefined ? '-' : formatPrice(value));

/** Resolves on Ctrl-C (SIGINT) or SIGTERM; a referenced timer keeps the process up while the socket reconnects. */
function untilInterrupted(): Promise<void> {
  return new Promise((done) => {
    const keepAlive = setInterval(() => undefined, 60_000);
    const finish = (): void => {
      clearInterval(keepAlive);
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      done();
    };
    process.once('SIGINT', finish);
    process.once('SIGTERM', finish);
  });
}
