import { describe, expect, it } from "vitest";
import { createDeliveryWriter } from "@/lib/capture/create-delivery-writer";
import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { yieldToEventLoop } from "@/lib/deliveries/yield-to-event-loop";
import { createDeferred } from "@/test/support/create-deferred";

const record = (id: string, bodySize = 10) => ({ id, bodySize }) as DeliveryRecord;

// The unit is the batching policy; the SQL is covered by the integration tests.
describe("createDeliveryWriter (group commit)", () => {
  it("an idle writer inserts a lone delivery at once, as one statement of one row", async () => {
    const batches: string[][] = [];
    const writer = createDeliveryWriter({
      insertBatch: async (records) => void batches.push(records.map((r) => r.id)),
    });
    await writer.write(record("a"));
    expect(batches).toEqual([["a"]]);
  });

  it("writes made in separate callbacks of one event-loop turn share a statement, even when idle", async () => {
    // Each request is answered in an I/O callback of its own, with microtasks run in between:
    // a flush on the next microtask would send one statement per request.
    const batches: string[][] = [];
    const writer = createDeliveryWriter({
      insertBatch: async (records) => void batches.push(records.map((r) => r.id)),
    });
    const writes = [writer.write(record("a"))];
    await Promise.resolve();
    writes.push(writer.write(record("b")));
    await Promise.resolve();
    writes.push(writer.write(record("c")));
    await Promise.all(writes);
    expect(batches).toEqual([["a", "b", "c"]]);
  });

  it("groups the writes that arrive while batches are in flight into one statement", async () => {
    const gates: Array<ReturnType<typeof createDeferred<void>>> = [];
    const batches: string[][] = [];
    const writer = createDeliveryWriter({
      maxInFlight: 1,
      insertBatch: (records) => {
        batches.push(records.map((r) => r.id));
        const gate = createDeferred();
        gates.push(gate);
        return gate.promise;
      },
    });
    const first = writer.write(record("1"));
    await yieldToEventLoop();
    const rest = ["2", "3", "4"].map((id) => writer.write(record(id)));
    await yieldToEventLoop();
    expect(batches).toEqual([["1"]]);
    gates[0]!.resolve();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(batches).toEqual([["1"], ["2", "3", "4"]]);
    gates[1]!.resolve();
    await Promise.all(rest);
  });

  it("answers every write of a failed batch with its error, and later batches still commit", async () => {
    let call = 0;
    const writer = createDeliveryWriter({
      maxInFlight: 1,
      insertBatch: async () => {
        call++;
        if (call === 1) throw new Error("connection lost");
      },
    });
    const failing = [writer.write(record("a")), writer.write(record("b"))];
    const results = await Promise.allSettled(failing);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    await expect(writer.write(record("c"))).resolves.toBe(true);
  });

  it("tells a write planned with assumed defaults that its row was left out, and no other", async () => {
    const assumed: string[][] = [];
    const writer = createDeliveryWriter({
      insertBatch: async (_records, assumingDefaults) => {
        assumed.push([...assumingDefaults]);
        return new Set([...assumingDefaults].filter((id) => id.startsWith("custom")));
      },
    });
    const results = await Promise.all([
      writer.write(record("custom-1"), { assumingDefaults: true }),
      writer.write(record("plain-1"), { assumingDefaults: true }),
      writer.write(record("custom-2")),
    ]);
    expect(results).toEqual([false, true, true]);
    expect(assumed).toEqual([["custom-1", "plain-1"]]);
  });

  it("a row the database refuses fails alone: its batch-mates are retried row by row and commit", async () => {
    const rowError = Object.assign(new Error("invalid byte sequence"), { sqlState: "22021" });
    const committed: string[] = [];
    const statements: string[][] = [];
    const writer = createDeliveryWriter({
      isRowError: (error) => error === rowError,
      insertBatch: async (records) => {
        statements.push(records.map((r) => r.id));
        if (records.some((r) => r.id === "bad")) throw rowError;
        committed.push(...records.map((r) => r.id));
      },
    });
    const ids = Array.from({ length: 25 }, (_, i) => (i === 12 ? "bad" : `ok-${i}`));
    const results = await Promise.allSettled(ids.map((id) => writer.write(record(id))));
    expect(results.filter((r) => r.status === "rejected")).toEqual([
      { status: "rejected", reason: rowError },
    ]);
    expect(results[12]!.status).toBe("rejected");
    expect(committed.sort()).toEqual(ids.filter((id) => id !== "bad").sort());
    // One failed statement of 25, then one per row.
    expect(statements[0]).toHaveLength(25);
    expect(statements.slice(1).every((s) => s.length === 1)).toBe(true);
  });

  it("an outage is not retried row by row: the whole batch fails (503), nothing is half-written", async () => {
    const outage = new Error("connect ECONNREFUSED");
    let statements = 0;
    const writer = createDeliveryWriter({
      isRowError: () => false,
      insertBatch: async () => {
        statements++;
        throw outage;
      },
    });
    const results = await Promise.allSettled(["a", "b", "c"].map((id) => writer.write(record(id))));
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(statements).toBe(1);
  });

  it("bounds a batch by rows and by body bytes", async () => {
    const batches: string[][] = [];
    const gate = createDeferred();
    const writer = createDeliveryWriter({
      maxInFlight: 1,
      maxBatchRows: 2,
      maxBatchBytes: 100,
      insertBatch: async (records) => {
        batches.push(records.map((r) => r.id));
        if (batches.length === 1) await gate.promise;
      },
    });
    const writes = [writer.write(record("x"))];
    await yieldToEventLoop();
    writes.push(writer.write(record("a")), writer.write(record("b")), writer.write(record("c")));
    writes.push(writer.write(record("big1", 80)), writer.write(record("big2", 80)));
    gate.resolve();
    await Promise.all(writes);
    expect(batches).toEqual([["x"], ["a", "b"], ["c", "big1"], ["big2"]]);
  });

  it("writes large bodies one batch at a time (bytes in flight are bounded)", async () => {
    let concurrent = 0;
    let most = 0;
    const writer = createDeliveryWriter({
      maxInFlight: 4,
      maxBatchBytes: 100,
      maxInFlightBytes: 100,
      insertBatch: async () => {
        most = Math.max(most, ++concurrent);
        await new Promise((r) => setTimeout(r, 5));
        concurrent--;
      },
    });
    await Promise.all(["a", "b", "c"].map((id) => writer.write(record(id, 90))));
    expect(most).toBe(1);
    // A body over the bound still goes when nothing else is in flight.
    await expect(writer.write(record("huge", 500))).resolves.toBe(true);
  });

  it("drain() resolves once nothing is queued or in flight", async () => {
    const gate = createDeferred();
    const writer = createDeliveryWriter({ insertBatch: () => gate.promise });
    const write = writer.write(record("a"));
    let drained = false;
    const drain = writer.drain().then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(drained).toBe(false);
    gate.resolve();
    await Promise.all([write, drain]);
    expect(drained).toBe(true);
  });
});
