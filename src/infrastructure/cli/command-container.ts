import type { Command } from 'commander';
import type { Container } from 'inversify';
import type { SkimConfig } from '../config/skim-config.js';
import { createContainer, disposeContainer, type AdapterOverrides } from '../container/create-container.js';
import { createLogger } from '../logging/create-logger.js';
import { loggerOptions } from '../logging/logger-options.js';
import { loadCommandConfig, type CliContext } from './cli-context.js';

export interface CommandServices {
  readonly config: SkimConfig;
  readonly container: Container;
}

/**
 * Runs a command's work with a container built from the configuration and closes what it opened afterwards,
 * whether the work succeeded or not. `overrides` lets a command swap an adapter (e.g. a fixed clock).
 */
export async function withServices<T>(
  context: CliContext,
  command: Command,
  work: (services: CommandServices) => Promise<T>,
  overrides: (config: SkimConfig) => AdapterOverrides = () => ({}),
): Promise<T> {
  const { config } = loadCommandConfig(context, command);
  const logger = createLogger({ ...loggerOptions(config), stream: process.stderr });
  const container = createContainer(config, { logger, ...overrides(config) });
  try {
    return await work({ config, container });
  } finally {
    await disposeContainer(container);
  }
}
