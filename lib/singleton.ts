// server.ts (run by tsx) and Next's bundled route handlers load separate copies of lib/, but
// share one process: keeping process-wide resources on globalThis gives both the same pool,
// Prisma client and live bus.
const registry = ((globalThis as { __webhookEcho?: Map<string, unknown> }).__webhookEcho ??=
  new Map<string, unknown>());

// One lookup, not has() then get(): capture asks for about ten of these per delivery. No
// resource is undefined, so undefined means "not created yet".
export function getSingleton<T>(key: string, create: () => T): T {
  let value = registry.get(key) as T | undefined;
  if (value === undefined) registry.set(key, (value = create()));
  return value;
}

export function setSingleton<T>(key: string, value: T): void {
  registry.set(key, value);
}

export function peekSingleton<T>(key: string): T | undefined {
  return registry.get(key) as T | undefined;
}
