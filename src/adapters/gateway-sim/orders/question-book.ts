import { randomUUID } from 'node:crypto';
import type { OrderIntent } from '../../../domain/orders/order-intent.js';
import type { QuestionSpec } from './question-policy.js';

/** An order the gateway has read but not yet accepted. */
export interface AskedOrder {
  readonly intent: OrderIntent;
  /** False when the order came without a `cOID` and the simulator made one up. */
  readonly clientSuppliedId: boolean;
}

/** An order waiting for its questions to be confirmed. */
export interface PendingOrder extends AskedOrder {
  readonly question: QuestionSpec;
  readonly remaining: readonly QuestionSpec[];
}

/**
 * Reply ids of questions still open. The gateway keeps one order's questions at a time: a new order
 * makes the previous order's reply id unknown ("Reply id not found"), which is why clients serialise.
 */
export class QuestionBook {
  private readonly pending = new Map<string, PendingOrder>();
  private readonly suppressed = new Set<string>();

  /** Opens the first of `questions` for the order and returns its reply id; forgets any other open order. */
  ask(order: AskedOrder, questions: readonly [QuestionSpec, ...QuestionSpec[]]): string {
    this.pending.clear();
    const [question, ...remaining] = questions;
    const replyId = randomUUID();
    this.pending.set(replyId, { ...order, question, remaining });
    return replyId;
  }

  /** The order behind a reply id, which is used up by taking it. */
  take(replyId: string): PendingOrder | undefined {
    const order = this.pending.get(replyId);
    this.pending.delete(replyId);
    return order;
  }

  /** `POST /iserver/questions/suppress`: these questions are no longer asked in this session. */
  suppress(messageIds: readonly string[]): void {
    for (const id of messageIds) this.suppressed.add(id);
  }

  resetSuppression(): void {
    this.suppressed.clear();
  }

  unsuppressed(questions: readonly QuestionSpec[]): QuestionSpec[] {
    return questions.filter((question) => !this.suppressed.has(question.messageId));
  }
}
