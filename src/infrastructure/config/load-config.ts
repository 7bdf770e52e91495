import { basename } from 'node:path';
import type { z } from 'zod';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { readConfigFile, type ConfigFile } from './config-file.js';
import { isSecretPath } from './config-secrets.js';
import { configSchema } from './config.schema.js';
import { ENV_VARIABLES, variableForPath } from './env-variables.js';
import { parseEnvValue } from './env-values.js';
import { toSkimConfig, type SkimConfig } from './skim-config.js';
import { checkVariableNames } from './variable-names.js';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface LoadConfigOptions {
  readonly env: Environment;
  /** Relative paths (the config file, the database, log and data directories) resolve against this. */
  readonly cwd: string;
}

export interface LoadedConfig {
  readonly config: SkimConfig;
  /** Suspicious but harmless findings, e.g. unknown SKIM_ variables. */
  readonly warnings: readonly ConfigProblem[];
  /** The config file read, if any. */
  readonly file: string | undefined;
}

/**
 * Reads the config file and the SKIM_ environment variables (which win over the file), validates the
 * result as a whole and returns it frozen; or throws a ConfigError listing every problem found.
 */
export function loadConfig({ env, cwd }: LoadConfigOptions): LoadedConfig {
  const names = checkVariableNames(env);
  const file = readConfigFile(env, cwd);
  const input = structuredClone(file.data);
  const fromEnv = applyEnvironment(env, input);
  const parsed = configSchema.safeParse(input, { reportInput: true });
  const problems = [
    ...names.problems,
    ...file.problems,
    ...fromEnv.problems,
    ...(parsed.success ? [] : parsed.error.issues.flatMap((issue) => toProblems(issue, fromEnv.provided, file))),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems, names.warnings);
  return { config: toSkimConfig(parsed.data, cwd), warnings: names.warnings, file: file.path };
}

interface AppliedEnvironment {
  /** Names of the variables whose values went into the input. */
  readonly provided: ReadonlySet<string>;
  readonly problems: ConfigProblem[];
}

/** Writes each set variable into `input` at its place; an empty variable counts as unset. */
function applyEnvironment(env: Environment, input: Record<string, unknown>): AppliedEnvironment {
  const provided = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const variable of ENV_VARIABLES) {
    const raw = env[variable.name];
    if (raw === undefined || raw === '') continue;
    const parsed = parseEnvValue(variable.kind, raw);
    if (!parsed.ok) {
      problems.push({ source: variable.name, message: parsed.message });
    } else if (setPath(input, variable.path, parsed.value)) {
      provided.add(variable.name);
    }
  }
  return { provided, problems };
}

/** Sets a nested value, creating missing objects; leaves a non-object in the way for the schema to report. */
function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): boolean {
  const [head, ...rest] = path;
  if (head === undefined) return false;
  if (rest.length === 0) {
    target[head] = value;
    return true;
  }
  const child = head in target ? target[head] : {};
  if (typeof child !== 'object' || child === null || Array.isArray(child)) return false;
  target[head] = child;
  return setPath(child as Record<string, unknown>, rest, value);
}

function toProblems(issue: z.core.$ZodIssue, provided: ReadonlySet<string>, file: ConfigFile): ConfigProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      source: sourceOf([...issue.path, key], provided, file),
      message: 'not a Skim setting',
    }));
  }
  return [{ source: sourceOf(issue.path, provided, file), message: describeIssue(issue) }];
}

/** The variable that set the value, else the file field holding it, else the variable that could set it. */
function sourceOf(path: readonly PropertyKey[], provided: ReadonlySet<string>, file: ConfigFile): string {
  const variable = variableForPath(path);
  if (variable !== undefined && provided.has(variable.name)) return variable.name;
  const field = path.map(String).join('.');
  if (file.path !== undefined && hasPath(file.data, path)) return `${basename(file.path)}:${field}`;
  return variable?.name ?? field;
}

function hasPath(data: unknown, path: readonly PropertyKey[]): boolean {
  let node = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !(segment in node)) return false;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return true;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const shown = issue.input !== undefined && typeof issue.input !== 'object' && !isSecretPath(issue.path);
  return shown ? `${issue.message} (got ${JSON.stringify(issue.input)})` : issue.message;
}
