import { describe, expect, it } from "vitest";
import { isPerDeliveryHeader } from "@/lib/diff/is-per-delivery-header";

describe("isPerDeliveryHeader", () => {
  it.each(["Date", "content-length", "X-CallCov-Signature", "stripe-signature", "webhook-id"])(
    "%s changes with every delivery",
    (name) => expect(isPerDeliveryHeader({ name })).toBe(true),
  );
  it.each(["Content-Type", "User-Agent", "X-CallCov-Event"])("%s does not", (name) =>
    expect(isPerDeliveryHeader({ name })).toBe(false),
  );
});
