import { InvalidValue } from '../../../domain/errors/invalid-value.error.js';
import { asxSymbol } from '../../../domain/values/instrument.js';
import type { GatewayState } from '../gateway-state.js';
import type { QuestionSpec } from '../orders/question-policy.js';
import type { PacingEnforcer } from '../session/pacing-enforcer.js';
import type {
  DelayFault,
  DropFault,
  FaultPlan,
  LatencyFault,
  RateLimitFault,
  ServerErrorFault,
  SessionExpiryFault,
} from './fault-plan.js';
import { RequestMatcher } from './request-pattern.js';

interface Countdown {
  readonly matcher: RequestMatcher;
  remaining: number;
}

interface ServerError extends Countdown {
  readonly status: number;
}

interface Drop extends Countdown {
  readonly when: 'before' | 'after';
}

interface Delay extends Countdown {
  readonly ms: number;
  readonly when: 'before' | 'after';
}

interface Latency {
  readonly matcher: RequestMatcher;
  readonly ms: number;
  readonly when: 'before' | 'after';
}

/** How often each fault struck, for tests to check that the fault was actually met. */
export interface FaultCounts {
  rateLimited: number;
  serverErrors: number;
  dropped: number;
}

/**
 * Faults switchable per run (constructor options) and at run time (this object, or `POST /sim/faults`).
 * Session faults act on the session; order faults on the exchange and the order questions; transport
 * faults (latency, 429, 5xx, dropped connections) are consulted by the request pipeline.
 */
export class GatewayFaults {
  readonly counts: FaultCounts = { rateLimited: 0, serverErrors: 0, dropped: 0 };
  private rateLimitsLeft = 0;
  private droppedAcceptancesLeft = 0;
  private sessionExpiries: Countdown[] = [];
  private rateLimits: Countdown[] = [];
  private serverErrors: ServerError[] = [];
  private drops: Drop[] = [];
  private latencies: Latency[] = [];
  private delays: Delay[] = [];

  constructor(
    private readonly state: GatewayState,
    private readonly pacing: PacingEnforcer,
  ) {}

  /** The brokerage session ends, as at the daily reset; a reauthentication brings it back. */
  expireSession(): void {
    this.state.session.expire();
  }

  /** The session ends just as a matching request arrives, `times` of them: that request meets a lost session. */
  expireSessionOn(fault: SessionExpiryFault): void {
    this.sessionExpiries.push({ matcher: RequestMatcher.parse(fault.match), remaining: times(fault.times) });
  }

  /** Another login of the same user takes (or gives back) the brokerage session. */
  competingSession(competing = true): void {
    this.state.session.setCompeting(competing);
  }

  failReauthentication(fails = true): void {
    this.state.session.setReauthenticationFails(fails);
  }

  /** Enforces (or stops enforcing) the gateway's pacing limits with HTTP 429. */
  enforcePacing(enforce = true): void {
    this.pacing.setEnabled(enforce);
  }

  /** The next `count` requests are answered HTTP 429, whatever their pace. */
  rateLimitNext(count: number): void {
    this.rateLimitsLeft = wholeCount('rateLimitNext', count);
  }

  /** Matching requests are answered HTTP 429, `times` of them. */
  rateLimit(fault: RateLimitFault): void {
    this.rateLimits.push({ matcher: RequestMatcher.parse(fault.match), remaining: times(fault.times) });
  }

  serverError(fault: ServerErrorFault): void {
    const status = fault.status ?? 503;
    if (!(Number.isSafeInteger(status) && status >= 500 && status <= 599)) {
      throw new InvalidValue('serverErrors.status', status, 'expected a 5xx status');
    }
    this.serverErrors.push({ matcher: RequestMatcher.parse(fault.match), remaining: times(fault.times), status });
  }

  /** Adds latency to matching requests (every request without `match`); 0 ms removes it. */
  latency(fault: LatencyFault): void {
    if (!(Number.isFinite(fault.ms) && fault.ms >= 0)) throw new InvalidValue('latency.ms', fault.ms, 'expected >= 0');
    const matcher = fault.match === undefined ? RequestMatcher.any() : RequestMatcher.parse(fault.match);
    const when = fault.when ?? 'before';
    this.latencies = this.latencies.filter((latency) => latency.matcher.text !== matcher.text || latency.when !== when);
    if (fault.ms > 0) this.latencies.push({ matcher, ms: fault.ms, when });
  }

  /** Delays the next `times` matching requests by `ms`, before they are acted on or after (the answer waits). */
  delay(fault: DelayFault): void {
    if (!(Number.isFinite(fault.ms) && fault.ms >= 0)) throw new InvalidValue('delays.ms', fault.ms, 'expected >= 0');
    this.delays.push({
      matcher: RequestMatcher.parse(fault.match),
      remaining: times(fault.times),
      ms: fault.ms,
      when: fault.when ?? 'before',
    });
  }

  /** Destroys the socket of matching requests, before they are acted on or after (the answer is lost). */
  dropConnection(fault: DropFault): void {
    this.drops.push({
      matcher: RequestMatcher.parse(fault.match),
      remaining: times(fault.times),
      when: fault.when ?? 'before',
    });
  }

  /** The answers carrying the next `count` accepted orders' ids are lost: the orders exist, the client cannot tell. */
  dropAfterOrderAccepted(count = 1): void {
    this.droppedAcceptancesLeft = wholeCount('dropAfterOrderAccepted', count);
  }

