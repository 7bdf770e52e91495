import type { HaltState, HaltSwitch } from '../../../../src/application/shared/trading-halt.js';

/** A halt switch the test flips by hand. */
export class ManualHaltSwitch implements HaltSwitch {
  private state: HaltState = { halted: false };

  halt(reason: string): void {
    this.state = { halted: true, reason };
  }

  isHalted(): HaltState {
    return this.state;
  }
}
