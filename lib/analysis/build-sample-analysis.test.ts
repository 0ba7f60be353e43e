import { describe, expect, it } from "vitest";

import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";
import { isAnalysisPayload } from "@/lib/analysis/is-analysis-payload";

const NOW = new Date("2025-03-01T10:00:00.999Z");
const ID = "6f1c2b9e-3d4a-4f5b-8c7d-9e0a1b2c3d4e";

function build(status: "completed" | "failed") {
  return buildSampleAnalysis({ status, now: () => NOW, randomId: () => ID });
}

describe("buildSampleAnalysis", () => {
  it("builds a completed analysis in the documented shape", () => {
    const payload = build("completed");
    // The documented order of the top-level keys.
    expect(Object.keys(payload).join(" ")).toBe(
      "id object created status call audio transcript results",
    );
    expect(payload).toMatchObject({
      id: ID,
      object: "analysis",
      created: Math.floor(NOW.getTime() / 1000),
      status: "completed",
      call: { agent_id: "agent_001", contact_id: "customer_12345" },
      audio: { url: `https://s3.amazonaws.com/callcov/recordings/${ID}.wav`, format: "wav" },
    });
    expect(Number.isInteger(payload.created)).toBe(true);
    expect(Object.keys(payload.results ?? {})).toEqual(["compliance", "quality", "coaching"]);
    expect(isAnalysisPayload({ value: payload })).toBe(true);
  });

  it("has an ordered two-speaker transcript whose text matches its segments", () => {
    const payload = build("completed");
    const segments = payload.transcript?.segments ?? [];
    expect(segments.length).toBeGreaterThanOrEqual(6);
    expect(new Set(segments.map((segment) => segment.speaker))).toEqual(
      new Set(["Agent", "Customer"]),
    );
    let previousEnd = 0;
    for (const segment of segments) {
      expect(segment.start).toBeGreaterThanOrEqual(previousEnd);
      expect(segment.end).toBeGreaterThan(segment.start);
      previousEnd = segment.end;
    }
    expect(payload.audio?.duration_seconds).toBeGreaterThanOrEqual(previousEnd);
    for (const segment of segments) {
      expect(payload.transcript?.text).toContain(`${segment.speaker}: ${segment.text}`);
    }
  });

  it("builds a failed analysis with an error message and no results", () => {
    const payload = build("failed");
    expect(payload).toMatchObject({ id: ID, object: "analysis", status: "failed" });
    expect(payload.error_message).toBe("Audio file could not be decoded: unsupported sample rate");
    expect(payload).not.toHaveProperty("results");
    expect(payload).not.toHaveProperty("transcript");
    expect(isAnalysisPayload({ value: payload })).toBe(true);
  });

  it("returns fresh objects, so callers can mutate one sample without affecting the next", () => {
    const first = build("completed");
    (first.results?.quality as { overall_score: number }).overall_score = 1;
    first.transcript?.segments?.pop();
    const second = build("completed");
    expect((second.results?.quality as { overall_score: number }).overall_score).toBe(87);
    expect(second.transcript?.segments).toHaveLength(8);
  });

  it("survives a JSON round trip unchanged", () => {
    const payload = build("completed");
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });
});