  rejectNextOrder(reason: string): void {
    this.state.exchange.rejectNextOrder(reason);
  }

  askBeforeNextOrder(question: QuestionSpec): void {
    this.state.extraQuestions.push(question);
  }

  /** Marks a symbol halted: its last price carries the `H` prefix. */
  halt(symbol: string, halted = true): void {
    const listed = this.state.exchange.findInstrument(asxSymbol(symbol));
    if (listed === undefined) throw new InvalidValue('halt symbol', symbol, 'not listed on the simulated exchange');
    if (halted) this.state.haltedConids.add(listed.conid);
    else this.state.haltedConids.delete(listed.conid);
  }

  apply(plan: FaultPlan): void {
    if (plan.sessionExpired === true) this.expireSession();
    for (const fault of plan.sessionExpiresOn ?? []) this.expireSessionOn(fault);
    if (plan.competingSession !== undefined) this.competingSession(plan.competingSession);
    if (plan.reauthenticationFails !== undefined) this.failReauthentication(plan.reauthenticationFails);
    if (plan.enforcePacing !== undefined) this.enforcePacing(plan.enforcePacing);
    if (plan.rateLimitNext !== undefined) this.rateLimitNext(plan.rateLimitNext);
    for (const fault of plan.rateLimits ?? []) this.rateLimit(fault);
    for (const fault of plan.serverErrors ?? []) this.serverError(fault);
    for (const fault of plan.latency ?? []) this.latency(fault);
    for (const fault of plan.delays ?? []) this.delay(fault);
    for (const fault of plan.dropConnections ?? []) this.dropConnection(fault);
    if (plan.dropAfterOrderAccepted !== undefined) this.dropAfterOrderAccepted(plan.dropAfterOrderAccepted);
    for (const reason of plan.rejectOrders ?? []) this.rejectNextOrder(reason);
    for (const question of plan.questionsBeforeNextOrder ?? []) this.askBeforeNextOrder(question);
  }

  /**
   * Switches the faults off: transport faults, injected questions, halts, pacing, a competing login and
   * failing reauthentication. An expired session stays expired until reauthenticated, and order rejections
   * already queued at the exchange stay queued.
   */
  clear(): void {
    this.sessionExpiries = [];
    this.rateLimitsLeft = 0;
    this.rateLimits = [];
    this.droppedAcceptancesLeft = 0;
    this.serverErrors = [];
    this.drops = [];
    this.latencies = [];
    this.delays = [];
    this.state.extraQuestions.splice(0);
    this.state.haltedConids.clear();
    this.competingSession(false);
    this.failReauthentication(false);
    this.enforcePacing(false);
  }

  /** The latency switched on for this request plus, once, the first matching delay. */
  latencyFor(method: string, path: string, when: 'before' | 'after' = 'before'): number {
    const latency = this.latencies
      .filter((candidate) => candidate.when === when && candidate.matcher.matches(method, path))
      .reduce((sum, l) => sum + l.ms, 0);
    const delay = take(
      this.delays.filter((candidate) => candidate.when === when),
      method,
      path,
    );
    return latency + (delay?.ms ?? 0);
  }

  /** Ends the session if a session-expiry fault matches this request, before it is acted on. */
  strikeSessionExpiry(method: string, path: string): void {
    if (take(this.sessionExpiries, method, path) !== undefined) this.expireSession();
  }

  /** Whether a 429 fault strikes this request: the next-N burst first, then the matching ones. */
  takeRateLimit(method: string, path: string): boolean {
    if (this.rateLimitsLeft > 0) {
      this.rateLimitsLeft -= 1;
    } else if (take(this.rateLimits, method, path) === undefined) {
      return false;
    }
    this.counts.rateLimited += 1;
    return true;
  }

  noteRateLimited(): void {
    this.counts.rateLimited += 1;
  }

  /** The status to fail this request with, if a server-error fault matches. */
  takeServerError(method: string, path: string): number | undefined {
    const fault = take(this.serverErrors, method, path);
    if (fault === undefined) return undefined;
    this.counts.serverErrors += 1;
    return fault.status;
  }

  takeDrop(method: string, path: string, when: 'before' | 'after'): boolean {
    const fault = take(
      this.drops.filter((drop) => drop.when === when),
      method,
      path,
    );
    if (fault === undefined) return false;
    this.counts.dropped += 1;
    return true;
  }

  takeDroppedAcceptance(): boolean {
    if (this.droppedAcceptancesLeft === 0) return false;
    this.droppedAcceptancesLeft -= 1;
    this.counts.dropped += 1;
    return true;
  }
}

/** Uses up one strike of the first matching countdown that has strikes left. */
function take<T extends Countdown>(faults: readonly T[], method: string, path: string): T | undefined {
  const fault = faults.find((candidate) => candidate.remaining > 0 && candidate.matcher.matches(method, path));
  if (fault !== undefined) fault.remaining -= 1;
  return fault;
}

function times(value: number | undefined): number {
  return wholeCount('times', value ?? 1);
}

function wholeCount(name: string, value: number): number {
  if (!(Number.isSafeInteger(value) && value >= 0)) throw new InvalidValue(name, value, 'expected a whole number >= 0');
  return value;
}
