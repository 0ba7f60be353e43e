import net from "node:net";

export interface TcpProxy {
  port: number;
  /** Refuse new connections and cut the open ones: "the database went down". */
  down: () => Promise<void>;
  /** Accept and forward again on the same port. */
  up: () => Promise<void>;
  close: () => Promise<void>;
}

/** A TCP forwarder to a real PostgreSQL that a test can take down and bring back. */
export async function startTcpProxy({
  targetHost,
  targetPort,
}: {
  targetHost: string;
  targetPort: number;
}): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, targetHost);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const cleanup = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", cleanup).on("close", cleanup);
        upstream.on("error", cleanup).on("close", cleanup);
      });
      server.listen(port, "127.0.0.1", () => {
        const address = server!.address();
        port = typeof address === "object" && address ? address.port : port;
        resolve();
      });
    });

  await listen();
  const down = async () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
  };
  return {
    get port() {
      return port;
    },
    down,
    up: listen,
    close: down,
  };
}
