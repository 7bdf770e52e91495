import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/infrastructure/config/load-config.js';
import { createLogger, type CreateLoggerOptions } from '../../../src/infrastructure/logging/create-logger.js';
import { loggerOptions } from '../../../src/infrastructure/logging/logger-options.js';
import { useTempDir } from '../temp-dir.js';

const WEBHOOK = 'https://discord.com/api/webhooks/112233445566778899/Tok3n-abcdefghijklmnopqrstuvwxyz';
const TOKEN = 'Tok3n-abcdefghijklmnopqrstuvwxyz';

function capture(options: Partial<CreateLoggerOptions> = {}) {
  const chunks: string[] = [];
  const stream = { write: (chunk: string) => void chunks.push(chunk) };
  const logger = createLogger({ level: 'trace', secrets: [WEBHOOK, TOKEN], stream, pretty: false, ...options });
  const text = () => chunks.join('');
  const records = () =>
    text()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, text, records };
}

describe('createLogger output', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const { logger, records } = capture();
    logger.info({ symbol: 'BHP' }, 'entered');
    expect(records()).toEqual([expect.objectContaining({ level: 30, msg: 'entered', symbol: 'BHP' })]);
    expect(records()[0]).toHaveProperty('time');
  });

  it('respects the level', () => {
    const { logger, records } = capture({ level: 'warn' });
    logger.info('hidden');
    logger.warn('shown');
    expect(records().map((r) => r['msg'])).toEqual(['shown']);
  });

  it('prints human-readable lines when pretty is asked for', () => {
    const { logger, text } = capture({ pretty: true });
    logger.info({ symbol: 'BHP' }, 'entered');
    expect(text()).toMatch(/INFO.*entered/);
    expect(text()).toContain('symbol: "BHP"');
    expect(() => JSON.parse(text()) as unknown).toThrow();
  });

  it('is pretty by default only on a terminal', () => {
    const chunks: string[] = [];
    const tty = { isTTY: true, write: (chunk: string) => void chunks.push(chunk) };
    createLogger({ level: 'info', stream: tty }).info('hello');
    expect(chunks.join('')).not.toMatch(/^\{/);
    const { logger, records } = capture({ pretty: undefined });
    logger.info('hello');
    expect(records()[0]?.['msg']).toBe('hello');
  });
});

describe('createLogger secrets by key', () => {
  it.each(['password', 'token', 'secret', 'authorization', 'cookie', 'webhookUrl', 'webhook', 'apiKey', 'session'])(
    'redacts %s at the top level and nested',
    (key) => {
      const { logger, text } = capture();
      logger.info({ [key]: 'hunter2-top', request: { headers: { [key]: 'hunter2-nested' } } }, 'call');
      expect(text()).not.toContain('hunter2');
      expect(text()).toContain('[redacted]');
    },
  );

  it('redacts inside arrays and in child bindings', () => {
    const { logger, text } = capture();
    logger.child({ session: 'hunter2-binding' }).info({ accounts: [{ password: 'hunter2-array' }] }, 'x');
    expect(text()).not.toContain('hunter2');
  });

  it('leaves other keys alone', () => {
    const { logger, records } = capture();
    logger.info({ symbol: 'CBA', quantity: 10 }, 'x');
    expect(records()[0]).toMatchObject({ symbol: 'CBA', quantity: 10 });
  });
});

