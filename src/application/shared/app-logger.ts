/**
 * The slice of a structured logger the application uses; pino's Logger satisfies it. Every trading decision
 * is logged through it as one line with the facts that led to it.
 */
export interface AppLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
