import type { GatewayState } from '../gateway-state.js';
import type { Router } from '../http/router.js';
import { badRequest, gatewayError, ok, type SimRequest, type SimResponse } from '../http/sim-http.js';
import { barLengthSeconds, barsInWindow, historyBarSize, periodMs } from '../market/history-window.js';
import { parseGatewayDateTime } from '../payloads/gateway-values.js';
import { historyBody } from '../payloads/history.payloads.js';
import { preflightEntry, snapshotEntry, SUPPORTED_SNAPSHOT_FIELDS } from '../payloads/snapshot.payloads.js';

/** Snapshots (with the pre-flight quirk), price history and unsubscribing. */
export function registerMarketDataRoutes(router: Router, state: GatewayState): void {
  router
    .get('/iserver/marketdata/snapshot', (request) => snapshot(state, request))
    .get('/iserver/marketdata/history', (request) => history(state, request))
    .get('/iserver/marketdata/unsubscribeall', () => {
      state.subscriptions.clear();
      return ok({ unsubscribed: true });
    })
    .post('/iserver/marketdata/unsubscribe', (request) => {
      const conid = Number((request.body as { conid?: unknown } | undefined)?.conid);
      if (!state.subscriptions.delete(conid)) return gatewayError(`conid ${conid} is not subscribed`, 404);
      return ok({ success: true });
    });
}

/**
 * The first request for a conid only starts its subscription and answers without values; later ones carry
 * the requested fields as strings. Unknown conids are answered with their id alone, as ones without data.
 */
function snapshot(state: GatewayState, request: SimRequest): SimResponse {
  const conids = numbersIn(request.query.get('conids'));
  if (conids.length === 0) return badRequest('conids is required');
  const fields = request.query
    .get('fields')
    ?.split(',')
    .map((field) => field.trim()) ?? [...SUPPORTED_SNAPSHOT_FIELDS];
  const availability = state.options.marketData === 'delayed' ? 'DpB' : 'RpB';
  const now = state.now();
  return ok(
    conids.map((conid, index) => {
      const serverId = `q${index}`;
      const target = state.instrumentOf(conid);
      const subscribed = state.subscriptions.has(conid);
      state.subscriptions.add(conid);
      if (target === undefined || !subscribed) return preflightEntry(conid, now, serverId);
      const quote = state.exchange.quote(target);
      return snapshotEntry({ quote, fields, availability, halted: state.haltedConids.has(conid), serverId });
    }),
  );
}

function history(state: GatewayState, request: SimRequest): SimResponse {
  const conid = Number(request.query.get('conid'));
  const listing = state.listingOf(conid);
  const target = state.instrumentOf(conid);
  if (listing === undefined || target === undefined) return gatewayError(`no history for conid ${conid}`, 400);
  const period = request.query.get('period') ?? '1d';
  const span = periodMs(period);
  const size = historyBarSize(request.query.get('bar') ?? '1min');
  if (span === undefined) return badRequest(`period ${period} is not like 1d, 2w, 1m or 1y`);
  if (size === undefined) return badRequest(`bar ${request.query.get('bar')} is not one of Nmin, Nh or 1d`);
  const now = state.now();
  const startTime = request.query.get('startTime');
  // `startTime` ends the window when given (UTC "YYYYMMDD-HH:mm:ss"); otherwise the window ends now.
  const end = startTime === null ? now : parseGatewayDateTime(startTime);
  if (end === undefined) return badRequest(`startTime ${startTime} is not YYYYMMDD-HH:mm:ss`);
  const windowStart = end - span;
  const bars = barsInWindow(state.exchange.bars(target, '1min'), state.exchange.bars(target, '1d'), size, {
    start: windowStart,
    end,
    now,
  });
  return ok(
    historyBody({
      listing,
      bars,
      period,
      barLengthSeconds: barLengthSeconds(size),
      windowStart,
      delayed: state.options.marketData === 'delayed',
    }),
  );
}

function numbersIn(text: string | null): number[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^\d+$/.test(part))
    .map(Number);
}
