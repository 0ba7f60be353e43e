// server.ts (run by tsx) and Next's bundled route handlers load separate copies of lib/, but
// share one process: keeping process-wide resources on globalThis gives both the same pool,
// Prisma client and live bus.
const registry = ((globalThis as { __webhookEcho?: Map<string, unknown> }).__webhookEcho ??=
  new Map<string, unknown>());

export function getSingleton<T>(key: string, create: () => T): T {
  if (!registry.has(key)) registry.set(key, create());
  return registry.get(key) as T;
}

export function setSingleton<T>(key: string, value: T): void {
  registry.set(key, value);
}

export function peekSingleton<T>(key: string): T | undefined {
  return registry.get(key) as T | undefined;
}
