import { startTcpProxy, type TcpProxy } from "@/test/support/start-tcp-proxy";

/** A TCP proxy in front of PostgreSQL that a test can cut, and the URL that goes through it. */
export async function startDatabaseProxy(
  databaseUrl: string,
): Promise<{ proxy: TcpProxy; viaProxy: string }> {
  const target = new URL(databaseUrl);
  const proxy = await startTcpProxy({
    targetHost: target.hostname,
    targetPort: Number(target.port || 5432),
  });
  const viaProxy = new URL(databaseUrl);
  viaProxy.port = String(proxy.port);
  return { proxy, viaProxy: viaProxy.toString() };
}
