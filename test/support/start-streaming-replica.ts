import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export interface StreamingReplica {
  /** The dedicated primary's database (trust auth). */
  primaryUrl: string;
  /** The same database on the hot standby (read-only, streaming from the primary). */
  replicaUrl: string;
  /**
   * Stops WAL replay on the standby and waits until it has stopped where it holds no exclusive
   * lock: lag that lasts, and that never blocks a read.
   */
  pauseReplay: () => Promise<void>;
  resumeReplay: () => Promise<void>;
  /** Stops the standby alone (fast shutdown), as when a replica goes down. */
  stopStandby: () => Promise<void>;
  /** Stops both servers and removes their data. */
  stop: () => Promise<void>;
}

/** The newest PostgreSQL server binaries Debian installed (pg_basebackup ships with the server). */
function findServerBinaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(path.join(root, name, "bin", "pg_basebackup")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return path.join(root, versions[0], "bin");
}

async function findFreePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A primary of its own plus a hot standby cloned from it with `pg_basebackup -R`, streaming
 * over TCP. Its own primary because the machine's PostgreSQL allows no replication
 * connections in its pg_hba.conf, which a test may not edit; initdb's default pg_hba trusts
 * replication from 127.0.0.1. PostgreSQL refuses to run as root, so as root both servers run as
 * the `postgres` user (runuser).
 */
export async function startStreamingReplica({
  database = "webhook_echo",
  prepare,
}: {
  database?: string;
  /** Runs on the primary before the standby is cloned (migrations): the clone starts with it. */
  prepare?: (primaryUrl: string) => Promise<void>;
}): Promise<StreamingReplica> {
  const bin = findServerBinaries();
  const asRoot = process.getuid?.() === 0;
  const exec = (tool: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);

  const dir = await mkdtemp(path.join(os.tmpdir(), "webhook-echo-replica-"));
  if (asRoot) await chmod(dir, 0o777);
  const primaryDir = path.join(dir, "primary");
  const replicaDir = path.join(dir, "replica");
  const primaryPort = await findFreePort();
  let replicaPort = await findFreePort();
  while (replicaPort === primaryPort) replicaPort = await findFreePort();
  // Sockets in the temp dir: nothing to collide with the machine's cluster.
  const serverOptions = (port: number) =>
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`;
  const started: string[] = [];
  const stopServers = async () => {
    for (const dataDir of started.reverse()) {
      await exec("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w"]).catch(() => {});
    }
    started.length = 0;
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await exec("initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
    await exec("pg_ctl", [
      "start",
      "-D",
      primaryDir,
      "-w",
      "-l",
      path.join(dir, "primary.log"),
      "-o",
      `${serverOptions(primaryPort)} -c wal_level=replica -c max_wal_senders=4`,
    ]);
    started.push(primaryDir);
    const admin = new pg.Pool({ host: "127.0.0.1", port: primaryPort, user: "postgres", max: 1 });
    await admin.query(`CREATE DATABASE "${database}"`).finally(() => admin.end());
    const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/${database}`;
    await prepare?.(primaryUrl);

    await exec("pg_basebackup", [
      ...["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres"],
      ...["-D", replicaDir, "-R", "-X", "stream", "-c", "fast"],
    ]);
    await exec("pg_ctl", [
      "start",
      "-D",
      replicaDir,
      "-w",
      "-l",
      path.join(dir, "replica.log"),
      "-o",
      `${serverOptions(replicaPort)} -c hot_standby=on`,
    ]);
    started.push(replicaDir);
    const replicaUrl = `postgresql://postgres@127.0.0.1:${replicaPort}/${database}`;

    // Replay control, on its own connection (closed by stop, or when the standby stops).
    const control = new pg.Pool({ connectionString: replicaUrl, max: 1 });
    control.on("error", () => {});
    const onReplica = async <T extends pg.QueryResultRow>(sql: string) =>
      (await control.query<T>(sql)).rows;
    const replayState = async () =>
      (await onReplica<{ state: string }>("SELECT pg_get_wal_replay_pause_state() AS state"))[0]
        ?.state;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    return {
      primaryUrl,
      replicaUrl,
      async pauseReplay() {
        const deadline = Date.now() + 30_000;
        for (;;) {
          await onReplica("SELECT pg_wal_replay_pause()");
          // A pause is only requested: replay stops at the next record boundary.
          while ((await replayState()) !== "paused") {
            if (Date.now() > deadline) throw new Error("the standby's replay did not pause");
            await sleep(20);
          }
          // Replay may stop inside a primary transaction that holds an ACCESS EXCLUSIVE lock
          // (the server's partition DDL): the standby then holds it too, and every read of
          // that table waits for a resume that never comes. Only a lock-free pause will do.
          const [held] = await onReplica<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_locks WHERE mode = 'AccessExclusiveLock'",
          );
          if (held?.n === 0) return;
          if (Date.now() > deadline) {
            throw new Error("the standby's replay kept pausing inside an exclusive lock");
          }
          await onReplica("SELECT pg_wal_replay_resume()");
          await sleep(50);
        }
      },
      async resumeReplay() {
        await onReplica("SELECT pg_wal_replay_resume()");
      },
      async stopStandby() {
        await control.end();
        await exec("pg_ctl", ["stop", "-D", replicaDir, "-m", "fast", "-w"]);
        started.splice(started.indexOf(replicaDir), 1);
      },
      async stop() {
        await control.end().catch(() => {});
        await stopServers();
      },
    };
  } catch (error) {
    await stopServers();
    throw error;
  }
}
