import type { Command } from 'commander';
import { OrderSubmitter } from '../../../application/orders/order-submitter.js';
import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { sydneyDateOf, sydneyParts } from '../../../domain/market/sydney-time.js';
import { TERMINAL_ORDER_STATUSES, type BrokerOrder } from '../../../domain/orders/broker-order.js';
import { clientOrderId, deriveClientOrderId } from '../../../domain/orders/client-order-id.js';
import type { OrderIntent, OrderType, Side } from '../../../domain/orders/order-intent.js';
import { assertSellWithinHolding } from '../../../domain/risk/sell-guard.js';
import { asxSymbol } from '../../../domain/values/instrument.js';
import { parsePrice } from '../../../domain/values/price.js';
import { quantity } from '../../../domain/values/quantity.js';
import { resolve } from '../../container/token.js';
import { TOKENS } from '../../container/tokens.js';
import { TRADING } from '../../container/trading.bindings.js';
import { printJson, type CliContext } from '../cli-context.js';
import { withServices } from '../command-container.js';
import { ExitCode } from '../exit-codes.js';
import type { RegisterCommand } from './command-group.js';

interface OrderOptions {
  readonly type: string;
  readonly price?: string;
  readonly tif: string;
  readonly id?: string;
  readonly yes?: boolean;
  readonly waitSeconds: string;
  readonly json?: boolean;
}

const TYPES: Readonly<Record<string, OrderType>> = { market: 'MKT', limit: 'LMT', stop: 'STP' };

export const registerOrder: RegisterCommand = (program, context) => {
  program
    .command('order')
    .description('send one manual order through the gateway (journalled, paper guard and sell guard applied)')
    .argument('<side>', 'buy or sell')
    .argument('<symbol>', 'ASX code, e.g. BHP')
    .argument('<quantity>', 'whole shares')
    .option('--type <type>', 'market, limit or stop', 'market')
    .option('--price <price>', 'limit price (limit) or trigger price (stop), on an ASX tick')
    .option('--tif <tif>', 'DAY or GTC', 'DAY')
    .option('--id <clientOrderId>', 'client order id; sending the same id again never makes a second order')
    .option('--wait-seconds <n>', 'how long to follow the order before printing its status', '10')
    .option('--yes', 'send it (without --yes the order is only shown)')
    .option('--json', 'print the final order as JSON')
    .action(async (side: string, symbol: string, shares: string, options: OrderOptions, command: Command) => {
      context.exitCode = await order(context, command, { side, symbol, shares }, options);
    });
};

interface OrderArguments {
  readonly side: string;
  readonly symbol: string;
  readonly shares: string;
}

async function order(
  context: CliContext,
  command: Command,
  args: OrderArguments,
  options: OrderOptions,
): Promise<ExitCode> {
  const side = parseSide(args.side);
  const type = TYPES[options.type];
  if (type === undefined) throw new InvalidValue('--type', options.type, 'expected market, limit or stop');
  if (type !== 'MKT' && options.price === undefined)
    throw new InvalidValue('--price', undefined, `a ${options.type} order needs --price`);
  const tif = options.tif.toUpperCase();
  if (tif !== 'DAY' && tif !== 'GTC') throw new InvalidValue('--tif', options.tif, 'expected DAY or GTC');
  const shares = quantity(Number(args.shares));
  if (shares < 1) throw new InvalidValue('quantity', args.shares, 'at least 1 share');
  const code = asxSymbol(args.symbol);

  return withServices(context, command, async ({ container }) => {
    const broker = resolve(container, TOKENS.GatewayBroker);
    const clock = resolve(container, TOKENS.Clock);
    const account = await broker.connect();
    const instrument = await broker.resolveInstrument(code);
    if (side === 'SELL') {
      const held = (await broker.positions()).find((p) => p.instrument.conid === instrument.conid)?.quantity ?? 0;
      assertSellWithinHolding(code, shares, quantity(held));
    }
    const now = clock.now();
    const { hour, minute, second } = sydneyParts(now);
    const sequence = hour * 10_000 + minute * 100 + second;
    const intent: OrderIntent = {
      clientOrderId:
        options.id === undefined
          ? deriveClientOrderId(sydneyDateOf(now), code, 'manual', sequence)
          : clientOrderId(options.id),
      instrument,
      side,
      type,
      quantity: shares,
      tif,
      purpose: 'manual',
      ...(type === 'LMT' && options.price !== undefined ? { limitPrice: parsePrice(options.price) } : {}),
      ...(type === 'STP' && options.price !== undefined ? { stopPrice: parsePrice(options.price) } : {}),
    };
    const described = `${side} ${shares} ${code} ${options.type}${options.price === undefined ? '' : ` @ ${options.price}`} ${tif} on ${account.accountId} as ${intent.clientOrderId}`;
    if (options.yes !== true) {
      context.stdout.write(`would send: ${described}\nadd --yes to send it\n`);
      return ExitCode.Refused;
    }
    const submitter = new OrderSubmitter(
      broker,
      resolve(container, TOKENS.Repository),
      clock,
      resolve(container, TRADING.RateMeter),
      resolve(container, TOKENS.Logger),
    );
    const outcome = await submitter.submit(intent);
    if (outcome.kind === 'rejected' || outcome.kind === 'unknown') {
      context.stdout.write(`order ${intent.clientOrderId} ${outcome.kind}: ${outcome.reason}\n`);
      return outcome.kind === 'rejected' ? ExitCode.BrokerFailure : ExitCode.Failure;
    }
    const final = await follow(broker, intent, Number(options.waitSeconds) * 1000, () => clock.now());
    if (options.json === true) printJson(context, final ?? null);
    else context.stdout.write(`sent: ${described}\n${describeOrder(final)}\n`);
    return final?.status === 'rejected' ? ExitCode.BrokerFailure : ExitCode.Ok;
  });
}

function parseSide(text: string): Side {
  const side = text.toUpperCase();
  if (side === 'BUY' || side === 'SELL') return side;
  throw new InvalidValue('side', text, 'expected buy or sell');
}

/** Polls the order until it is final or the wait is over; a manual order's outcome is what the user came for. */
async function follow(
  broker: { findOrder(id: OrderIntent['clientOrderId']): Promise<BrokerOrder | undefined> },
  intent: OrderIntent,
  waitMs: number,
  now: () => number,
): Promise<BrokerOrder | undefined> {
  const until = now() + waitMs;
  let last = await broker.findOrder(intent.clientOrderId);
  while (last !== undefined && !TERMINAL_ORDER_STATUSES.has(last.status) && now() < until) {
    await new Promise((wake) => setTimeout(wake, 500));
    last = await broker.findOrder(intent.clientOrderId);
  }
  return last;
}

function describeOrder(order: BrokerOrder | undefined): string {
  if (order === undefined) return 'the gateway does not list the order (yet); check with skim status';
  const average =
    order.averageFillPriceMills === undefined ? '' : ` at ${(order.averageFillPriceMills / 1000).toFixed(3)}`;
  const reason = order.rejectReason === undefined ? '' : ` (${order.rejectReason})`;
  return `order ${order.brokerOrderId}: ${order.status}, filled ${order.filledQuantity}/${order.quantity}${average}${reason}`;
}
