import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SessionState } from '../session/session-state.js';

/**
 * IBeam's health server (its port 5001), plain HTTP: `/livez` answers while IBeam runs, `/readyz` only
 * while the gateway's brokerage session is authenticated (503 otherwise).
 */
export function createHealthServer(session: SessionState): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method !== 'GET') {
      reply(res, 405, { error: `${req.method ?? '?'} not allowed` });
      return;
    }
    if (path === '/livez') {
      reply(res, 200, { status: 'alive' });
      return;
    }
    if (path === '/readyz') {
      const { authenticated } = session.status();
      reply(res, authenticated ? 200 : 503, { status: authenticated ? 'ready' : 'not authenticated' });
      return;
    }
    reply(res, 404, { error: `no such endpoint: ${path}` });
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
