import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ConfigProblem } from './config-error.js';
import { CONFIG_FILE_VARIABLE, DEFAULT_CONFIG_FILE } from './env-variables.js';

export interface ConfigFile {
  /** Absolute path of the file read, if any. */
  readonly path: string | undefined;
  /** The file's JSON object; empty when there is no file or it could not be read. */
  readonly data: Record<string, unknown>;
  readonly problems: ConfigProblem[];
}

const NO_FILE: ConfigFile = { path: undefined, data: {}, problems: [] };

/**
 * Reads the JSON config file named by SKIM_CONFIG_FILE, else `skim.config.json` in the working directory
 * when it exists. A named file that is missing is a problem; a missing default file is not.
 */
export function readConfigFile(env: Readonly<Record<string, string | undefined>>, cwd: string): ConfigFile {
  const named = env[CONFIG_FILE_VARIABLE]?.trim();
  if (named !== undefined && named !== '') {
    const path = resolve(cwd, named);
    if (!existsSync(path)) return failed(path, CONFIG_FILE_VARIABLE, `no config file at ${path}`);
    return parseFile(path);
  }
  const fallback = resolve(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(fallback) ? parseFile(fallback) : NO_FILE;
}

function parseFile(path: string): ConfigFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed(path, basename(path), `cannot read it as JSON: ${reason}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return failed(path, basename(path), 'must hold a JSON object');
  }
  return { path, data: data as Record<string, unknown>, problems: [] };
}

const failed = (path: string, source: string, message: string): ConfigFile => ({
  path,
  data: {},
  problems: [{ source, message }],
});
