import { describe, expect, it, vi } from "vitest";
import { createBinToucher } from "@/lib/capture/create-bin-toucher";

/** A toucher on fake timers (1 s interval) that records its updates. */
function recording(maxLogged?: number) {
  vi.useFakeTimers();
  const updates: Array<Array<[string, Date]>> = [];
  const toucher = createBinToucher({
    update: async (entries) => void updates.push(entries),
    onError: () => {},
    intervalMs: 1000,
    maxLogged,
  });
  return { toucher, updates };
}

describe("createBinToucher", () => {
  it("writes the latest time per bin once per interval, for all bins in one update", async () => {
    const { toucher, updates } = recording();
    toucher.touch("a", new Date(1000));
    toucher.touch("a", new Date(3000));
    toucher.touch("a", new Date(2000));
    toucher.touch("b", new Date(5000));
    expect(updates).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(updates).toEqual([
      [
        ["a", new Date(3000)],
        ["b", new Date(5000)],
      ],
    ]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(updates).toHaveLength(1);
    vi.useRealTimers();
  });

  it("flush() writes at once (shutdown) and reports errors without throwing", async () => {
    const errors: unknown[] = [];
    const toucher = createBinToucher({
      update: () => Promise.reject(new Error("down")),
      onError: (error) => errors.push(error),
    });
    toucher.touch("a", new Date());
    await toucher.flush();
    expect(errors).toHaveLength(1);
  });

  it("folds a full log early and still writes each bin's latest time once", async () => {
    const { toucher, updates } = recording(3);
    // Seven touches through a log of three: folded twice before the flush, once at it.
    const touches: Array<[string, number]> = [
      ["a", 1000],
      ["b", 9000],
      ["a", 4000],
      ["a", 2000],
      ["b", 3000],
      ["c", 7000],
      ["a", 3000],
    ];
    for (const [binId, ms] of touches) toucher.touch(binId, new Date(ms));
    await vi.advanceTimersByTimeAsync(1000);
    expect(updates).toEqual([
      [
        ["a", new Date(4000)],
        ["b", new Date(9000)],
        ["c", new Date(7000)],
      ],
    ]);
    // The next interval starts empty: only what was touched since is written.
    toucher.touch("c", new Date(8000));
    await toucher.flush();
    expect(updates[1]).toEqual([["c", new Date(8000)]]);
    vi.useRealTimers();
  });
});
