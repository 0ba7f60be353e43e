import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { encryptSecret } from "@/lib/secrets/encrypt-secret";

describe("secret encryption at rest", () => {
  const key = randomBytes(32);

  it("round-trips and never contains the plaintext", () => {
    const plaintext = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const encrypted = encryptSecret({ plaintext, key });
    expect(encrypted).not.toContain(plaintext);
    expect(encrypted.startsWith("v1.")).toBe(true);
    expect(decryptSecret({ encrypted, key })).toBe(plaintext);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret({ plaintext: "s", key })).not.toBe(encryptSecret({ plaintext: "s", key }));
  });

  it("returns null with another key or tampered data instead of throwing", () => {
    const encrypted = encryptSecret({ plaintext: "secret", key });
    expect(decryptSecret({ encrypted, key: randomBytes(32) })).toBeNull();
    const parts = encrypted.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(decryptSecret({ encrypted: parts.join("."), key })).toBeNull();
    expect(decryptSecret({ encrypted: "garbage", key })).toBeNull();
  });
});
