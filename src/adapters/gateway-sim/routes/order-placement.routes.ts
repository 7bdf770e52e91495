import type { GatewayState } from '../gateway-state.js';
import type { Router } from '../http/router.js';
import { gatewayError, ok, type SimRequest, type SimResponse } from '../http/sim-http.js';
import type { AskedOrder } from '../orders/question-book.js';
import { questionsFor } from '../orders/question-policy.js';
import { readOrderRequest } from '../orders/order-request.js';
import { placedBody, questionBody } from '../payloads/orders.payloads.js';
import { wrongAccount } from './account-check.js';

/**
 * Placing an order: the body is read, its questions are asked one per answer (a confirmed reply may meet
 * the next question), and only then does the exchange see the order. A cOID already used is refused.
 */
export function registerOrderPlacementRoutes(router: Router, state: GatewayState): void {
  router
    .post('/iserver/account/:acct/orders', (request) => place(state, request))
    .post('/iserver/reply/:replyId', (request) => reply(state, request))
    .post('/iserver/questions/suppress', (request) => {
      const ids = (request.body as { messageIds?: unknown } | undefined)?.messageIds;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
        return gatewayError('messageIds must be a list of message ids', 400);
      }
      state.questions.suppress(ids);
      return ok({ status: 'submitted' });
    })
    .post('/iserver/questions/suppress/reset', () => {
      state.questions.resetSuppression();
      return ok({ status: 'submitted' });
    });
}

function place(state: GatewayState, request: SimRequest): SimResponse {
  const refusal = wrongAccount(state, request);
  if (refusal !== undefined) return refusal;
  const read = readOrderRequest(request.body, {
    accountId: state.accountId,
    instrumentOf: (conid) => state.instrumentOf(conid),
    generatedId: () => state.generatedClientOrderId(),
  });
  if (!read.ok) return gatewayError(read.error);
  const duplicate = duplicateOf(state, read);
  if (duplicate !== undefined) return duplicate;
  const { intent } = read;
  const injected = state.extraQuestions.splice(0);
  const usual = questionsFor(intent, state.exchange.quote(intent.instrument).last, state.questionPolicy);
  const [first, ...rest] = state.questions.unsuppressed([...injected, ...usual]);
  if (first === undefined) return accept(state, read);
  const replyId = state.questions.ask(read, [first, ...rest]);
  return ok(questionBody(replyId, first));
}

function reply(state: GatewayState, request: SimRequest): SimResponse {
  const pending = state.questions.take(request.params.replyId ?? '');
  if (pending === undefined) return gatewayError('Reply id not found', 400);
  if ((request.body as { confirmed?: unknown } | undefined)?.confirmed !== true) {
    return gatewayError(`order ${pending.intent.clientOrderId} was not confirmed and is not submitted`);
  }
  const [next, ...rest] = pending.remaining;
  if (next !== undefined) return ok(questionBody(state.questions.ask(pending, [next, ...rest]), next));
  return duplicateOf(state, pending) ?? accept(state, pending);
}

/** The exchange's verdict: accepted (PreSubmitted) or rejected, which the gateway reports as an error. */
function accept(state: GatewayState, order: AskedOrder): SimResponse {
  const placed = state.submit(order.intent, order.clientSuppliedId);
  if (placed.status === 'rejected') return gatewayError(`Order rejected: ${placed.rejectReason ?? 'rejected'}`);
  return { status: 200, body: placedBody(placed), orderAccepted: true };
}

function duplicateOf(state: GatewayState, order: AskedOrder): SimResponse | undefined {
  const id = order.intent.clientOrderId;
  if (state.exchange.findOrder(id) === undefined) return undefined;
  return gatewayError(`Local order ID=${id} is already registered.`);
}
