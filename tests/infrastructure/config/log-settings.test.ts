import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/infrastructure/config/config-error.js';
import { loadConfig, type Environment } from '../../../src/infrastructure/config/load-config.js';
import { useTempDir } from '../temp-dir.js';

const tempDir = useTempDir('log-settings');
const load = (env: Environment) => loadConfig({ env, cwd: tempDir() });

function problemSources(env: Environment): string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.source).sort();
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('log file rotation settings', () => {
  it('rotate at 20 MiB and at Sydney midnight, keeping 7 old files, unless told otherwise', () => {
    expect(load({}).config.log).toMatchObject({ fileMaxMb: 20, fileKeep: 7, fileDaily: true });
  });

  it('are read from the environment', () => {
    const { config } = load({ SKIM_LOG_FILE_MAX_MB: '2.5', SKIM_LOG_FILE_KEEP: '30', SKIM_LOG_FILE_DAILY: 'false' });
    expect(config.log).toMatchObject({ fileMaxMb: 2.5, fileKeep: 30, fileDaily: false });
  });

  it('are read from the config file', () => {
    writeFileSync(join(tempDir(), 'skim.config.json'), JSON.stringify({ log: { fileMaxMb: 0, fileKeep: 1 } }));
    expect(load({}).config.log).toMatchObject({ fileMaxMb: 0, fileKeep: 1, fileDaily: true });
  });

  it('refuse a negative size, keeping no file and anything that is not a number, naming each variable', () => {
    expect(
      problemSources({ SKIM_LOG_FILE_MAX_MB: '-1', SKIM_LOG_FILE_KEEP: '0', SKIM_LOG_FILE_DAILY: 'daily' }),
    ).toEqual(['SKIM_LOG_FILE_DAILY', 'SKIM_LOG_FILE_KEEP', 'SKIM_LOG_FILE_MAX_MB']);
    expect(problemSources({ SKIM_LOG_FILE_MAX_MB: 'twenty', SKIM_LOG_FILE_KEEP: '2.5' })).toEqual([
      'SKIM_LOG_FILE_KEEP',
      'SKIM_LOG_FILE_MAX_MB',
    ]);
  });
});
