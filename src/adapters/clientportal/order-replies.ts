import type { Logger } from 'pino';
import { BrokerError } from '../../domain/errors/broker-error.js';
import type { ClientOrderId } from '../../domain/orders/client-order-id.js';
import type { GatewayClient } from './gateway-client.js';
import { ignoredBody } from './schemas/common.schema.js';
import { orderAnswerSchema, type OrderAnswer, type OrderPlaced, type OrderQuestion } from './schemas/orders.schema.js';

type Outcome =
  | { readonly kind: 'placed'; readonly placed: OrderPlaced }
  | { readonly kind: 'question'; readonly question: OrderQuestion }
  | { readonly kind: 'error'; readonly text: string };

/** The order was refused outright (`{"error": …}`), e.g. size limits, market closed, duplicate cOID. */
export class OrderRefused extends BrokerError {
  constructor(
    readonly clientOrderId: ClientOrderId,
    readonly gatewayText: string,
  ) {
    super('placeOrder', `gateway refused ${clientOrderId}: ${gatewayText}`);
  }
}

/** The gateway asked a question Skim may not confirm; the order was answered "no" and not placed. */
export class OrderQuestionDeclined extends BrokerError {
  constructor(
    readonly clientOrderId: ClientOrderId,
    readonly question: string,
    readonly messageIds: readonly string[],
  ) {
    super(
      'placeOrder',
      `${clientOrderId} needs a confirmation Skim may not give [${messageIds.join(', ') || 'no id'}]: ${question}`,
    );
  }
}

/**
 * Drives the question/answer exchange that follows an order POST: confirms questions whose message ids are
 * all on the allow-list, declines anything else, and gives up after a bounded number of rounds.
 */
export class OrderReplies {
  constructor(
    private readonly client: GatewayClient,
    private readonly allowed: ReadonlySet<string>,
    private readonly maxRounds: number,
    private readonly logger: Logger,
  ) {}

  async settle(id: ClientOrderId, first: OrderAnswer): Promise<OrderPlaced> {
    let answer = first;
    for (let round = 1; ; round += 1) {
      const outcome = outcomeOf(answer);
      if (outcome.kind === 'placed') return outcome.placed;
      if (outcome.kind === 'error') throw new OrderRefused(id, outcome.text);
      const { question } = outcome;
      const text = questionText(question);
      if (!this.mayConfirm(question)) {
        await this.decline(question);
        throw new OrderQuestionDeclined(id, text, question.messageIds);
      }
      if (round > this.maxRounds) {
        await this.decline(question);
        throw new BrokerError('placeOrder', `${id}: still asking after ${this.maxRounds} confirmations: ${text}`);
      }
      this.logger.info(
        { clientOrderId: id, messageIds: question.messageIds, question: text },
        'confirming order warning',
      );
      answer = await this.client.post(replyPath(question), { confirmed: true }, orderAnswerSchema, {
        idempotent: false,
      });
    }
  }

  private mayConfirm(question: OrderQuestion): boolean {
    return question.messageIds.length > 0 && question.messageIds.every((messageId) => this.allowed.has(messageId));
  }

  /** Says "no" so that no question is left pending at the gateway; its answer does not matter. */
  private async decline(question: OrderQuestion): Promise<void> {
    try {
      await this.client.post(replyPath(question), { confirmed: false }, ignoredBody, { idempotent: false });
    } catch (error) {
      this.logger.warn({ err: error, replyId: question.id }, 'declining an order question failed');
    }
  }
}

function outcomeOf(answer: OrderAnswer): Outcome {
  if (!Array.isArray(answer)) return { kind: 'error', text: answer.error };
  // One order is sent at a time, so the answer concerns that order alone.
  const [first] = answer;
  if (first === undefined || 'error' in first) return { kind: 'error', text: first?.error ?? 'empty answer' };
  if ('order_id' in first) return { kind: 'placed', placed: first };
  return { kind: 'question', question: first };
}

function questionText(question: OrderQuestion): string {
  return question.message
    .join(' / ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function replyPath(question: OrderQuestion): string {
  return `/iserver/reply/${encodeURIComponent(question.id)}`;
}