describe('createLogger secrets by value', () => {
  it('scrubs configured secret values from messages and format arguments', () => {
    const { logger, text } = capture();
    logger.info(`posting to ${WEBHOOK}`);
    logger.warn('posting to %s failed', WEBHOOK);
    logger.error('token %s rejected', TOKEN);
    expect(text()).not.toContain(TOKEN);
    expect(text()).toContain('posting to [redacted]');
  });

  it('scrubs them from fields under any key, URLs and arrays included', () => {
    const { logger, text } = capture();
    logger.info({ target: { url: WEBHOOK, parsed: new URL(WEBHOOK) }, tries: [WEBHOOK] }, 'notify');
    expect(text()).not.toContain(TOKEN);
  });

  it('scrubs them from errors, their causes and stacks, without touching the original error', () => {
    const { logger, text, records } = capture();
    const error = new Error(`request to ${WEBHOOK} failed`, { cause: new Error(`bad token ${TOKEN}`) });
    logger.error(error);
    logger.error({ err: error }, 'notifier failed');
    expect(text()).not.toContain(TOKEN);
    const logged = records()[0]?.['err'] as { type: string; message: string };
    expect(logged.type).toBe('Error');
    expect(logged.message).toBe('request to [redacted] failed: bad token [redacted]');
    expect(error.message).toContain(WEBHOOK);
  });

  it('scrubs them from child bindings at any generation', () => {
    const { logger, text, records } = capture();
    logger
      .child({ endpoint: WEBHOOK })
      .child({ again: `x ${TOKEN}` })
      .info('sent');
    expect(text()).not.toContain(TOKEN);
    expect(records()[0]).toMatchObject({ endpoint: '[redacted]', again: 'x [redacted]', msg: 'sent' });
  });

  it('scrubs pretty output too', () => {
    const { logger, text } = capture({ pretty: true });
    logger.info({ url: WEBHOOK }, 'to %s', WEBHOOK);
    expect(text()).not.toContain(TOKEN);
  });

  it('copes with cyclic objects', () => {
    const { logger, text } = capture();
    const cyclic: Record<string, unknown> = { url: WEBHOOK };
    cyclic['self'] = cyclic;
    logger.info({ cyclic }, 'loop');
    expect(text()).not.toContain(TOKEN);
    expect(text()).toContain('[Circular]');
  });

  it('drops what is nested too deep to check instead of passing it on', () => {
    const { logger, text } = capture();
    let deep: Record<string, unknown> = { url: WEBHOOK };
    for (let i = 0; i < 40; i++) deep = { deeper: deep };
    logger.info({ deep }, 'deep');
    expect(text()).not.toContain(TOKEN);
  });
});

describe('createLogger file', () => {
  const tempDir = useTempDir('log');

  it('also appends JSON lines, scrubbed, to the log file, creating its directory', () => {
    const file = join(tempDir(), 'logs', 'skim.log');
    const { logger, text } = capture({ file, pretty: true });
    logger.info({ password: 'hunter2' }, 'sent to %s', WEBHOOK);
    const line = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'sent to [redacted]', password: '[redacted]' });
    expect(text()).toContain('sent to [redacted]');
  });

  it('rotates the log file as asked, every line whole JSON in exactly one file', () => {
    const file = join(tempDir(), 'skim.log');
    const { logger } = capture({ file, fileRotation: { maxBytes: 2_000, keep: 3, daily: false } });
    for (let i = 0; i < 100; i++) logger.info({ i }, 'line');
    const names = readdirSync(tempDir()).sort();
    expect(names).toEqual(['skim.log', 'skim.log.1', 'skim.log.2', 'skim.log.3']);
    const numbers = ['skim.log.3', 'skim.log.2', 'skim.log.1', 'skim.log'].flatMap((name) =>
      readFileSync(join(tempDir(), name), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => (JSON.parse(line) as { i: number }).i),
    );
    expect(numbers).toEqual(numbers.map((_, k) => 100 - numbers.length + k));
    expect(numbers.at(-1)).toBe(99);
  });

  it('reports a log file it cannot write on the terminal and keeps logging there', () => {
    const file = join(tempDir(), 'taken');
    mkdirSync(file);
    const { logger, records } = capture({ file });
    logger.info('still shown');
    expect(records().map((record) => record['msg'])).toEqual([
      expect.stringContaining(`log file ${file}: cannot open`),
      'still shown',
    ]);
  });
});

describe('loggerOptions', () => {
  it('builds a logger from the configuration that scrubs the configured webhook', () => {
    const { config } = loadConfig({
      env: { SKIM_DISCORD_WEBHOOK_URL: WEBHOOK, SKIM_LOG_LEVEL: 'warn', SKIM_LOG_PRETTY: 'false' },
      cwd: tmpdir(),
    });
    const lines: string[] = [];
    const logger = createLogger({
      ...loggerOptions(config),
      stream: { write: (line: string) => void lines.push(line) },
    });
    logger.info('dropped by level');
    logger.warn('discord answered 404 for %s', WEBHOOK);
    logger.error({ err: new Error(`POST ${WEBHOOK}: 429`) }, 'notify failed');
    const text = lines.join('');
    expect(lines).toHaveLength(2);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('discord answered 404 for [redacted]');
  });

  it('asks for the configured log file rotation', () => {
    const { config } = loadConfig({
      env: {
        SKIM_LOG_FILE: 'skim.log',
        SKIM_LOG_FILE_MAX_MB: '0.5',
        SKIM_LOG_FILE_KEEP: '3',
        SKIM_LOG_FILE_DAILY: 'no',
      },
      cwd: tmpdir(),
    });
    expect(loggerOptions(config)).toMatchObject({
      file: join(tmpdir(), 'skim.log'),
      fileRotation: { maxBytes: 524_288, keep: 3, daily: false },
    });
  });
});
