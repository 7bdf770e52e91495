import { secretValues } from '../config/config-secrets.js';
import type { SkimConfig } from '../config/skim-config.js';
import type { CreateLoggerOptions } from './create-logger.js';

const MIB = 1024 * 1024;

/** The logger Skim's configuration asks for, scrubbing the configured secrets. */
export function loggerOptions(config: SkimConfig): CreateLoggerOptions {
  return {
    level: config.log.level,
    pretty: config.log.pretty,
    file: config.log.file,
    fileRotation: {
      maxBytes: Math.round(config.log.fileMaxMb * MIB),
      keep: config.log.fileKeep,
      daily: config.log.fileDaily,
    },
    secrets: secretValues(config),
  };
}
