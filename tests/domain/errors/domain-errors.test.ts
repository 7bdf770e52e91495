import { describe, expect, it } from 'vitest';
import { BrokerError } from '../../../src/domain/errors/broker-error.js';
import { DomainError } from '../../../src/domain/errors/domain-error.js';
import { GatewayNotAuthenticated } from '../../../src/domain/errors/gateway-not-authenticated.error.js';
import { IllegalTransition } from '../../../src/domain/errors/illegal-transition.error.js';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { LiveAccountRefused } from '../../../src/domain/errors/live-account-refused.error.js';
import { RiskLimitExceeded } from '../../../src/domain/errors/risk-limit-exceeded.error.js';

describe('domain errors', () => {
  it('carry a stable code, their class name and the facts in the message', () => {
    const cases: [DomainError, string, string][] = [
      [new InvalidValue('price', 2005, 'off tick'), 'INVALID_VALUE', 'invalid price 2005: off tick'],
      [
        new IllegalTransition('position', 'p1', 'closed', 'stop'),
        'ILLEGAL_TRANSITION',
        'position p1 cannot go from closed to stop',
      ],
      [new RiskLimitExceeded('max_positions', '5 open'), 'RISK_LIMIT_EXCEEDED', 'risk rule max_positions: 5 open'],
      [new BrokerError('placeOrder', 'timeout', true), 'BROKER_ERROR', 'placeOrder failed: timeout'],
      [
        new GatewayNotAuthenticated('no session'),
        'GATEWAY_NOT_AUTHENTICATED',
        'gateway is not authenticated: no session',
      ],
      [new LiveAccountRefused('U123'), 'LIVE_ACCOUNT_REFUSED', 'account U123 is not a paper account'],
    ];
    for (const [error, code, message] of cases) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toBe(code);
      expect(error.name).toBe(error.constructor.name);
      expect(error.message).toContain(message);
    }
  });

  it('say when a competing login holds the gateway session', () => {
    expect(new GatewayNotAuthenticated('x', true).message).toBe('gateway session is held by a competing login: x');
  });

  it('keep whether a broker failure may be retried', () => {
    expect(new BrokerError('getOrders', 'HTTP 503', true).retryable).toBe(true);
    expect(new BrokerError('placeOrder', 'HTTP 500').retryable).toBe(false);
  });
});
