import { describe, expect, it } from "vitest";

import { deriveStandardWebhooksKey } from "@/lib/signatures/derive-standard-webhooks-key";

describe("deriveStandardWebhooksKey", () => {
  it("base64-decodes the part after whsec_", () => {
    expect(deriveStandardWebhooksKey("whsec_AQID")).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("base64-decodes a secret without the prefix", () => {
    expect(deriveStandardWebhooksKey("AQID")).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("falls back to the UTF-8 bytes of secrets that are not base64", () => {
    expect(deriveStandardWebhooksKey("pass word!")).toEqual(new TextEncoder().encode("pass word!"));
    expect(deriveStandardWebhooksKey("whsec_")).toEqual(new TextEncoder().encode("whsec_"));
  });
});
