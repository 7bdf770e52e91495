import { registerAccount } from './account.command.js';
import { registerBacktest } from './backtest.command.js';
import { registerBarsImport } from './bars-import.command.js';
import type { RegisterCommand } from './command-group.js';
import { registerConfigCheck } from './config-check.command.js';
import { registerDbMigrate } from './db-migrate.command.js';
import { registerDemo } from './demo.command.js';
import { registerGatewaySim } from './gateway-sim.command.js';
import { registerHalt } from './halt.command.js';
import { registerOrder } from './order.command.js';
import { registerQuote } from './quote.command.js';
import { registerRun } from './run.command.js';
import { registerScan } from './scan.command.js';
import { registerWatch } from './watch.command.js';
import { registerStatus } from './status.command.js';
import {
  registerEndOfDay,
  registerExecute,
  registerManage,
  registerReconcile,
  registerTrack,
} from './steps.command.js';

/** Every command of the `skim` binary, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerRun,
  registerScan,
  registerTrack,
  registerExecute,
  registerManage,
  registerEndOfDay,
  registerReconcile,
  registerStatus,
  registerBacktest,
  registerBarsImport,
  registerHalt,
  registerAccount,
  registerQuote,
  registerWatch,
  registerOrder,
  registerGatewaySim,
  registerDemo,
  registerConfigCheck,
  registerDbMigrate,
];
