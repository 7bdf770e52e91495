import { pino, type Bindings, type ChildLoggerOptions, type DestinationStream, type Level, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { LogFileError } from './log-file.error.js';
import { secretRedactPaths } from './redact-paths.js';
import { NO_ROTATION, RotatingFileStream, type LogFileRotation } from './rotating-file.stream.js';
import { createSecretScrubber, SCRUBBED, type Scrubber } from './secret-scrubber.js';

export type { Logger } from 'pino';

/** A stream log lines can be written to; `isTTY` decides the default format. */
export type LogStream = DestinationStream & { readonly isTTY?: boolean };

export interface CreateLoggerOptions {
  readonly level: Level | 'silent';
  /** Human-readable lines instead of JSON; undefined: only when the stream is a terminal. */
  readonly pretty?: boolean | undefined;
  /** Also append JSON lines to this file (its directory is created). */
  readonly file?: string | undefined;
  /** When the file is rotated and how many old ones are kept; unset: it grows forever. */
  readonly fileRotation?: LogFileRotation | undefined;
  /** Configured secret values (e.g. the Discord webhook URL) to scrub from everything logged. */
  readonly secrets?: readonly string[];
  /** Where log lines go; stderr by default, so that command output on stdout stays clean. */
  readonly stream?: LogStream;
  readonly name?: string;
}

/**
 * Skim's logger: JSON lines (pretty on a terminal), secrets removed twice over: by key anywhere in a
 * logged object (pino redaction) and by value anywhere in messages, objects, errors and bindings
 * (a scrubber run in pino's logMethod hook and bindings formatter).
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const scrub = createSecretScrubber(options.secrets ?? []);
  const terminal = consoleStream(options);
  const destination =
    options.file === undefined
      ? terminal
      : pino.multistream([
          { level: 'trace', stream: terminal },
          { level: 'trace', stream: logFileStream(options.file, options.fileRotation, terminal) },
        ]);
  const logger = pino(
    {
      level: options.level,
      ...(options.name === undefined ? {} : { name: options.name }),
      redact: { paths: secretRedactPaths(), censor: SCRUBBED },
      hooks: {
        logMethod(args, method) {
          method.apply(this, scrub(args));
        },
      },
      formatters: { bindings: scrub },
    },
    destination,
  );
  scrubChildBindings(logger, scrub);
  return logger;
}

/**
 * pino serialises a child's bindings once, when the child is made, and applies the bindings formatter
 * to the root's bindings only. Children inherit `child` from the root through the prototype chain, so
 * replacing it on the root scrubs the bindings of every descendant.
 */
function scrubChildBindings(root: Logger, scrub: Scrubber): void {
  const makeChild = Reflect.get(root, 'child');
  root.child = function child<Levels extends string = never>(
    this: Logger,
    bindings: Bindings,
    options?: ChildLoggerOptions<Levels>,
  ): Logger<Levels> {
    return makeChild.call<Logger, [Bindings, ChildLoggerOptions<Levels> | undefined], Logger<Levels>>(
      this,
      scrub(bindings),
      options,
    );
  };
}

function logFileStream(
  path: string,
  rotation: LogFileRotation | undefined,
  terminal: DestinationStream,
): RotatingFileStream {
  return new RotatingFileStream({
    path,
    ...(rotation ?? NO_ROTATION),
    onError: (error: LogFileError) => {
      // The logger cannot log its own file's failure through itself; the terminal still works.
      terminal.write(`${JSON.stringify({ level: 50, time: Date.now(), msg: error.message })}\n`);
    },
  });
}

function consoleStream(options: CreateLoggerOptions): DestinationStream {
  const stream = options.stream ?? pino.destination({ dest: 2, sync: true });
  const isTty = options.stream === undefined ? process.stderr.isTTY : options.stream.isTTY === true;
  if (!(options.pretty ?? isTty)) return stream;
  const prettify = prettyFactory({
    colorize: isTty,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
  return { write: (line: string) => stream.write(prettify(line)) };
}
