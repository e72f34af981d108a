// One instance per process, whichever bundle asks: Next.js compiles each route into its own bundle, so a
// module-level value would exist once per route (a cache cleared in one route would stay stale in another).
// It lives in clickhouse/ so the repositories' caches can use it too; server/ imports it from here.
const store = globalThis as unknown as { __relaisSingletons?: Map<string, unknown> };

export function processSingleton<T>(name: string, create: () => T): T {
  store.__relaisSingletons ??= new Map();
  if (!store.__relaisSingletons.has(name)) store.__relaisSingletons.set(name, create());
  return store.__relaisSingletons.get(name) as T;
}
