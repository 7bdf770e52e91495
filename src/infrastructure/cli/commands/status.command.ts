import type { Command } from 'commander';
import type { StatusReport } from '../../../application/trading/status-report.js';
import { describeKillSwitch } from '../../../domain/risk/daily-loss.js';
import { formatMoney } from '../../../domain/values/money.js';
import { formatPrice } from '../../../domain/values/price.js';
import { resolve } from '../../container/token.js';
import { TRADING } from '../../container/trading.bindings.js';
import { printJson, type CliContext, type JsonOption } from '../cli-context.js';
import { withServices } from '../command-container.js';
import { formatTable } from '../format/table.js';
import type { RegisterCommand } from './command-group.js';

export const registerStatus: RegisterCommand = (program, context) => {
  program
    .command('status')
    .description("today's candidates, open positions with unrealised P&L, today's trades, P&L and gateway health")
    .option('--json', 'print the report as JSON')
    .action(async (options: JsonOption, command: Command) => {
      await withServices(context, command, async ({ container }) => {
        const report = await resolve(container, TRADING.Status).run();
        if (options.json === true) printJson(context, report);
        else printStatus(context, report);
      });
    });
};

function printStatus(context: CliContext, report: StatusReport): void {
  const out = (line = ''): void => {
    context.stdout.write(`${line}\n`);
  };
  out(`status ${report.date}${report.tradingDay ? '' : ' (not a trading day)'}`);
  out(gatewayLine(report));
  out(report.halt.halted ? `entries HALTED: ${report.halt.reason}` : 'entries allowed');
  out(describeKillSwitch(report.killSwitch, report.maxDailyLoss));
  out();
  out('candidates');
  out(
    report.candidates.length === 0
      ? '  none today'
      : formatTable(report.candidates, [
          { header: 'symbol', value: (c) => c.symbol },
          { header: 'status', value: (c) => c.status },
          { header: 'gap %', value: (c) => c.gapPct.toFixed(2), align: 'right' },
          {
            header: 'OR high',
            value: (c) => (c.openingRangeHigh ? formatPrice(c.openingRangeHigh) : '-'),
            align: 'right',
          },
          { header: 'low', value: (c) => (c.lowOfDay ? formatPrice(c.lowOfDay) : '-'), align: 'right' },
          { header: 'note', value: (c) => c.note ?? c.headline ?? '' },
        ]),
  );
  out();
  out('open positions');
  out(
    report.positions.length === 0
      ? '  none'
      : formatTable(report.positions, [
          { header: 'symbol', value: (p) => p.symbol },
          { header: 'status', value: (p) => p.status },
          { header: 'shares', value: (p) => String(p.quantity), align: 'right' },
          { header: 'entered', value: (p) => p.entryDate },
          { header: 'avg entry', value: (p) => (p.averageEntryMills / 1000).toFixed(3), align: 'right' },
          { header: 'stop', value: (p) => formatPrice(p.stopPrice), align: 'right' },
          { header: 'last', value: (p) => (p.priced ? formatPrice(p.last) : '-'), align: 'right' },
          {
            header: 'unrealised',
            value: (p) => (p.priced ? formatMoney(p.unrealisedPnl) : p.quoteMissing),
            align: 'right',
          },
        ]),
  );
  out();
  out(`trades today: ${report.trades.length}`);
  for (const fill of report.trades) {
    out(
      `  ${fill.side} ${fill.quantity} ${fill.instrument.symbol} at ${formatPrice(fill.price)} (${fill.clientOrderId})`,
    );
  }
  out(
    `P&L today: realised ${formatMoney(report.realisedPnl)}, unrealised ${formatMoney(report.unrealisedPnl)}, day ${formatMoney(report.dayPnl)}`,
  );
}

function gatewayLine(report: StatusReport): string {
  if (!report.gateway.reachable) return `gateway: unreachable (${report.gateway.error})`;
  const { health } = report.gateway;
  const checked = new Date(health.checkedAt).toISOString();
  return `gateway: ${health.gatewayAuthenticated ? 'authenticated' : 'NOT authenticated'}${health.competing ? ', competing session' : ''}, IBeam ${health.ibeamAlive ? 'alive' : 'DOWN'} (${health.message}; checked ${checked})`;
}
