import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_VARIABLE_NAMES } from '../../../src/infrastructure/config/env-variables.js';
import { loadConfig } from '../../../src/infrastructure/config/load-config.js';
import { useTempDir } from '../temp-dir.js';

const tempDir = useTempDir('env');
const EXAMPLE = new URL('../../../.env.example', import.meta.url);

interface Documented {
  readonly name: string;
  readonly value: string;
  readonly explanation: string;
}

/**
 * SKIM_ lines of .env.example, each with the comment line right above it. The file also carries the IBeam
 * container's IBEAM_ variables for docker-compose; Skim does not read those.
 */
function documentedVariables(): Documented[] {
  const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
  return lines.flatMap((line, i) => {
    const match = /^(SKIM_[A-Z0-9_]+)=(.*)$/.exec(line);
    if (!match) return [];
    const previous = lines[i - 1] ?? '';
    return [{ name: match[1] ?? '', value: match[2] ?? '', explanation: previous.startsWith('# ') ? previous : '' }];
  });
}

describe('.env.example', () => {
  it('documents every variable Skim reads, once, and nothing else', () => {
    const names = documentedVariables().map((variable) => variable.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...KNOWN_VARIABLE_NAMES].sort());
  });

  it('explains every variable on the line above it', () => {
    for (const variable of documentedVariables()) expect(variable.explanation, variable.name).not.toBe('');
  });

  it('shows the defaults: loading it as the environment changes nothing', () => {
    const env = Object.fromEntries(documentedVariables().map((variable) => [variable.name, variable.value]));
    const fromExample = loadConfig({ env, cwd: tempDir() });
    expect(fromExample.warnings).toEqual([]);
    expect(fromExample.config).toEqual(loadConfig({ env: {}, cwd: tempDir() }).config);
  });
});
