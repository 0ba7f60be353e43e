import { describe, expect, it } from "vitest";
import { lumpAttempts } from "@/components/view/lump-attempts";

describe("lumpAttempts", () => {
  it("keeps 1..6 apart, lumps more, and shows empty steps up to the largest", () => {
    expect(
      lumpAttempts({
        rows: [
          { attempts: 9, analyses: 1 },
          { attempts: 1, analyses: 4 },
          { attempts: 3, analyses: 2 },
          { attempts: 7, analyses: 2 },
        ],
      }),
    ).toEqual([
      { label: "1 attempt", attempts: 1, analyses: 4 },
      { label: "2 attempts", attempts: 2, analyses: 0 },
      { label: "3 attempts", attempts: 3, analyses: 2 },
      { label: "4 attempts", attempts: 4, analyses: 0 },
      { label: "5 attempts", attempts: 5, analyses: 0 },
      { label: "6 attempts", attempts: 6, analyses: 0 },
      { label: "7+ attempts", attempts: 7, analyses: 3 },
    ]);
  });

  it("no analyses: no rows", () => {
    expect(lumpAttempts({ rows: [] })).toEqual([]);
  });
});
