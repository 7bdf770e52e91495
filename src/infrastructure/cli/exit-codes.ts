/** What `skim` exits with. Scripts and the container's restart policy key on these. */
export const ExitCode = {
  Ok: 0,
  /** Anything unexpected. */
  Failure: 1,
  /** Bad command line or invalid configuration: fix the call or the settings, retrying will not help. */
  Usage: 2,
  /** The gateway has no authenticated session (approve the login, e.g. on IBKR Mobile). */
  GatewayNotAuthenticated: 3,
  /** A safety rule refused (live account without consent, risk limit, kill switch). */
  Refused: 4,
  /** The broker refused or failed a request. */
  BrokerFailure: 5,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
