import { describe, expect, it } from "vitest";
import { MAX_GLOB_STEPS, matchPathGlob } from "@/lib/payload/match-path-glob";

describe("matchPathGlob", () => {
  it.each([
    ["/webhooks/*", "/webhooks/stripe", true],
    ["/webhooks/*", "/webhooks/", true],
    ["/webhooks/*", "/webhooks/a/b", false],
    ["/webhooks/*", "/webhook/x", false],
    ["/webhooks/**", "/webhooks/a/b/c", true],
    ["/webhooks/**", "/webhooks", true],
    ["/**", "", true],
    ["/", "", true],
    ["/", "/x", false],
    ["/**/events", "/a/b/events", true],
    ["/**/events", "/events", true],
    ["/**/events", "/events/x", false],
    ["/a/**/b/**/c", "/a/x/b/y/z/c", true],
    ["/a/**/b/**/c", "/a/c/b", false],
    ["/a/**/b/c/**/d", "/a/b/x/b/c/d", true],
    ["/*.json", "/data.json", true],
    ["/*.json", "/data.jsonx", false],
    ["/a*b*c", "/abc", true],
    ["/a*b*c", "/aXbYbZc", true],
    ["/a*b*c", "/acb", false],
    ["/ab*ba", "/aba", false],
    ["/x.y", "/xzy", false],
    ["/(a+)+$", "/(a+)+$", true],
    ["/status/*", "/status/503", true],
  ])("%s vs %s -> %s", (glob, path, expected) => {
    expect(matchPathGlob({ glob, path })).toBe(expected);
  });

  it("answers a hostile glob on a long path without backtracking", () => {
    // Catastrophic for a backtracking regex translation ((.*a){n}b); here a few passes.
    const glob = `/${"*a".repeat(90)}b`;
    const path = `/${"a".repeat(8000)}`;
    expect(matchPathGlob({ glob, path })).toBe(false);
    const deep = `/${"**/a/".repeat(30)}b`;
    expect(matchPathGlob({ glob: deep, path: "/a".repeat(4000) })).toBe(false);
    expect(matchPathGlob({ glob: deep, path: `${"/a".repeat(4000)}/b` })).toBe(true);
  });

  it("gives up (no match) past its step budget instead of scanning a huge path", () => {
    // A middle run of 96 segments slid over 4,000 path segments: ~384,000 comparisons unbounded.
    const glob = `/**/${"a/".repeat(95)}x/**/c`;
    expect(matchPathGlob({ glob, path: `${"/a".repeat(4000)}/c` })).toBe(false);
    // The same glob still matches where honest work suffices.
    expect(matchPathGlob({ glob, path: `${"/a".repeat(95)}/x/c` })).toBe(true);
    // Past the budget even a real match is refused: the bound is what keeps captures fast.
    const far = `${"/b".repeat(MAX_GLOB_STEPS)}${"/a".repeat(95)}/x/c`;
    expect(matchPathGlob({ glob, path: far })).toBe(false);
  });
});
