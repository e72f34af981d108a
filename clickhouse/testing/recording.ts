// Test and bench helper: the client with every round trip it sends recorded (query, command, insert, exec), so a
// test can say which tables a computation read and a bench how many queries it cost.
import type { Clickhouse } from '@/clickhouse/client';

const ROUND_TRIPS = new Set(['query', 'command', 'insert', 'exec']);

export interface Sent {
  /** The SQL, or `insert <table>`. */
  query: string;
  params: Record<string, unknown>;
}

export interface Recorded {
  ch: Clickhouse;
  /** What was sent, in order. */
  sent: Sent[];
}

export function recording(ch: Clickhouse): Recorded {
  const sent: Sent[] = [];
  const proxy = new Proxy(ch, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (!ROUND_TRIPS.has(String(key))) return value.bind(target);
      return (arg: { query?: string; table?: string; query_params?: Record<string, unknown> }, ...rest: unknown[]) => {
        sent.push({ query: arg?.query ?? `insert ${arg?.table ?? '?'}`, params: arg?.query_params ?? {} });
        return value.call(target, arg, ...rest);
      };
    },
  });
  return { ch: proxy, sent };
}
