import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpRawSource, type HttpRawSourceOptions } from '../../../src/adapters/recording/http-raw-source.js';
import { SourceUnavailable } from '../../../src/adapters/recording/source-unavailable.error.js';

const ORIGIN = 'https://feed.example.test';

let agent: MockAgent;
let sleeps: number[];

function source(overrides: Partial<HttpRawSourceOptions<string>> = {}): HttpRawSource<string> {
  agent = new MockAgent();
  agent.disableNetConnect();
  sleeps = [];
  return new HttpRawSource<string>({
    name: 'example-feed',
    request: (body) => ({
      method: 'POST',
      url: `${ORIGIN}/scan`,
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'skim-test' },
      body,
    }),
    dispatcher: agent,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  });
}

const scan = () => agent.get(ORIGIN).intercept({ path: '/scan', method: 'POST' });

async function failure(promise: Promise<unknown>): Promise<SourceUnavailable> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceUnavailable);
  return error as SourceUnavailable;
}

afterEach(async () => {
  await agent.close();
});

describe('HttpRawSource', () => {
  it('sends the built request and returns the body as text', async () => {
    const feed = source();
    agent
      .get(ORIGIN)
      .intercept({
        path: '/scan',
        method: 'POST',
        body: '{"q":1}',
        headers: { 'content-type': 'application/json', 'user-agent': 'skim-test' },
      })
      .reply(200, '{"data":[]}');
    await expect(feed.fetchRaw('{"q":1}')).resolves.toBe('{"data":[]}');
    expect(sleeps).toEqual([]);
    agent.assertNoPendingInterceptors();
  });

  it('retries a busy server with jittered, doubling delays and returns the eventual body', async () => {
    const feed = source();
    scan().reply(503, 'busy');
    scan().reply(502, 'bad gateway');
    scan().reply(200, 'ok');
    await expect(feed.fetchRaw('{}')).resolves.toBe('ok');
    expect(sleeps).toEqual([75, 150]);
  });

  it('gives up after the last attempt with an error naming the source, the status and the attempts', async () => {
    const feed = source();
    scan().reply(503, 'Service Unavailable').times(3);
    const error = await failure(feed.fetchRaw('{}'));
    expect(error).toMatchObject({ source: 'example-feed', status: 503, attempts: 3 });
    expect(error.message).toBe(
      `example-feed unavailable: HTTP 503: Service Unavailable from ${ORIGIN}/scan (after 3 attempts)`,
    );
    expect(sleeps).toHaveLength(2);
  });

  it('does not repeat a refused request', async () => {
    const feed = source();
    scan().reply(400, '{"error":"Unknown field \\"gapx\\""}');
    const error = await failure(feed.fetchRaw('{}'));
    expect(error).toMatchObject({ status: 400, attempts: 1 });
    expect(error.message).toContain('HTTP 400: {"error":"Unknown field \\"gapx\\""}');
    expect(sleeps).toEqual([]);
  });

  it('retries a network error', async () => {
    const feed = source();
    scan().replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    scan().reply(200, 'after reset');
    await expect(feed.fetchRaw('{}')).resolves.toBe('after reset');
    expect(sleeps).toEqual([75]);
  });

  it('names a network error that persists', async () => {
    const feed = source({ retry: { maxAttempts: 1, baseDelayMs: 100, maxDelayMs: 100 } });
    scan().replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    const error = await failure(feed.fetchRaw('{}'));
    expect(error.message).toContain('network error: getaddrinfo ENOTFOUND (ENOTFOUND)');
    expect(error.status).toBeUndefined();
  });

  it('treats a TLS certificate failure as final', async () => {
    const feed = source();
    scan().replyWithError(Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }));
    const error = await failure(feed.fetchRaw('{}'));
    expect(error.message).toContain('TLS certificate rejected (CERT_HAS_EXPIRED)');
    expect(error.attempts).toBe(1);
  });

  it('abandons an answer slower than the timeout', async () => {
    const feed = source({ timeoutMs: 20, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    scan().reply(200, 'too late').delay(2_000).times(2);
    const error = await failure(feed.fetchRaw('{}'));
    expect(error.message).toContain('timed out after 20 ms');
    expect(error.attempts).toBe(2);
  });

  it('refuses a body over the size limit without retrying', async () => {
    const feed = source({ maxBytes: 10 });
    scan().reply(200, 'x'.repeat(100));
    const error = await failure(feed.fetchRaw('{}'));
    expect(error.message).toContain('response body larger than 10 bytes');
    expect(error.attempts).toBe(1);
  });

  it('decodes the body with the charset the server names', async () => {
    const feed = source();
    scan().reply(200, Buffer.from('Société Générale', 'latin1'), {
      headers: { 'content-type': 'text/html; charset=ISO-8859-1' },
    });
    await expect(feed.fetchRaw('{}')).resolves.toBe('Société Générale');
  });
});
