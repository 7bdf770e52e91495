import type { Command } from 'commander';
import { startGatewaySimulator } from '../../../adapters/gateway-sim/gateway-simulator.js';
import { MarketTicker } from '../../../adapters/gateway-sim/market/market-ticker.js';
import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import type { CliContext } from '../cli-context.js';
import type { RegisterCommand } from './command-group.js';

interface GatewaySimOptions {
  readonly port: string;
  readonly healthPort: string;
  readonly account: string;
  readonly seed: string;
  readonly barMs: string;
}

/** Rough prices so the hand-run market looks like the ASX; the walk takes it from there. */
const OPENING_PRICES: Readonly<Record<string, number>> = {
  BHP: 45.2,
  CBA: 151.3,
  CSL: 282.5,
  NAB: 38.4,
  WBC: 32.1,
  ANZ: 30.05,
  FMG: 18.6,
  PLS: 2.55,
  LTR: 0.815,
  '1AE': 0.082,
};

export const registerGatewaySim: RegisterCommand = (program, context) => {
  program
    .command('gateway-sim')
    .description('run the loopback Client Portal gateway simulator (HTTPS, self-signed) with a moving market')
    .option('--port <port>', 'HTTPS port of the gateway', '5000')
    .option('--health-port <port>', 'plain-HTTP port of the IBeam-style health server', '5001')
    .option('--account <id>', 'paper account id', 'DU1234567')
    .option('--seed <n>', 'seed of the random market', '1')
    .option('--bar-ms <ms>', 'wall-clock milliseconds per simulated one-minute bar', '1000')
    .action(async (options: GatewaySimOptions, _command: Command) => {
      await serve(context, options);
    });
};

function whole(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidValue(name, text, 'expected a whole number');
  return value;
}

async function serve(context: CliContext, options: GatewaySimOptions): Promise<void> {
  const startAt = Date.now();
  const simulator = await startGatewaySimulator({
    port: whole('--port', options.port),
    healthPort: whole('--health-port', options.healthPort),
    accountId: options.account,
    seed: whole('--seed', options.seed),
    replayFrom: startAt,
  });
  const ticker = new MarketTicker(simulator.market, simulator.exchange.instruments(), {
    seed: whole('--seed', options.seed),
    intervalMs: Math.max(50, whole('--bar-ms', options.barMs)),
    startAt,
    openingPrices: OPENING_PRICES,
  });
  ticker.start();
  context.stdout.write(
    [
      `gateway simulator on ${simulator.url}/v1/api (IBeam health on ${simulator.healthUrl}), account ${options.account}`,
      'point Skim at it with:',
      `  SKIM_GATEWAY_URL=${simulator.url} SKIM_GATEWAY_INSECURE_TLS=true SKIM_IBEAM_HEALTH_URL=${simulator.healthUrl}`,
      'admin endpoints (faults, bars, clock): GET /sim; stop with Ctrl-C',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  ticker.stop();
  await simulator.close();
}
