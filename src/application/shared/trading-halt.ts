/** Whether new entries are paused by the operator, and why. */
export type HaltState = { readonly halted: false } | { readonly halted: true; readonly reason: string };

/**
 * An operator's pause switch (the CLI backs it with a kill-switch file). While it reads halted, no new
 * entry is sent; exits and protective stops carry on.
 */
export interface HaltSwitch {
  isHalted(): HaltState;
}
