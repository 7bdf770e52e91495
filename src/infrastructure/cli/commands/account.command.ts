import type { Command } from 'commander';
import { formatMoney } from '../../../domain/values/money.js';
import { resolve } from '../../container/token.js';
import { TOKENS } from '../../container/tokens.js';
import { printJson, type CliContext, type JsonOption } from '../cli-context.js';
import { withServices } from '../command-container.js';
import { formatTable } from '../format/table.js';
import type { RegisterCommand } from './command-group.js';

export const registerAccount: RegisterCommand = (program, context) => {
  program
    .command('account')
    .description('connect to the gateway, apply the paper guard and show the account, its balances and positions')
    .option('--json', 'print the result as JSON')
    .action(async (options: JsonOption, command: Command) => {
      await showAccount(context, command, options.json === true);
    });
};

async function showAccount(context: CliContext, command: Command, json: boolean): Promise<void> {
  await withServices(context, command, async ({ container }) => {
    const broker = resolve(container, TOKENS.GatewayBroker);
    const account = await broker.connect();
    const summary = await broker.accountSummary();
    const positions = await broker.positions();
    if (json) {
      printJson(context, { account, summary, positions });
      return;
    }
    const out = (line: string): void => {
      context.stdout.write(`${line}\n`);
    };
    out(`account ${account.accountId} (${account.isPaper ? 'paper' : 'LIVE'}, ${account.currency})`);
    out(
      `net liquidation ${formatMoney(summary.netLiquidation)}  available funds ${formatMoney(summary.availableFunds)}  cash ${formatMoney(summary.cash)}`,
    );
    if (positions.length === 0) {
      out('no positions');
      return;
    }
    out(
      formatTable(positions, [
        { header: 'symbol', value: (p) => p.instrument.symbol },
        { header: 'conid', value: (p) => String(p.instrument.conid), align: 'right' },
        { header: 'shares', value: (p) => String(p.quantity), align: 'right' },
        { header: 'avg cost', value: (p) => (p.averageCostMills / 1000).toFixed(3), align: 'right' },
      ]),
    );
  });
}
