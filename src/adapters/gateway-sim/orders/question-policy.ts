import type { OrderIntent } from '../../../domain/orders/order-intent.js';
import type { Price } from '../../../domain/values/price.js';

/** A confirmation the gateway asks for before it accepts an order. */
export interface QuestionSpec {
  readonly messageId: string;
  readonly message: string;
}

export interface QuestionPolicy {
  /** Ask `o163` when a limit price lies further than this percentage from the last price; null: never. */
  readonly priceConstraintPct: number | null;
  /** Asked before every market order; null: never. */
  readonly marketOrder: QuestionSpec | null;
  /** Ask `o451` when a stop's trigger is already through the last price. */
  readonly stopWouldTrigger: boolean;
}

export const PRICE_CONSTRAINT_ID = 'o163';
export const STOP_WOULD_TRIGGER_ID = 'o451';
/**
 * The id this simulator gives its market-order warning. IBKR publishes no list of these ids (the ibind
 * maintainers could not find one either), so clients must be configured with whatever their gateway asks.
 */
export const MARKET_ORDER_QUESTION_ID = 'o10151';

export const DEFAULT_QUESTION_POLICY: QuestionPolicy = Object.freeze({
  priceConstraintPct: 3,
  marketOrder: {
    messageId: MARKET_ORDER_QUESTION_ID,
    message:
      'This is a market order: it may fill well away from the last price. Are you sure you want to submit this order?',
  },
  stopWouldTrigger: true,
});

/** The questions an order meets under `policy`, given the instrument's last price. */
export function questionsFor(intent: OrderIntent, last: Price | undefined, policy: QuestionPolicy): QuestionSpec[] {
  const questions: QuestionSpec[] = [];
  if (intent.type === 'MKT' && policy.marketOrder !== null) questions.push(policy.marketOrder);
  const pct = policy.priceConstraintPct;
  if (intent.type === 'LMT' && intent.limitPrice !== undefined && last !== undefined && pct !== null) {
    const deviation = (Math.abs(intent.limitPrice - last) * 100) / last;
    if (deviation > pct) questions.push(priceConstraintQuestion(intent, pct));
  }
  if (intent.type === 'STP' && policy.stopWouldTrigger && intent.stopPrice !== undefined && last !== undefined) {
    const through = intent.side === 'BUY' ? last >= intent.stopPrice : last <= intent.stopPrice;
    if (through) {
      questions.push({
        messageId: STOP_WOULD_TRIGGER_ID,
        message:
          'This order will most likely trigger and fill immediately. Are you sure you want to submit this order?',
      });
    }
  }
  return questions;
}

function priceConstraintQuestion(intent: OrderIntent, pct: number): QuestionSpec {
  const { side, quantity, instrument } = intent;
  return {
    messageId: PRICE_CONSTRAINT_ID,
    message: `The limit price of ${side} ${quantity} ${instrument.symbol} is more than ${pct}% away from the last price (price percentage constraint). Are you sure you want to submit this order?`,
  };
}
