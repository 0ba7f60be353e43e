import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startStreamingReplica,
  type StreamingReplica,
} from "@/test/support/start-streaming-replica";
import { waitUntil } from "@/test/support/wait-until";

// The read-replica suite once hung for a minute: replay paused inside the server's partition
// DDL, and the standby kept that DDL's exclusive lock, so every read of `deliveries` waited.
let replica: StreamingReplica;
let primary: pg.Client;
let standby: pg.Client;

beforeAll(async () => {
  replica = await startStreamingReplica({});
  primary = new pg.Client({ connectionString: replica.primaryUrl });
  // A read that waits on a lock fails after 2 s instead of hanging the test.
  standby = new pg.Client({ connectionString: replica.replicaUrl, statement_timeout: 2_000 });
  await Promise.all([primary.connect(), standby.connect()]);
  await primary.query("CREATE TABLE locked (n int)");
  await waitUntil(
    () =>
      standby.query("SELECT 1 FROM locked").then(
        () => true,
        () => false,
      ),
    "the standby to replay the new table",
  );
});
afterAll(async () => {
  await Promise.all([primary?.end(), standby?.end()]);
  await replica?.stop();
});

const readLocked = () =>
  standby.query("SELECT count(*)::int AS n FROM locked").then(
    (result) => `read ${(result.rows[0] as { n: number }).n}`,
    (error: Error) => error.message,
  );

describe("startStreamingReplica: pauseReplay", () => {
  it("pauses only where the standby holds no exclusive lock, so reads never wait on it", async () => {
    await primary.query("BEGIN");
    await primary.query("LOCK TABLE locked IN ACCESS EXCLUSIVE MODE");
    await primary.query("INSERT INTO locked VALUES (1)");
    // Sends the lock record now (an open transaction's WAL may wait 15 s for a flush); the
    // standby takes the lock as it replays it.
    await primary.query("SELECT pg_switch_wal()");
    await waitUntil(
      async () => (await readLocked()).includes("statement timeout"),
      "the standby to hold the primary's lock",
    );

    let paused = false;
    const pausing = replica.pauseReplay().then(() => (paused = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(paused).toBe(false);
    await primary.query("COMMIT");
    await pausing;

    // Paused after the commit, lock released: the read answers, with the committed row.
    expect(await readLocked()).toBe("read 1");
    await primary.query("INSERT INTO locked VALUES (2)");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readLocked()).toBe("read 1");
    await replica.resumeReplay();
    await waitUntil(async () => (await readLocked()) === "read 2", "replay to resume");
  });
});
