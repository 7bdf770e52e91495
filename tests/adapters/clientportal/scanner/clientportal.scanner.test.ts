import { describe, expect, it } from 'vitest';
import { DEFAULT_PACING } from '../../../../src/adapters/clientportal/clientportal.config.js';
import { GatewayRateLimited } from '../../../../src/adapters/clientportal/errors/gateway-rate-limited.error.js';
import { GatewayTransportFailure } from '../../../../src/adapters/clientportal/errors/gateway-transport.error.js';
import { UnexpectedResponse } from '../../../../src/adapters/clientportal/errors/unexpected-response.error.js';
import { CompetingSessionSuspected } from '../../../../src/adapters/clientportal/scanner/competing-session-suspected.error.js';
import type { IbkrScannerSettings } from '../../../../src/adapters/clientportal/scanner/ibkr-scan-request.js';
import { SCANNER_PARAMS_INTERVAL_MS } from '../../../../src/adapters/clientportal/scanner/scanner-params-cache.js';
import { UnknownScannerCode } from '../../../../src/adapters/clientportal/scanner/unknown-scanner-code.error.js';
import { TRADING_MORNING } from '../support/broker-harness.js';
import {
  FILTERS,
  morningRun,
  PARAMS_PATH,
  paramsBody,
  RUN_PATH,
  scannerFixture,
  scannersPerTest,
  TRADING_DAY,
} from './scanner-harness.js';

/** A read that keeps failing is sent once and repeated this many times by the gateway client. */
const READ_ATTEMPTS = DEFAULT_PACING.maxReadRetries + 1;
const MINUTE = 60_000;

const EXPECTED_SYMBOLS = ['PLS', 'BHP', 'CBA'];

