import { describe, expect, it } from "vitest";
import { createBodyBudget } from "@/lib/capture/create-body-budget";

// capacity 100, lane 40 -> shared zone 60; each address may hold 30 outside the lane.
const budget = () => createBodyBudget({ capacity: 100, maxBodyBytes: 40, perClientBytes: 30 });

describe("createBodyBudget", () => {
  it("charges bytes as they arrive: opening an account (a declared length) costs nothing", () => {
    const b = budget();
    const idle = Array.from({ length: 50 }, () => b.open("attacker"));
    expect(b.inUse()).toBe(0);
    const small = b.open("other");
    expect(small.reserve(1, () => {})).toBe(true);
    expect(b.inUse()).toBe(1);
    idle.forEach((account) => account.close());
    small.close();
    expect(b.inUse()).toBe(0);
  });

  it("bounds one address's share; another address still gets memory at once", () => {
    const b = budget();
    const a1 = b.open("a");
    const a2 = b.open("a");
    expect(a1.reserve(30, () => {})).toBe(true);
    // Over a's share: the lane (one body at a time) takes it instead.
    expect(a2.reserve(10, () => {})).toBe(true);
    const a3 = b.open("a");
    let a3Granted = false;
    expect(a3.reserve(5, () => (a3Granted = true))).toBe(false);
    expect(b.waiting()).toBe(1);
    const other = b.open("b");
    expect(other.reserve(25, () => {})).toBe(true);
    expect(a3Granted).toBe(false);
    a1.close();
    expect(a3Granted).toBe(true);
    expect(b.inUse()).toBe(10 + 25 + 5);
  });

  it("serves paused bodies round-robin over addresses, not in arrival order", () => {
    const b = createBodyBudget({ capacity: 50, maxBodyBytes: 40, perClientBytes: 10 });
    const blocker = b.open("x");
    expect(blocker.reserve(10, () => {})).toBe(true); // shared zone (10) full
    const lane = b.open("x");
    expect(lane.reserve(40, () => {})).toBe(true); // lane full
    const order: string[] = [];
    const hog = Array.from({ length: 3 }, (_, i) => {
      const account = b.open("hog");
      expect(account.reserve(5, () => order.push(`hog${i}`))).toBe(false);
      return account;
    });
    const fair = b.open("fair");
    expect(fair.reserve(5, () => order.push("fair"))).toBe(false);
    blocker.close(); // frees 10: two 5-byte grants
    expect(order).toEqual(["hog0", "fair"]);
    hog.forEach((account) => account.close());
    fair.close();
    lane.close();
    expect(b.inUse()).toBe(0);
    expect(b.waiting()).toBe(0);
  });

  it("never deadlocks: with the shared zone full of half-read bodies, one body at a time takes the lane and finishes", () => {
    const b = createBodyBudget({ capacity: 100, maxBodyBytes: 40, perClientBytes: 100 });
    // Six bodies of 40 bytes arriving 10 bytes at a time, round after round.
    const bodies = Array.from({ length: 6 }, () => ({
      account: b.open("c"),
      got: 0,
      paused: false,
      done: false,
    }));
    let finished = 0;
    const step = (body: (typeof bodies)[number]) => {
      if (body.done || body.paused) return;
      const granted = () => {
        body.paused = false;
        body.got += 10;
        maybeFinish(body);
      };
      if (body.account.reserve(10, granted)) {
        body.got += 10;
        maybeFinish(body);
      } else body.paused = true;
    };
    const maybeFinish = (body: (typeof bodies)[number]) => {
      if (body.got < 40) return;
      body.done = true;
      body.account.finishReading();
      finished++;
      body.account.close(); // committed
    };
    for (let round = 0; round < 40 && finished < bodies.length; round++) bodies.forEach(step);
    expect(finished).toBe(6);
    expect(b.inUse()).toBe(0);
  });

  it("never deadlocks when 20 bodies of one client arrive in small chunks and hold their memory while they commit", () => {
    const b = createBodyBudget({ capacity: 100, maxBodyBytes: 40, perClientBytes: 30 });
    interface Body {
      account: ReturnType<typeof b.open>;
      got: number;
      state: "ready" | "paused" | "committing" | "done";
      committedAt: number;
    }
    const bodies: Body[] = Array.from({ length: 20 }, () => ({
      account: b.open("one-address"),
      got: 0,
      state: "ready",
      committedAt: 0,
    }));
    // Like the event loop: each tick, every ready body receives one 4-byte chunk; a body that
    // finished reading holds its memory for 3 more ticks (its commit), then lets go.
    let tick = 0;
    for (; tick < 2000 && bodies.some((x) => x.state !== "done"); tick++) {
      for (const body of bodies) {
        if (body.state === "committing" && tick >= body.committedAt) {
          body.account.close();
          body.state = "done";
        }
      }
      for (const body of bodies) {
        if (body.state !== "ready") continue;
        const arrived = () => {
          body.got += 4;
          if (body.got === 40) {
            body.account.finishReading();
            body.state = "committing";
            body.committedAt = tick + 3;
          } else body.state = "ready";
        };
        if (body.account.reserve(4, arrived)) arrived();
        else body.state = "paused";
      }
    }
    expect(bodies.map((x) => x.state)).toEqual(bodies.map(() => "done"));
    expect(b.inUse()).toBe(0);
  });

  it("when memory frees up, the lane's paused body goes first even if its client has other paused bodies ahead of it", () => {
    const b = createBodyBudget({ capacity: 50, maxBodyBytes: 20, perClientBytes: 10 });
    const committing = b.open("x");
    expect(committing.reserve(10, () => {})).toBe(true);
    expect(committing.reserve(10, () => {})).toBe(true); // lane
    committing.finishReading(); // holds 20 until its commit
    const lane = b.open("x");
    expect(lane.reserve(20, () => {})).toBe(true); // over x's share: the lane
    const ahead = b.open("x");
    // Over x's share (its first chunk alone) while the lane is taken: it waits for the lane.
    expect(ahead.reserve(11, () => {})).toBe(false);
    let laneGranted = false;
    expect(lane.reserve(15, () => (laneGranted = true))).toBe(false); // 55 > 50
    committing.close();
    // Served before `ahead`, which cannot progress until the lane's body is in.
    expect(laneGranted).toBe(true);
  });

  it("an aborted body gives back what it held and leaves the queue, once (close is idempotent)", () => {
    const b = createBodyBudget({ capacity: 50, maxBodyBytes: 40, perClientBytes: 10 });
    const holder = b.open("a");
    expect(holder.reserve(10, () => {})).toBe(true);
    const lane = b.open("a");
    expect(lane.reserve(40, () => {})).toBe(true);
    let queuedGranted = false;
    const queued = b.open("b");
    expect(queued.reserve(5, () => (queuedGranted = true))).toBe(false);
    queued.close(); // aborted while paused
    queued.close();
    expect(b.waiting()).toBe(0);
    holder.close();
    holder.close();
    expect(queuedGranted).toBe(false);
    expect(b.inUse()).toBe(40);
    lane.close();
    expect(b.inUse()).toBe(0);
    // The whole budget is usable again.
    const again = b.open("z");
    expect(again.reserve(10, () => {})).toBe(true);
    expect(again.reserve(40, () => {})).toBe(true);
  });

  it("a body that finished reading gives up the lane to the next paused body", () => {
    const b = createBodyBudget({ capacity: 50, maxBodyBytes: 40, perClientBytes: 10 });
    const first = b.open("a");
    expect(first.reserve(10, () => {})).toBe(true);
    expect(first.reserve(5, () => {})).toBe(true); // lane (its 15 bytes leave the shared zone)
    let secondGranted = false;
    const second = b.open("b");
    // Larger than the shared zone: only the lane can take it.
    expect(second.reserve(15, () => (secondGranted = true))).toBe(false);
    first.finishReading();
    expect(secondGranted).toBe(true);
    first.close();
    second.close();
    expect(b.inUse()).toBe(0);
  });
});
