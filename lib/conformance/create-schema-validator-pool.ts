import { Worker } from "node:worker_threads";
import { SCHEMA_VALIDATOR_WORKER_SOURCE } from "@/lib/conformance/schema-validator-worker-source";
import type { ValidatorError } from "@/lib/conformance/validator-error";

export type UserSchemaOutcome =
  | { kind: "not-json" }
  | { kind: "judged"; errors: ValidatorError[] }
  /** The validator gave up: too slow (a catastrophic pattern), out of memory, or it threw. */
  | { kind: "stopped"; reason: string };

export type SchemaCheck = { ok: true } | { ok: false; message: string };

export interface SchemaValidatorPool {
  /** Compiles an owner's schema (and keeps it compiled): ok, or why it cannot be used. */
  check: (options: { text: string; hash: string }) => Promise<SchemaCheck>;
  /** Judges one body against an owner's schema (compiled once per hash). */
  validate: (options: {
    text: string;
    hash: string;
    body: Uint8Array;
  }) => Promise<UserSchemaOutcome>;
  close: () => Promise<void>;
}

type Reply = { id: number; ok?: true; notJson?: true; errors?: ValidatorError[]; failed?: string };

interface Task {
  id: number;
  message: Record<string, unknown>;
  transfer: ArrayBuffer[];
  hash: string;
  settle: (reply: Reply | { stopped: string }) => void;
}

// Errors posted back per body (the verdict lists 50; the rest only costs copying).
const MAX_ERRORS = 200;
// Schemas remembered as runaway at once.
const MAX_QUARANTINED = 10_000;

/**
 * Owners' JSON Schemas run on ONE worker thread, never on the main thread: a catastrophic
 * `pattern` or a costly schema (uniqueItems on a big array, deep anyOf) can then only cost
 * that thread `timeoutMs`, after which it is terminated and replaced, and captures and reads
 * go on meanwhile. A schema that timed out is "stopped" at once for `quarantineMs` after, so
 * a hostile bin costs one timeout per quarantine, not one per delivery. The thread's heap is
 * bounded too (an out-of-memory ends the thread, not the server). Tasks run one at a time,
 * first come first served; compiled validators are cached in the thread by schema hash (LRU).
 */
export function createSchemaValidatorPool({
  timeoutMs,
  quarantineMs = 10 * 60_000,
  maxCachedSchemas = 64,
  maxHeapMb = 256,
  resolveFrom = `${process.cwd()}/`,
  now = Date.now,
}: {
  timeoutMs: number;
  quarantineMs?: number;
  maxCachedSchemas?: number;
  maxHeapMb?: number;
  /** Where ajv is resolved from (the app's directory). */
  resolveFrom?: string;
  now?: () => number;
}): SchemaValidatorPool {
  let worker: Worker | null = null;
  // The timeout counts from when the thread has loaded ajv, not from its (slow, shared-CPU) start.
  let ready = false;
  let current: Task | null = null;
  let timer: NodeJS.Timeout | null = null;
  let nextId = 1;
  const queue: Task[] = [];
  const quarantine = new Map<string, number>();

  const finish = (reply: Reply | { stopped: string }) => {
    const task = current;
    if (!task) return;
    current = null;
    if (timer) clearTimeout(timer);
    timer = null;
    task.settle(reply);
    pump();
  };

  const discard = (reason: string, { runaway }: { runaway: boolean }) => {
    const stale = worker;
    worker = null;
    ready = false;
    if (stale) void stale.terminate();
    if (current && runaway) {
      // Bounded: past the cap the oldest pause is forgotten (that schema may cost one more timeout).
      if (quarantine.size >= MAX_QUARANTINED) quarantine.delete(quarantine.keys().next().value!);
      quarantine.set(current.hash, now() + quarantineMs);
    }
    // A thread that could not even start fails the next task, so nothing waits forever.
    current ??= queue.shift() ?? null;
    finish({ stopped: reason });
  };

  const start = (): Worker => {
    const started = new Worker(SCHEMA_VALIDATOR_WORKER_SOURCE, {
      eval: true,
      workerData: { resolveFrom, maxCachedSchemas, maxErrors: MAX_ERRORS },
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    // An idle validator must not keep the process alive.
    started.unref();
    started.on("message", (reply: Reply | { ready: true }) => {
      if (started !== worker) return;
      if ("ready" in reply) {
        ready = true;
        pump();
      } else if (current?.id === reply.id) {
        finish(reply);
      }
    });
    const lost = (reason: string) => {
      if (started === worker) discard(reason, { runaway: false });
    };
    started.on("error", (error) => lost(`the validator failed: ${error.message}`));
    started.on("exit", () => lost("the validator stopped"));
    return started;
  };

  const pump = () => {
    if (current || queue.length === 0) return;
    worker ??= start();
    if (!ready) return;
    current = queue.shift()!;
    timer = setTimeout(
      () =>
        discard(`validation took longer than ${timeoutMs} ms and was stopped`, { runaway: true }),
      timeoutMs,
    );
    worker.postMessage({ id: current.id, ...current.message }, current.transfer);
  };

  const enqueue = (
    hash: string,
    message: Record<string, unknown>,
    transfer: ArrayBuffer[] = [],
  ): Promise<Reply | { stopped: string }> =>
    new Promise((settle) => {
      queue.push({ id: nextId++, message, transfer, hash, settle });
      pump();
    });

  const quarantined = (hash: string): boolean => {
    const until = quarantine.get(hash);
    if (until === undefined) return false;
    if (until > now()) return true;
    quarantine.delete(hash);
    return false;
  };

  return {
    async check({ text, hash }) {
      const reply = await enqueue(hash, { type: "check", hash, text });
      if ("stopped" in reply)
        return { ok: false, message: `it could not be compiled: ${reply.stopped}` };
      return reply.ok
        ? { ok: true }
        : { ok: false, message: reply.failed ?? "it could not be compiled" };
    },
    async validate({ text, hash, body }) {
      if (quarantined(hash)) {
        return {
          kind: "stopped",
          reason: `validation with this schema took longer than ${timeoutMs} ms recently and is paused (a catastrophic pattern?)`,
        };
      }
      // A copy the thread owns (transferred, not cloned twice).
      const bytes = new Uint8Array(body);
      const reply = await enqueue(hash, { type: "validate", hash, text, body: bytes }, [
        bytes.buffer,
      ]);
      if ("stopped" in reply) return { kind: "stopped", reason: reply.stopped };
      if (reply.notJson) return { kind: "not-json" };
      if (reply.failed !== undefined) {
        return { kind: "stopped", reason: `the validator failed: ${reply.failed}` };
      }
      return { kind: "judged", errors: reply.errors ?? [] };
    },
    async close() {
      for (const task of queue.splice(0)) task.settle({ stopped: "the validator was closed" });
      const stale = worker;
      worker = null;
      if (current) finish({ stopped: "the validator was closed" });
      if (stale) await stale.terminate();
    },
  };
}
