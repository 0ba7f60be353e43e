import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "@/lib/payload/format-relative-time";

const now = Date.parse("2026-01-01T12:00:00Z");

describe("formatRelativeTime", () => {
  it("picks the largest whole unit", () => {
    expect(formatRelativeTime({ time: now - 12_000, now })).toBe("12s ago");
    expect(formatRelativeTime({ time: now - 5 * 60_000, now })).toBe("5m ago");
    expect(formatRelativeTime({ time: now - 3 * 3600_000, now })).toBe("3h ago");
    expect(formatRelativeTime({ time: now - 2 * 86400_000, now })).toBe("2d ago");
  });

  it("treats the last second and small clock skew as just now", () => {
    expect(formatRelativeTime({ time: now - 400, now })).toBe("just now");
    expect(formatRelativeTime({ time: now + 3000, now })).toBe("just now");
  });
});
