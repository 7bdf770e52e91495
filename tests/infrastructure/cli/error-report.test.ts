import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { BrokerError } from '../../../src/domain/errors/broker-error.js';
import { GatewayNotAuthenticated } from '../../../src/domain/errors/gateway-not-authenticated.error.js';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { LiveAccountRefused } from '../../../src/domain/errors/live-account-refused.error.js';
import { RiskLimitExceeded } from '../../../src/domain/errors/risk-limit-exceeded.error.js';
import { ConfigError } from '../../../src/infrastructure/config/config-error.js';
import { describeFailure, exitCodeFor } from '../../../src/infrastructure/cli/error-report.js';
import { ExitCode } from '../../../src/infrastructure/cli/exit-codes.js';

describe('exitCodeFor', () => {
  it.each([
    [new ConfigError([{ source: 'SKIM_X', message: 'bad' }]), ExitCode.Usage],
    [new CommanderError(1, 'commander.unknownOption', 'unknown option'), ExitCode.Usage],
    [new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'), ExitCode.Ok],
    [new GatewayNotAuthenticated('no session'), ExitCode.GatewayNotAuthenticated],
    [new LiveAccountRefused('U1234567'), ExitCode.Refused],
    [new RiskLimitExceeded('maxPositions', '5 open'), ExitCode.Refused],
    [new BrokerError('placeOrder', 'rejected'), ExitCode.BrokerFailure],
    [new InvalidValue('price', 1.234, 'off tick'), ExitCode.Failure],
    [new TypeError('boom'), ExitCode.Failure],
    ['a string', ExitCode.Failure],
  ])('maps %s to %i', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});

describe('describeFailure', () => {
  it('prints a domain error as one line with its code, without a stack', () => {
    const text = describeFailure(new GatewayNotAuthenticated('session expired'), false);
    expect(text).toBe('skim: gateway is not authenticated: session expired [GATEWAY_NOT_AUTHENTICATED]');
  });

  it('adds the stack when verbose', () => {
    const text = describeFailure(new LiveAccountRefused('U1234567'), true);
    expect(text.split('\n')[0]).toContain('U1234567');
    expect(text).toMatch(/\n\s+at /);
  });

  it('lists every configuration problem, and the warnings', () => {
    const error = new ConfigError(
      [
        { source: 'SKIM_A', message: 'first' },
        { source: 'SKIM_B', message: 'second' },
      ],
      [{ source: 'SKIM_C', message: 'unknown' }],
    );
    const text = describeFailure(error, false);
    expect(text).toContain('SKIM_A: first');
    expect(text).toContain('SKIM_B: second');
    expect(text).toContain('warning: SKIM_C: unknown');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('points unexpected errors to --verbose instead of dumping the stack', () => {
    expect(describeFailure(new Error('socket hang up'), false)).toBe(
      'skim: socket hang up (run with --verbose for details)',
    );
    expect(describeFailure(new Error('socket hang up'), true)).toMatch(/socket hang up\n\s+at /);
  });

  it('prints nothing for commander errors, which commander has already reported', () => {
    expect(describeFailure(new CommanderError(1, 'commander.unknownCommand', 'x'), false)).toBe('');
  });
});
