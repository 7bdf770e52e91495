import type { RegisterCommand } from './command-group.js';
import { registerAccount } from './account.command.js';
import { registerConfigCheck } from './config-check.command.js';
import { registerDbMigrate } from './db-migrate.command.js';
import { registerQuote } from './quote.command.js';
import { registerScan } from './scan.command.js';

/** Every command of the `skim` binary, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerConfigCheck,
  registerDbMigrate,
  registerScan,
  registerAccount,
  registerQuote,
];
