import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { loadCommandConfig, printJson, type CliContext, type JsonOption } from '../cli-context.js';
import { commandGroup, type RegisterCommand } from './command-group.js';

export const registerDbMigrate: RegisterCommand = (program, context) => {
  commandGroup(program, 'db', 'manage the SQLite database')
    .command('migrate')
    .description('create the database or bring its schema up to date (open trades are kept)')
    .option('--json', 'print the result as JSON')
    .action(async (options: JsonOption, command: Command) => {
      await migrate(context, command, options.json === true);
    });
};

async function migrate(context: CliContext, command: Command, json: boolean): Promise<void> {
  const { config } = loadCommandConfig(context, command);
  const dbPath = config.dbPath;
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  // Loaded on demand so that commands not touching the database never load the native SQLite module.
  const { migrateDatabase } = await import('../../../adapters/persistence/sqlite/migrate.js');
  const { applied, version } = migrateDatabase(dbPath);
  if (json) {
    printJson(context, { dbPath, applied, version });
  } else if (applied.length === 0) {
    context.stdout.write(`database ${dbPath} is up to date (schema version ${version})\n`);
  } else {
    context.stdout.write(
      `database ${dbPath}: applied migration${applied.length === 1 ? '' : 's'} ${applied.join(', ')}; schema version ${version}\n`,
    );
  }
}
