import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpRequestsInFlight } from '../../../src/infrastructure/demo/http-requests-in-flight.js';

let server: Server | undefined;
let requests: HttpRequestsInFlight | undefined;

afterEach(async () => {
  requests?.stop();
  const running = server;
  server = undefined;
  if (running === undefined) return;
  running.closeAllConnections();
  await new Promise<void>((resolve) => {
    running.close(() => {
      resolve();
    });
  });
});

/** A loopback server that holds each request until `answer()`; `arrived` resolves when the first one is in. */
async function slowServer(): Promise<{ url: string; arrived: Promise<void>; answer: () => void }> {
  const pending: (() => void)[] = [];
  let noteArrival = (): void => undefined;
  const arrived = new Promise<void>((resolve) => (noteArrival = resolve));
  server = createServer((_req, res) => {
    pending.push(() => res.end('{"ok":true}'));
    noteArrival();
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    arrived,
    answer: () => {
      for (const reply of pending.splice(0)) reply();
    },
  };
}

describe('HttpRequestsInFlight', () => {
  it('counts a request from the moment it is sent until its response has been read, and wakes those waiting', async () => {
    const { url, arrived, answer } = await slowServer();
    requests = new HttpRequestsInFlight().start();

    const response = request(url).then((reply) => reply.body.json());
    expect(requests.inFlight()).toBe(1);
    const idle = requests.idle().then(() => requests?.inFlight());
    await arrived;
    expect(requests.inFlight()).toBe(1);

    answer();
    expect(await idle).toBe(0);
    expect(await response).toEqual({ ok: true });
    expect(requests.activity()).toBe(2);
  });

  it('counts a failed request as answered', async () => {
    requests = new HttpRequestsInFlight().start();

    await expect(request('http://127.0.0.1:1/')).rejects.toThrow();

    expect(requests.inFlight()).toBe(0);
    expect(requests.activity()).toBe(2);
    await expect(requests.idle()).resolves.toBeUndefined();
  });

  it('stops counting once stopped', async () => {
    const { url, arrived, answer } = await slowServer();
    requests = new HttpRequestsInFlight().start();
    requests.stop();

    const response = request(url);
    expect(requests.inFlight()).toBe(0);
    await arrived;
    answer();
    await (await response).body.dump();
    expect(requests.activity()).toBe(0);
  });
});
