import type { z } from 'zod';
import {
  IGNORED_TOPICS,
  listMessageSchema,
  marketDataMessageSchema,
  sessionStatusMessageSchema,
  systemMessageSchema,
  type MarketDataMessage,
} from './stream-messages.schema.js';

/** One frame from the gateway's WebSocket, classified. Nothing here throws: bad frames are `malformed`. */
export type StreamFrame =
  | { readonly kind: 'system'; readonly user?: string; readonly heartbeat?: number }
  | { readonly kind: 'session'; readonly authenticated: boolean; readonly message: string }
  | { readonly kind: 'market-data'; readonly conid: number; readonly message: MarketDataMessage }
  | { readonly kind: 'orders' | 'trades'; readonly items: readonly Record<string, unknown>[] }
  | { readonly kind: 'ignored' | 'unknown'; readonly topic: string }
  | { readonly kind: 'malformed'; readonly reason: string };

export function parseStreamFrame(text: string): StreamFrame {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return malformed(`not JSON: ${clip(text)}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return malformed('not a JSON object');
  const topic = (body as { topic?: unknown }).topic;
  if (typeof topic !== 'string') return malformed('no topic');
  return classify(topic, body);
}

function classify(topic: string, body: unknown): StreamFrame {
  if (topic === 'system') {
    return validated(systemMessageSchema, body, (message) => ({
      kind: 'system',
      ...(message.success === undefined ? {} : { user: message.success }),
      ...(message.hb === undefined ? {} : { heartbeat: message.hb }),
    }));
  }
  if (topic === 'sts') {
    return validated(sessionStatusMessageSchema, body, ({ args }) => ({
      kind: 'session',
      authenticated: args.authenticated && args.competing !== true,
      message: args.message ?? (args.competing === true ? 'competing session' : ''),
    }));
  }
  if (topic.startsWith('smd+')) {
    return validated(marketDataMessageSchema, body, (message) => ({
      kind: 'market-data',
      conid: message.conid ?? Number(topic.slice('smd+'.length)),
      message,
    }));
  }
  if (topic === 'sor' || topic === 'str') {
    return validated(listMessageSchema, body, ({ args }) => ({
      kind: topic === 'sor' ? 'orders' : 'trades',
      items: args,
    }));
  }
  const family = topic.split('+')[0] ?? topic;
  return { kind: IGNORED_TOPICS.has(family) ? 'ignored' : 'unknown', topic: family };
}

function validated<S extends z.ZodType>(
  schema: S,
  body: unknown,
  build: (value: z.output<S>) => StreamFrame,
): StreamFrame {
  const result = schema.safeParse(body);
  if (result.success) return build(result.data);
  const issue = result.error.issues[0];
  return malformed(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
}

function malformed(reason: string): StreamFrame {
  return { kind: 'malformed', reason };
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
