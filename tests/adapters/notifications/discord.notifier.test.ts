import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordNotifier } from '../../../src/adapters/notifications/discord.notifier.js';
import type { DiscordNotifierOptions } from '../../../src/adapters/notifications/discord-notifier.options.js';
import type { Notification } from '../../../src/domain/ports/notifier.port.js';
import { createLogger } from '../../../src/infrastructure/logging/create-logger.js';

const ORIGIN = 'https://discord.com';
const WEBHOOK_ID = '112233445566778899';
const TOKEN = 'Tok3n-abcdefghijklmnopqrstuvwxyz0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PATH = `/api/webhooks/${WEBHOOK_ID}/${TOKEN}`;
const WEBHOOK = `${ORIGIN}${PATH}`;

const entry: Notification = { kind: 'entry', title: 'Entered BHP', message: 'Bought 100 at 45.20' };
const titled = (title: string): Notification => ({ kind: 'info', title, message: `about ${title}` });

interface LogRecord {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

interface Harness {
  readonly notifier: DiscordNotifier;
  readonly agent: MockAgent;
  readonly sleeps: number[];
  /** Log lines and request starts, in the order they happened. */
  readonly events: string[];
  readonly logText: () => string;
  readonly records: () => LogRecord[];
  readonly sentBodies: () => { embeds: { title?: string; description?: string }[] }[];
}

let open: { notifier: DiscordNotifier; agent?: MockAgent; server?: Server }[] = [];

afterEach(async () => {
  for (const { notifier, agent, server } of open) {
    await notifier.close(100);
    await agent?.close();
    if (server !== undefined) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }
  open = [];
});

/**
 * A notifier posting to a MockAgent. Its logger is told no secrets, so any trace of the webhook URL in the
 * log would come from the notifier itself.
 */
function harness(options: DiscordNotifierOptions = {}, url = WEBHOOK): Harness {
  const agent = new MockAgent({ enableCallHistory: true });
  agent.disableNetConnect();
  const events: string[] = [];
  const lines: string[] = [];
  const logger = createLogger({
    level: 'trace',
    pretty: false,
    stream: {
      write: (line: string) => {
        lines.push(line);
        events.push(`log ${(JSON.parse(line) as LogRecord).msg}`);
      },
    },
  });
  const sleeps: number[] = [];
  let clock = 0;
  const notifier = new DiscordNotifier(url, logger, {
    dispatcher: agent,
    now: () => clock,
    sleep: (ms) => {
      sleeps.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    ...options,
  });
  open.push({ notifier, agent });
  return {
    notifier,
    agent,
    sleeps,
    events,
    logText: () => lines.join(''),
    records: () => lines.map((line) => JSON.parse(line) as LogRecord),
    sentBodies: () =>
      (agent.getCallHistory()?.calls() ?? []).map(
        (call) => JSON.parse(String(call.body)) as { embeds: { title?: string }[] },
      ),
  };
}

const webhook = (agent: MockAgent) => agent.get(ORIGIN).intercept({ path: PATH, method: 'POST' });

/** A sleep that only ends when the notifier aborts it, as a long rate-limit wait would. */
const endlessSleep = (_ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => {
      reject(signal.reason as Error);
    });
  });

describe('DiscordNotifier delivery', () => {
  it('posts one embed per notification as JSON and logs that it was sent', async () => {
    const { notifier, agent, sentBodies, records } = harness();
    webhook(agent).reply(204, '');
    await notifier.notify({ ...entry, fields: { stop: '44.10' } });
    expect(await notifier.flush()).toBe(true);
    const [call] = agent.getCallHistory()?.calls() ?? [];
    expect(call?.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(sentBodies()).toEqual([
      {
        username: 'Skim',
        embeds: [
          {
            title: 'Entered BHP',
            description: 'Bought 100 at 45.20',
            color: 0x2e_cc_71,
            fields: [{ name: 'stop', value: '44.10', inline: true }],
          },
        ],
        allowed_mentions: { parse: [] },
      },
    ]);
    expect(records()).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'discord notification sent',
        notification: { kind: 'entry', title: 'Entered BHP' },
        attempts: 1,
      }),
    ]);
  });

  it('sends in the order given, one request at a time', async () => {
    const { notifier, agent, events } = harness();
    webhook(agent)
      .reply((options) => {
        const text = typeof options.body === 'string' ? options.body : '';
        const body = JSON.parse(text) as { embeds: { title: string }[] };
        events.push(`request ${body.embeds[0]?.title ?? ''}`);
        return { statusCode: 204, data: '' };
      })
      .times(3);
    await Promise.all(['one', 'two', 'three'].map((title) => notifier.notify(titled(title))));
    await notifier.flush();
    expect(events).toEqual([
      'request one',
      'log discord notification sent',
      'request two',
      'log discord notification sent',
      'request three',
      'log discord notification sent',
    ]);
  });

  it('returns from notify while the message still waits on Discord', async () => {
    const { notifier, agent } = harness({ sleep: endlessSleep });
    webhook(agent).reply(429, JSON.stringify({ retry_after: 30 }));
    await expect(notifier.notify(entry)).resolves.toBeUndefined();
    expect(await notifier.flush(20)).toBe(false);
  });
});

