import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createRandomToken } from "@/lib/ids/create-random-token";

describe("createRandomToken", () => {
  it("redraws a token that would start with a dash (0xf8 encodes as '-')", () => {
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x00)];
    const token = createRandomToken({ random: () => draws.shift()!, bytes: 16 });
    expect(token).toBe("A".repeat(22));
    expect(draws).toHaveLength(0);
  });

  it("encodes the requested number of bytes as base64url", () => {
    const tokens = Array.from({ length: 2000 }, () =>
      createRandomToken({ random: randomBytes, bytes: 32 }),
    );
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{42}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
