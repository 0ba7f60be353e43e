import { describe, expect, it } from "vitest";
import { createRandomPool } from "@/lib/ids/create-random-pool";
import { createUuidV7 } from "@/lib/ids/create-uuid-v7";

describe("createUuidV7", () => {
  it("encodes the millisecond time first, with version 7 and the RFC variant", () => {
    const id = createUuidV7({
      now: () => 0x0123456789ab,
      randomBytes: () => new Uint8Array(16).fill(0xff),
    });
    expect(id).toBe("01234567-89ab-7fff-bfff-ffffffffffff");
  });

  it("takes each id's own time, whichever millisecond came before", () => {
    const ones = () => new Uint8Array(10);
    const ids = [1, 0x0123456789ab, 0x0123456789ab, 1].map((ms) =>
      createUuidV7({ now: () => ms, randomBytes: ones }),
    );
    expect(ids).toEqual([
      "00000000-0001-7000-8000-000000000000",
      "01234567-89ab-7000-8000-000000000000",
      "01234567-89ab-7000-8000-000000000000",
      "00000000-0001-7000-8000-000000000000",
    ]);
  });

  it("sorts by time, so ids double as cursors", () => {
    const random = createRandomPool();
    const ids = [1000, 2000, 3000, 1_800_000_000_000].map((ms) =>
      createUuidV7({ now: () => ms, randomBytes: random }),
    );
    expect([...ids].sort()).toEqual(ids);
  });

  it("gives distinct ids within one millisecond", () => {
    const random = createRandomPool({ size: 64 });
    const ids = new Set(
      Array.from({ length: 1000 }, () => createUuidV7({ now: () => 5, randomBytes: random })),
    );
    expect(ids.size).toBe(1000);
  });
  it("writes the time as the low 48 bits of the millisecond, zero-padded, as hex", () => {
    const zeros = () => new Uint8Array(10);
    for (const ms of [
      0,
      1,
      0xff,
      0x1_0000_0000,
      0xffff_ffff_ffff,
      1_800_000_000_123,
      2 ** 48 + 5,
    ]) {
      const hex = (ms % 2 ** 48).toString(16).padStart(12, "0");
      expect(createUuidV7({ now: () => ms, randomBytes: zeros })).toBe(
        `${hex.slice(0, 8)}-${hex.slice(8)}-7000-8000-000000000000`,
      );
    }
  });
});