describe('DiscordNotifier rate limits', () => {
  it('waits retry_after on a 429 and sends the same message again', async () => {
    const { notifier, agent, sleeps, sentBodies, records } = harness();
    webhook(agent).reply(
      429,
      JSON.stringify({ message: 'You are being rate limited.', retry_after: 1.5, global: false }),
    );
    webhook(agent).reply(204, '');
    await notifier.notify(entry);
    await notifier.flush();
    expect(sleeps).toEqual([1500]);
    expect(sentBodies()).toHaveLength(2);
    expect(sentBodies()[1]).toEqual(sentBodies()[0]);
    expect(records().map((record) => [record.level, record.msg])).toEqual([
      [40, 'discord rate limit hit, waiting before retrying'],
      [30, 'discord notification sent'],
    ]);
    expect(records()[1]).toMatchObject({ attempts: 2 });
  });

  it('holds the next message until the bucket resets when X-RateLimit-Remaining reaches 0', async () => {
    const { notifier, agent, sleeps, sentBodies } = harness();
    webhook(agent).reply(204, '', { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '2.25' } });
    webhook(agent).reply(204, '', { headers: { 'x-ratelimit-remaining': '4', 'x-ratelimit-reset-after': '2' } });
    webhook(agent).reply(204, '');
    for (const title of ['one', 'two', 'three']) await notifier.notify(titled(title));
    await notifier.flush();
    expect(sleeps).toEqual([2250]);
    expect(sentBodies().map((body) => body.embeds[0]?.title)).toEqual(['one', 'two', 'three']);
  });

  it('drops a message when Discord asks for a longer wait than allowed, and goes on with the next', async () => {
    const { notifier, agent, sentBodies, records } = harness({ maxRateLimitWaitMs: 60_000 });
    webhook(agent).reply(429, JSON.stringify({ retry_after: 120, global: true }));
    webhook(agent).reply(204, '');
    await notifier.notify(titled('first'));
    await notifier.notify(titled('second'));
    await notifier.flush();
    expect(sentBodies()).toHaveLength(2);
    expect(records()[0]).toMatchObject({
      level: 50,
      msg: 'discord notification dropped: Discord asked to wait 120000 ms, more than 60000 ms',
      status: 429,
      notification: { kind: 'info', title: 'first', message: 'about first' },
    });
    expect(records()[1]).toMatchObject({ msg: 'discord notification sent', notification: { title: 'second' } });
  });

  it('stops retrying 429s after the bounded number of attempts', async () => {
    const { notifier, agent, sentBodies, records } = harness({ maxAttempts: 3 });
    webhook(agent)
      .reply(429, JSON.stringify({ retry_after: 0.1 }))
      .times(3);
    await notifier.notify(entry);
    await notifier.flush();
    expect(sentBodies()).toHaveLength(3);
    expect(records().at(-1)).toMatchObject({ msg: 'discord notification dropped: gave up after 3 attempts' });
  });
});

