import { describe, expect, it, vi } from "vitest";
import { createBinToucher } from "@/lib/capture/create-bin-toucher";

describe("createBinToucher", () => {
  it("writes the latest time per bin once per interval, for all bins in one update", async () => {
    vi.useFakeTimers();
    const updates: Array<Array<[string, Date]>> = [];
    const toucher = createBinToucher({
      update: async (entries) => void updates.push(entries),
      onError: () => {},
      intervalMs: 1000,
    });
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
});
