import { describe, expect, it } from 'vitest';
import { BrokerError } from '../../../src/domain/errors/broker-error.js';
import { asxSymbol } from '../../../src/domain/values/instrument.js';
import { brokersPerTest } from './support/broker-harness.js';
import { fixture, listFixture, objectFixture } from './support/fixtures.js';

const BHP_SEARCH = '/iserver/secdef/search?symbol=BHP&secType=STK';

describe('contract resolution', () => {
  const brokers = brokersPerTest();

  it('picks the ASX listing among NYSE and ASX matches and confirms it', async () => {
    const harness = brokers.fresh();
    harness.gateway
      .ok('GET', BHP_SEARCH, fixture('secdef-search-bhp'))
      .ok('GET', '/iserver/contract/4036818/info', fixture('contract-info-bhp-asx'));
    await expect(harness.broker.resolveInstrument(asxSymbol('BHP'))).resolves.toEqual({
      symbol: 'BHP',
      conid: 4036818,
    });
  });

  it('answers again from its cache without asking the gateway', async () => {
    const harness = brokers.fresh();
    harness.gateway
      .ok('GET', BHP_SEARCH, fixture('secdef-search-bhp'))
      .ok('GET', '/iserver/contract/4036818/info', fixture('contract-info-bhp-asx'));
    await harness.broker.resolveInstrument(asxSymbol('BHP'));
    await harness.broker.resolveInstrument(asxSymbol('BHP'));
    expect(harness.gateway.calls()).toHaveLength(2);
  });

  it('reports an unknown symbol with the gateway message', async () => {
    const harness = brokers.fresh();
    harness.gateway.ok('GET', '/iserver/secdef/search?symbol=ZZZ&secType=STK', { error: 'No symbol found' });
    const failure = harness.broker.resolveInstrument(asxSymbol('ZZZ'));
    await expect(failure).rejects.toBeInstanceOf(BrokerError);
    await expect(failure).rejects.toThrow('ZZZ: No symbol found');
  });

  it('reports a symbol with no ASX listing, naming what was found', async () => {
    const harness = brokers.fresh();
    const [nyse] = listFixture('secdef-search-bhp');
    harness.gateway.ok('GET', BHP_SEARCH, [nyse]);
    await expect(harness.broker.resolveInstrument(asxSymbol('BHP'))).rejects.toThrow(
      'BHP has no ASX listing; found NYSE (conid 4036812)',
    );
  });

  it('refuses to guess between two ASX listings', async () => {
    const harness = brokers.fresh();
    const [, asx] = listFixture('secdef-search-bhp');
    harness.gateway.ok('GET', BHP_SEARCH, [asx, { ...asx, conid: '999' }]);
    await expect(harness.broker.resolveInstrument(asxSymbol('BHP'))).rejects.toThrow('ambiguous');
  });

  it('refuses a listing whose contract details are not ASX in AUD', async () => {
    const harness = brokers.fresh();
    harness.gateway
      .ok('GET', BHP_SEARCH, fixture('secdef-search-bhp'))
      .ok('GET', '/iserver/contract/4036818/info', { ...objectFixture('contract-info-bhp-asx'), currency: 'USD' });
    await expect(harness.broker.resolveInstrument(asxSymbol('BHP'))).rejects.toThrow('not on the ASX in AUD');
  });

  it('recognises the ASX listing from the company header when the description is missing', async () => {
    const harness = brokers.fresh();
    const [nyse, asx] = listFixture('secdef-search-bhp');
    harness.gateway
      .ok('GET', BHP_SEARCH, [nyse, { ...asx, description: null }])
      .ok('GET', '/iserver/contract/4036818/info', fixture('contract-info-bhp-asx'));
    await expect(harness.broker.resolveInstrument(asxSymbol('BHP'))).resolves.toMatchObject({ conid: 4036818 });
  });

  it('names the field when a search result has no usable conid', async () => {
    const harness = brokers.fresh();
    const [, asx] = listFixture('secdef-search-bhp');
    harness.gateway.ok('GET', BHP_SEARCH, [{ ...asx, conid: 'BHP.AX' }]);
    await expect(harness.broker.resolveInstrument(asxSymbol('BHP'))).rejects.toMatchObject({
      endpoint: 'GET /iserver/secdef/search',
      path: '[0].conid',
    });
  });
});