describe('DiscordNotifier failures', () => {
  it('retries a 5xx with doubling delays, then drops the message with a log line and goes on', async () => {
    const { notifier, agent, sleeps, sentBodies, records } = harness({ maxAttempts: 4, retryDelayMs: 1000 });
    webhook(agent).reply(503, 'upstream connect error').times(4);
    webhook(agent).reply(204, '');
    await notifier.notify(titled('lost'));
    await notifier.notify(titled('next'));
    await notifier.flush();
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(sentBodies().map((body) => body.embeds[0]?.title)).toEqual(['lost', 'lost', 'lost', 'lost', 'next']);
    const dropped = records().find((record) => record.level === 50);
    expect(dropped).toMatchObject({
      msg: 'discord notification dropped: gave up after 4 attempts',
      attempts: 4,
      status: 503,
      lastError: 'HTTP 503: upstream connect error',
      notification: { title: 'lost', message: 'about lost' },
    });
    expect(records().filter((record) => record.msg === 'discord notification failed, retrying')).toHaveLength(3);
  });

  it('does not retry a refusal, and logs Discord’s reason', async () => {
    const { notifier, agent, sentBodies, records } = harness();
    webhook(agent).reply(404, JSON.stringify({ message: 'Unknown Webhook', code: 10015 }));
    await notifier.notify(entry);
    await notifier.flush();
    expect(sentBodies()).toHaveLength(1);
    expect(records()).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'discord notification dropped: HTTP 404: Unknown Webhook (10015)',
        status: 404,
        attempts: 1,
      }),
    ]);
  });

  it('retries network errors', async () => {
    const { notifier, agent, sentBodies, records } = harness();
    webhook(agent).replyWithError(Object.assign(new Error('socket hang up'), { code: 'UND_ERR_SOCKET' }));
    webhook(agent).reply(204, '');
    await notifier.notify(entry);
    await notifier.flush();
    expect(sentBodies()).toHaveLength(2);
    expect(records()[0]).toMatchObject({ reason: 'network error: socket hang up (UND_ERR_SOCKET)' });
    expect(records()[1]).toMatchObject({ msg: 'discord notification sent' });
  });

  it('gives up on a Discord that does not answer after the timeout', async () => {
    const server = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const { notifier, records } = harness(
      { dispatcher: undefined, timeoutMs: 150, maxAttempts: 2 },
      `http://127.0.0.1:${port}${PATH}`,
    );
    open.push({ notifier, server });
    await notifier.notify(entry);
    expect(await notifier.flush(5_000)).toBe(true);
    expect(records().map((record) => record.msg)).toEqual([
      'discord notification failed, retrying',
      'discord notification dropped: gave up after 2 attempts',
    ]);
    expect(records()[1]).toMatchObject({ lastError: 'timed out after 150 ms' });
  });

  it('never lets the webhook URL, its id or its token into the log', async () => {
    const { notifier, agent, logText } = harness({ maxAttempts: 2 });
    webhook(agent).replyWithError(new Error(`connect ECONNREFUSED for ${WEBHOOK}`));
    webhook(agent).reply(500, `internal error at ${PATH}`);
    webhook(agent).reply(400, JSON.stringify({ message: `bad token ${TOKEN}`, code: 50027 }));
    await notifier.notify(titled('one'));
    await notifier.notify(titled('two'));
    // No interceptor is left: undici's "not matched" error quotes the request path.
    await notifier.notify(titled('three'));
    await notifier.flush();
    const text = logText();
    expect(text).toContain('[webhook]');
    expect(text.match(/discord notification dropped/g)).toHaveLength(3);
    for (const secret of [WEBHOOK, TOKEN, WEBHOOK_ID, 'Tok3n']) expect(text).not.toContain(secret);
  });

  it('survives a logger that throws', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    webhook(agent).reply(500, 'broken').persist();
    const throwing = () => {
      throw new Error('disk full');
    };
    const logger = { info: throwing, warn: throwing, error: throwing } as unknown as Logger;
    const notifier = new DiscordNotifier(WEBHOOK, logger, { dispatcher: agent, sleep: () => Promise.resolve() });
    open.push({ notifier, agent });
    await expect(notifier.notify(entry)).resolves.toBeUndefined();
    await expect(notifier.flush()).resolves.toBe(true);
  });
});

describe('DiscordNotifier queue and shutdown', () => {
  it('drops notifications beyond the queue bound, with a log line, instead of piling them up', async () => {
    const { notifier, agent, sentBodies, records } = harness({ maxQueued: 2 });
    webhook(agent).reply(204, '').times(3);
    for (const title of ['one', 'two', 'three', 'four']) await notifier.notify(titled(title));
    await notifier.flush();
    expect(sentBodies().map((body) => body.embeds[0]?.title)).toEqual(['one', 'two', 'three']);
    expect(records()[0]).toMatchObject({
      level: 50,
      msg: 'discord notification dropped: 2 notifications are already waiting',
      notification: { title: 'four' },
    });
  });

  it('close waits for the queue, then refuses new notifications', async () => {
    const { notifier, agent, sentBodies, records } = harness();
    webhook(agent).reply(204, '').times(2);
    await notifier.notify(titled('one'));
    await notifier.notify(titled('two'));
    await notifier.close();
    expect(sentBodies()).toHaveLength(2);
    await notifier.notify(titled('late'));
    expect(sentBodies()).toHaveLength(2);
    expect(records().at(-1)).toMatchObject({
      msg: 'discord notification dropped: the notifier is closed',
      notification: { title: 'late' },
    });
  });

  it('close abandons, and logs, what is still waiting when its time is up', async () => {
    const { notifier, agent, sentBodies, records } = harness({ sleep: endlessSleep });
    webhook(agent).reply(429, JSON.stringify({ retry_after: 30 }));
    await notifier.notify(titled('held'));
    await notifier.notify(titled('queued'));
    await notifier.close(20);
    expect(sentBodies()).toHaveLength(1);
    expect(
      records()
        .filter((record) => record.level === 50)
        .map((record) => record.msg),
    ).toEqual([
      'discord notification dropped: the notifier was closed',
      'discord notification dropped: the notifier was closed before it was sent',
    ]);
  });
});
