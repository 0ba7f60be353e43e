import { createHmac } from "node:crypto";
import type {
  HeaderPairs,
  SignatureResult,
  VerifyOptions,
} from "@/lib/signatures/signature-result";

export interface SignatureFixture {
  secret: string;
  payload: string;
  /** The fixture's payload as bytes: what `verify` checks unless told otherwise. */
  body: Uint8Array;
  /** Runs the verifier on these headers with the fixture's body, secret and clock. */
  verify: (
    headers: HeaderPairs,
    overrides?: Partial<Omit<VerifyOptions, "headers">>,
  ) => Promise<SignatureResult>;
  /** HMAC-SHA256 of `payload` under the fixture's secret (or another), hex unless asked. */
  hmac: (
    payload: string | Uint8Array,
    options?: { secret?: string; encoding?: "hex" | "base64" },
  ) => string;
}

/**
 * What every verifier test needs: one secret, one payload, one clock, and an independent HMAC
 * (node:crypto, not our hmac-sha256.ts) to compute the expected values with.
 */
export function createSignatureFixture({
  verifier,
  secret,
  payload,
  now = () => new Date("2025-01-01T00:00:00Z"),
}: {
  verifier: (options: VerifyOptions) => Promise<SignatureResult>;
  secret: string;
  payload: string;
  /** The verifiers' clock; a fixed instant unless the scheme's timestamps need another. */
  now?: () => Date;
}): SignatureFixture {
  const body = new TextEncoder().encode(payload);
  return {
    secret,
    payload,
    body,
    verify: (headers, overrides = {}) => verifier({ headers, body, secret, now, ...overrides }),
    hmac: (signed, { secret: key = secret, encoding = "hex" } = {}) =>
      createHmac("sha256", key).update(signed).digest(encoding),
  };
}
