import type { GatewaySimulator } from '../../../adapters/gateway-sim/gateway-simulator.js';
import type { EpochMs } from '../../../domain/values/time.js';
import type { ScheduledRestart } from '../chaos-scenario.js';

/** How long the simulator holds back its answers to order requests while an order-in-flight kill waits. */
const HOLD_MS = 1_500;
/**
 * The order requests whose answers are held back. Written without a method so that they are other faults
 * than the scenario's latencies on the same endpoints, whose endings would otherwise lift the hold.
 */
const HELD = ['/iserver/account/*/orders', '/iserver/reply/*'];
const POLL_MS = 1;

/** What the trigger kills. */
export interface Killable {
  inFlight(): number;
  killAndRestart(): Promise<void>;
}

/**
 * Kills the trading process once, at the scenario's kill point after its restart moment: `during-step`
 * that many milliseconds after the clock has moved, if the process is still at work by then (otherwise at
 * a later move); `order-in-flight` as soon as the exchange has taken a new order, its answer held back by
 * the simulator so that the process dies between the two.
 */
export class RestartTrigger {
  private over = false;
  private timer: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly restart: ScheduledRestart,
    private readonly moment: EpochMs,
    private readonly simulator: Pick<GatewaySimulator, 'faults' | 'exchange'>,
    private readonly target: Killable,
  ) {}

  clockMoved(at: EpochMs): void {
    if (this.over || at < this.moment) return;
    const kill = this.restart.kill;
    if (kill.kind === 'during-step') {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        if (this.target.inFlight() > 0) this.fire();
      }, kill.delayMs);
    } else {
      this.poll ??= this.watchForNewOrder();
    }
  }

  /** Stops waiting for good and lifts the hold, fired or not. */
  dispose(): void {
    this.over = true;
    clearTimeout(this.timer);
    clearInterval(this.poll);
    this.timer = undefined;
    this.poll = undefined;
    this.hold(0);
  }

  private watchForNewOrder(): NodeJS.Timeout {
    const before = this.simulator.exchange.orders().length;
    this.hold(HOLD_MS);
    return setInterval(() => {
      if (this.simulator.exchange.orders().length > before) this.fire();
    }, POLL_MS);
  }

  private fire(): void {
    this.dispose();
    void this.target.killAndRestart();
  }

  private hold(ms: number): void {
    for (const match of HELD) this.simulator.faults.latency({ match, ms, when: 'after' });
  }
}
