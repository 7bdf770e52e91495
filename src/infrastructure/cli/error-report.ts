import { CommanderError } from 'commander';
import { BrokerError } from '../../domain/errors/broker-error.js';
import { DomainError } from '../../domain/errors/domain-error.js';
import { GatewayNotAuthenticated } from '../../domain/errors/gateway-not-authenticated.error.js';
import { LiveAccountRefused } from '../../domain/errors/live-account-refused.error.js';
import { RiskLimitExceeded } from '../../domain/errors/risk-limit-exceeded.error.js';
import { ConfigError, formatProblem } from '../config/config-error.js';
import { ExitCode } from './exit-codes.js';

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
  if (error instanceof ConfigError) return ExitCode.Usage;
  if (error instanceof GatewayNotAuthenticated) return ExitCode.GatewayNotAuthenticated;
  if (error instanceof LiveAccountRefused || error instanceof RiskLimitExceeded) return ExitCode.Refused;
  if (error instanceof BrokerError) return ExitCode.BrokerFailure;
  return ExitCode.Failure;
}

/**
 * What to print for an error that ended a command: one clear line for errors Skim raises on purpose
 * (every problem for an invalid configuration), a stack trace only when asked for or unexpected.
 */
export function describeFailure(error: unknown, verbose: boolean): string {
  if (error instanceof CommanderError) return '';
  const stack = error instanceof Error && verbose ? `\n${error.stack ?? ''}` : '';
  if (error instanceof ConfigError) {
    const warnings = error.warnings.map((warning) => `\nwarning: ${formatProblem(warning)}`).join('');
    return `skim: ${error.message}${warnings}${stack}`;
  }
  if (error instanceof DomainError) return `skim: ${error.message} [${error.code}]${stack}`;
  if (error instanceof Error) {
    return verbose
      ? `skim: ${error.stack ?? error.message}`
      : `skim: ${error.message} (run with --verbose for details)`;
  }
  return `skim: ${String(error)}`;
}
