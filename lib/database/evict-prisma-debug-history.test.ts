import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { Debug } from "@prisma/client/runtime/client";
import { evictPrismaDebugHistory } from "@/lib/database/evict-prisma-debug-history";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
  return ref.deref() === undefined;
}

// Guards the workaround against a Prisma upgrade that changes its debug history.
describe("evictPrismaDebugHistory", () => {
  it("Prisma's debug history keeps a logged argument (the problem)…", async () => {
    let payload: object | null = { big: "x".repeat(1024) };
    const ref = new WeakRef(payload);
    Debug("webhook-echo:test")("query %O", payload);
    payload = null;
    expect(await collected(ref)).toBe(false);
    evictPrismaDebugHistory();
  });

  it("…and eviction releases it", async () => {
    let payload: object | null = { big: "y".repeat(1024) };
    const ref = new WeakRef(payload);
    Debug("webhook-echo:test")("query %O", payload);
    payload = null;
    evictPrismaDebugHistory();
    expect(await collected(ref)).toBe(true);
  });
});
