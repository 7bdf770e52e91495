import { z } from 'zod';
import type { RequestHandler } from '../http/request-pipeline.js';
import { badRequest, ok, type SimResponse } from '../http/sim-http.js';
import type { SimulatorStream } from './simulator-stream.js';

const streamFaultsSchema = z.object({
  /** Cut every open socket now. */
  drop: z.boolean().optional(),
  /** true: stop sending anything (heartbeats included) without closing; false: resume. */
  stall: z.boolean().optional(),
  /** Send this many malformed frames to every open socket. */
  malformed: z.number().int().nonnegative().optional(),
  heartbeatMs: z.number().int().positive().optional(),
});

/**
 * The stream's admin endpoints, in front of the simulator's others: `GET /sim/stream` (state and counts)
 * and `POST /sim/stream/faults` `{drop?, stall?, malformed?, heartbeatMs?}`.
 */
export function withStreamAdmin(admin: RequestHandler, stream: SimulatorStream): RequestHandler {
  return (request) => {
    if (request.path === '/sim/stream' && request.method === 'GET') return ok(stream.status());
    if (request.path === '/sim/stream/faults' && request.method === 'POST') return applyFaults(stream, request.body);
    return admin(request);
  };
}

function applyFaults(stream: SimulatorStream, body: unknown): SimResponse {
  const parsed = streamFaultsSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return badRequest(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid body'}`);
  }
  const { drop, stall, malformed, heartbeatMs } = parsed.data;
  if (heartbeatMs !== undefined) stream.heartbeatEvery(heartbeatMs);
  if (stall !== undefined) stream.stall(stall);
  if (malformed !== undefined) stream.sendMalformed(malformed);
  if (drop === true) stream.dropConnections();
  return ok(stream.status());
}