describe('ClientPortalScanner', () => {
  const scanner = scannersPerTest();

  it('checks the scanner params, then posts the documented ASX gap scan with the price and volume filters', async () => {
    const { gateway, scanner: ibkr } = scanner();
    gateway.ok('GET', PARAMS_PATH, paramsBody()).ok('POST', RUN_PATH, morningRun());

    const results = await ibkr.scanGaps(TRADING_DAY, FILTERS);

    expect(results.map((result) => result.symbol)).toEqual(EXPECTED_SYMBOLS);
    expect(results[0]).toEqual({
      symbol: 'PLS',
      companyName: 'PILBARA MINERALS LTD',
      gapPct: 12.34,
      source: 'ibkr-scanner',
    });
    expect(gateway.calls()).toEqual([
      { method: 'GET', path: PARAMS_PATH, body: undefined },
      {
        method: 'POST',
        path: RUN_PATH,
        body: {
          instrument: 'STOCK.HK',
          type: 'HIGH_OPEN_GAP',
          location: 'STK.HK.ASX',
          filter: [
            { code: 'priceAbove', value: 0.05 },
            { code: 'volumeAbove', value: 10_000 },
          ],
        },
      },
    ]);
    gateway.assertAllUsed();
  });

  it('runs the scan type it is configured with', async () => {
    const { gateway, scanner: ibkr } = scanner({ scanType: 'TOP_PERC_GAIN' });
    gateway.ok('GET', PARAMS_PATH, paramsBody()).ok('POST', RUN_PATH, morningRun());

    await ibkr.scanGaps(TRADING_DAY, FILTERS);

    expect(gateway.calls()[1]?.body).toMatchObject({ type: 'TOP_PERC_GAIN' });
  });

  it('accepts a location nested deeper in the location tree of its instrument', async () => {
    const { gateway, scanner: ibkr } = scanner({ location: 'STK.HK.TSE_JPN' });
    gateway.ok('GET', PARAMS_PATH, paramsBody()).ok('POST', RUN_PATH, { contracts: [] });

    await expect(ibkr.scanGaps(TRADING_DAY, FILTERS)).resolves.toEqual([]);
    expect(gateway.calls()[1]?.body).toMatchObject({ location: 'STK.HK.TSE_JPN' });
  });

  it('asks for the scanner params at most once per 15 minutes', async () => {
    const { gateway, clock, scanner: ibkr } = scanner();
    gateway.ok('GET', PARAMS_PATH, paramsBody(), 2).ok('POST', RUN_PATH, morningRun(), 3);

    await ibkr.scanGaps(TRADING_DAY, FILTERS);
    clock.setTo(TRADING_MORNING + SCANNER_PARAMS_INTERVAL_MS - MINUTE);
    await ibkr.scanGaps(TRADING_DAY, FILTERS);
    expect(gateway.countOf('GET', PARAMS_PATH)).toBe(1);

    clock.setTo(TRADING_MORNING + SCANNER_PARAMS_INTERVAL_MS);
    await ibkr.scanGaps(TRADING_DAY, FILTERS);
    expect(gateway.requestLines()).toEqual([
      `GET ${PARAMS_PATH}`,
      `POST ${RUN_PATH}`,
      `POST ${RUN_PATH}`,
      `GET ${PARAMS_PATH}`,
      `POST ${RUN_PATH}`,
    ]);
  });

  it('shares one params request between scans that start together', async () => {
    const { gateway, scanner: ibkr } = scanner();
    gateway.ok('GET', PARAMS_PATH, paramsBody()).ok('POST', RUN_PATH, morningRun(), 2);

    const [first, second] = await Promise.all([
      ibkr.scanGaps(TRADING_DAY, FILTERS),
      ibkr.scanGaps(TRADING_DAY, FILTERS),
    ]);

    expect(first).toEqual(second);
    expect(gateway.countOf('GET', PARAMS_PATH)).toBe(1);
    expect(gateway.countOf('POST', RUN_PATH)).toBe(2);
  });

  it.each<[string, Partial<IbkrScannerSettings>, string, string, RegExp]>([
    ['a scan type IBKR does not have', { scanType: 'HIGH_OPEN_GAPS' }, 'scan type', 'HIGH_OPEN_GAPS', /scan_type_list/],
    [
      'a scan type for other instruments',
      { scanType: 'HOT_BY_PRICE' },
      'scan type',
      'HOT_BY_PRICE',
      /does not apply to instrument "STOCK\.HK"/,
    ],
    ['an unknown instrument', { instrument: 'STOCK.AU' }, 'instrument', 'STOCK.AU', /instrument_list/],
    ['an unknown location', { location: 'STK.AU.ASX' }, 'location', 'STK.AU.ASX', /known: STK\.HK\.ASX, /],
    [
      "another instrument's location",
      { location: 'STK.US.MAJOR' },
      'location',
      'STK.US.MAJOR',
      /not under instrument "STOCK\.HK"/,
    ],
  ])('refuses %s, naming the code, without running the scan', async (_case, settings, kind, value, why) => {
    const { gateway, scanner: ibkr } = scanner(settings);
    gateway.ok('GET', PARAMS_PATH, paramsBody());

    const error = await ibkr.scanGaps(TRADING_DAY, FILTERS).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UnknownScannerCode);
    expect(error).toMatchObject({ kind, value });
    expect((error as Error).message).toContain(`"${value}"`);
    expect((error as Error).message).toMatch(why);
    expect(gateway.countOf('POST', RUN_PATH)).toBe(0);
  });

  it('refuses a filter code the params do not list', async () => {
    const { gateway, scanner: ibkr } = scanner();
    const params = paramsBody();
    const filters = params.filter_list as { code: string }[];
    gateway.ok('GET', PARAMS_PATH, { ...params, filter_list: filters.filter((f) => f.code !== 'volumeAbove') });

    const error = await ibkr.scanGaps(TRADING_DAY, FILTERS).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UnknownScannerCode);
    expect((error as Error).message).toMatch(/filter code "volumeAbove" is not in filter_list/);
    expect(gateway.countOf('POST', RUN_PATH)).toBe(0);
  });

  it('reports a params document it cannot read as an UnexpectedResponse naming the field', async () => {
    const { gateway, scanner: ibkr } = scanner();
    gateway.ok('GET', PARAMS_PATH, { ...paramsBody(), location_tree: [{ display_name: 'Asia' }] });

    await expect(ibkr.scanGaps(TRADING_DAY, FILTERS)).rejects.toMatchObject({
      endpoint: `GET ${PARAMS_PATH}`,
      path: 'location_tree[0].type',
    });
  });

  it.each([
    ['as JSON', (body: string) => ({ json: { error: body } })],
    ['as text', (body: string) => ({ text: body })],
  ])('explains HTTP 500 "EMPTY response" (%s) as a probable competing session', async (_case, shape) => {
    const { gateway, scanner: ibkr } = scanner();
    gateway.ok('GET', PARAMS_PATH, paramsBody());
    const answer = shape('EMPTY response');
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt += 1) {
      if ('json' in answer) gateway.reply('POST', RUN_PATH, 500, answer.json);
      else gateway.replyText('POST', RUN_PATH, 500, answer.text);
    }

    const error = await ibkr.scanGaps(TRADING_DAY, FILTERS).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CompetingSessionSuspected);
    expect(error).toMatchObject({ endpoint: `POST ${RUN_PATH}` });
    expect((error as Error).message).toMatch(/EMPTY response.*probably a competing session/);
    expect((error as Error).message).toMatch(/log it out/);
  });

  it('leaves any other server error as the gateway failure it is', async () => {
    const { gateway, scanner: ibkr } = scanner();
    gateway
      .ok('GET', PARAMS_PATH, paramsBody())
      .reply('POST', RUN_PATH, 500, { error: 'Service Unavailable' }, READ_ATTEMPTS);

    const error = await ibkr.scanGaps(TRADING_DAY, FILTERS).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GatewayTransportFailure);
    expect(error).not.toBeInstanceOf(CompetingSessionSuspected);
    expect((error as Error).message).toContain('Service Unavailable');
  });

  it('checks codes against the previous params when a refresh fails, and says so', async () => {
    const { gateway, clock, log, scanner: ibkr } = scanner();
    gateway
      .ok('GET', PARAMS_PATH, paramsBody())
      .ok('POST', RUN_PATH, morningRun(), 2)
      .reply('GET', PARAMS_PATH, 503, { error: 'down for maintenance' }, READ_ATTEMPTS);

    await ibkr.scanGaps(TRADING_DAY, FILTERS);
    clock.setTo(TRADING_MORNING + SCANNER_PARAMS_INTERVAL_MS + MINUTE);
    const results = await ibkr.scanGaps(TRADING_DAY, FILTERS);

    expect(results.map((result) => result.symbol)).toEqual(EXPECTED_SYMBOLS);
    expect(log.at('warn').map((line) => line.message)).toEqual([
      'could not refresh the IBKR scanner params; checking codes against the previous answer',
    ]);
    gateway.assertAllUsed();
  });

  it('does not ask for the params again within 15 minutes of a 429', async () => {
    const { gateway, clock, scanner: ibkr } = scanner();
    gateway.reply('GET', PARAMS_PATH, 429, { error: 'Too many requests' }, READ_ATTEMPTS);

    await expect(ibkr.scanGaps(TRADING_DAY, FILTERS)).rejects.toBeInstanceOf(GatewayRateLimited);
    const asked = gateway.countOf('GET', PARAMS_PATH);
    clock.setTo(TRADING_MORNING + 5 * MINUTE);
    const again = await ibkr.scanGaps(TRADING_DAY, FILTERS).catch((caught: unknown) => caught);

    expect(again).toBeInstanceOf(GatewayRateLimited);
    expect((again as GatewayRateLimited).retryAfterMs).toBeGreaterThan(0);
    expect(gateway.countOf('GET', PARAMS_PATH)).toBe(asked);
    expect(gateway.countOf('POST', RUN_PATH)).toBe(0);
  });

  it('logs each skipped row by index, symbol and conid and returns the rest', async () => {
    const { gateway, log, scanner: ibkr } = scanner();
    gateway.ok('GET', PARAMS_PATH, paramsBody()).ok('POST', RUN_PATH, scannerFixture('run-with-bad-rows.json'));

    const results = await ibkr.scanGaps(TRADING_DAY, FILTERS);

    expect(results.map((result) => result.symbol)).toEqual(['PLS', 'CBA', 'BHP']);
    const warnings = log.at('warn');
    expect(warnings.map((line) => line.fields.row)).toEqual([1, 2, 3, 4]);
    expect(warnings[0]?.message).toBe(
      'ibkr-scanner contracts[1] (XYZ, con_id 11111111) skipped: scan_data "n/a" is not a signed percentage',
    );
    expect(warnings[0]?.fields).toMatchObject({ source: 'ibkr-scanner', tradingDate: TRADING_DAY, symbol: 'XYZ' });
    expect(warnings[3]?.message).toMatch(/^ibkr-scanner contracts\[4\] skipped: /);
  });

  it('refuses an answer that is not the scanner envelope', async () => {
    const { gateway, scanner: ibkr } = scanner();
    gateway.ok('GET', PARAMS_PATH, paramsBody()).ok('POST', RUN_PATH, { results: [] });

    await expect(ibkr.scanGaps(TRADING_DAY, FILTERS)).rejects.toSatisfy(
      (error) => error instanceof UnexpectedResponse && error.path === 'contracts',
    );
  });
});
