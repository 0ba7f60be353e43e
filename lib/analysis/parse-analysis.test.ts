import { describe, expect, it } from "vitest";

import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";
import { parseAnalysis } from "@/lib/analysis/parse-analysis";
import { CALLCOV_GUIDE_PAYLOAD } from "@/test/support/callcov-guide-payload";

describe("parseAnalysis", () => {
  it("normalises the documented completed payload", () => {
    expect(parseAnalysis({ value: CALLCOV_GUIDE_PAYLOAD })).toEqual({
      id: "550e8400-e29b-41d4-a716-446655440000",
      status: "completed",
      statusKind: "completed",
      created: new Date("2022-01-15T12:00:00Z"),
      agentId: "agent_001",
      contactId: "customer_12345",
      audio: {
        url: "https://s3.amazonaws.com/callcov/x.wav",
        durationSeconds: 125.5,
        format: "wav",
      },
      transcript: {
        text: "Agent: Hello, thank you for calling...",
        segments: [{ speaker: "Agent", text: "Hello, thank you for calling.", start: 0, end: 2.5 }],
      },
      results: { compliance: { passed: true }, quality: { overall_score: 87 }, coaching: {} },
      errorMessage: null,
      otherFields: {},
      problems: [],
    });
  });

  it("keeps result sections by reference, untouched", () => {
    const analysis = parseAnalysis({ value: CALLCOV_GUIDE_PAYLOAD });
    expect(analysis.results.quality).toBe(CALLCOV_GUIDE_PAYLOAD.results.quality);
  });

  it("parses the generated samples without problems", () => {
    for (const status of ["completed", "failed"] as const) {
      const value = buildSampleAnalysis({
        status,
        now: () => new Date("2025-03-01T10:00:00Z"),
        randomId: () => "00000000-0000-4000-8000-000000000001",
      });
      const analysis = parseAnalysis({ value });
      expect(analysis.problems).toEqual([]);
      expect(analysis.otherFields).toEqual({});
      expect(analysis.statusKind).toBe(status);
    }
  });

  it("normalises a failed payload", () => {
    const analysis = parseAnalysis({
      value: {
        id: "a1",
        object: "analysis",
        created: 1700000000,
        status: "failed",
        call: { agent_id: "agent_001" },
        error_message: "Audio file could not be decoded: unsupported sample rate",
      },
    });
    expect(analysis).toMatchObject({
      id: "a1",
      statusKind: "failed",
      agentId: "agent_001",
      contactId: null,
      audio: { url: null, durationSeconds: null, format: null },
      transcript: { text: null, segments: [] },
      results: { compliance: undefined, quality: undefined, coaching: undefined },
      errorMessage: "Audio file could not be decoded: unsupported sample rate",
      problems: [],
    });
  });

  it("notes a failed payload without an error message", () => {
    const analysis = parseAnalysis({ value: { id: "a1", status: "failed" } });
    expect(analysis.problems).toEqual(["error_message is missing for a failed analysis"]);
  });

  it("maps unknown statuses to other, case-insensitively for known ones", () => {
    expect(parseAnalysis({ value: { id: "a", status: "processing" } }).statusKind).toBe("other");
    expect(parseAnalysis({ value: { id: "a", status: " FAILED " } }).statusKind).toBe("failed");
    const completed = parseAnalysis({ value: { id: "a", status: "Completed", results: {} } });
    expect(completed).toMatchObject({ status: "Completed", statusKind: "completed" });
  });

  it("handles a partial payload: only what is there, with notes for what is missing", () => {
    const analysis = parseAnalysis({
      value: { object: "analysis", status: "completed", transcript: { text: "Agent: hi" } },
    });
    expect(analysis).toMatchObject({
      id: null,
      created: null,
      agentId: null,
      transcript: { text: "Agent: hi", segments: [] },
      otherFields: {},
    });
    expect(analysis.problems).toEqual([
      "id is missing",
      "results is missing for a completed analysis",
    ]);
  });

  it("treats explicit nulls as absent without complaint", () => {
    const analysis = parseAnalysis({
      value: {
        id: "a1",
        status: "completed",
        created: null,
        call: null,
        audio: { url: null, duration_seconds: null, format: null },
        transcript: { text: null, segments: null },
        results: { compliance: null, quality: { overall_score: null } },
        error_message: null,
      },
    });
    expect(analysis.problems).toEqual([]);
    expect(analysis.otherFields).toEqual({});
    expect(analysis.results).toEqual({
      compliance: null,
      quality: { overall_score: null },
      coaching: undefined,
    });
  });

  it("reports wrong types and keeps the offending values in otherFields", () => {
    const analysis = parseAnalysis({
      value: {
        id: 42,
        object: "charge",
        created: "2024-01-01",
        status: ["completed"],
        call: "agent_001",
        audio: { url: 5, duration_seconds: "125.5", format: false },
        transcript: {
          text: { en: "hi" },
          segments: [
            { speaker: 1, text: "ok", start: "0", end: 1 },
            "Customer: hello",
            { speaker: "Agent", text: "bye", start: 3, end: 2 },
          ],
        },
        results: [1, 2],
        error_message: 500,
      },
    });
    expect(analysis).toMatchObject({
      id: null,
      status: null,
      statusKind: "other",
      created: null,
      agentId: null,
      audio: { url: null, durationSeconds: null, format: null },
      transcript: {
        text: null,
        segments: [
          { speaker: "", text: "ok", start: null, end: 1 },
          { speaker: "Agent", text: "bye", start: 3, end: 2 },
        ],
      },
      results: { compliance: undefined, quality: undefined, coaching: undefined },
      errorMessage: null,
    });
    expect(analysis.otherFields).toEqual({
      object: "charge",
      id: 42,
      status: ["completed"],
      created: "2024-01-01",
      call: "agent_001",
      results: [1, 2],
      "audio.duration_seconds": "125.5",
      "audio.url": 5,
      "audio.format": false,
      "transcript.text": { en: "hi" },
      "transcript.segments[0].start": "0",
      "transcript.segments[0].speaker": 1,
      "transcript.segments[1]": "Customer: hello",
      error_message: 500,
    });
    expect(analysis.problems).toEqual(
      expect.arrayContaining([
        'object is not "analysis"',
        "id is not a string",
        "status is not a string",
        "created is not a number",
        "call is not an object",
        "results is not an object",
        "audio.url is not a string",
        "audio.duration_seconds is not a number",
        "audio.format is not a string",
        "transcript.text is not a string",
        "transcript.segments[0].start is not a number",
        "transcript.segments[0].speaker is not a string",
        "transcript.segments[1] is not an object",
        "transcript.segments[2] ends before it starts",
        "error_message is not a string",
      ]),
    );
    expect(analysis.problems).toHaveLength(15);
  });

  it("notes a segments field that is not an array", () => {
    const analysis = parseAnalysis({
      value: { id: "a", status: "other", transcript: { segments: { 0: {} } } },
    });
    expect(analysis.transcript.segments).toEqual([]);
    expect(analysis.problems).toEqual(["transcript.segments is not an array"]);
    expect(analysis.otherFields).toEqual({ "transcript.segments": { 0: {} } });
  });

  it("keeps unknown fields at every level", () => {
    const analysis = parseAnalysis({
      value: {
        ...CALLCOV_GUIDE_PAYLOAD,
        livemode: false,
        "call.region": "top-level key with a dot",
        call: { ...CALLCOV_GUIDE_PAYLOAD.call, region: "eu-west-1", tags: ["vip"] },
        audio: { ...CALLCOV_GUIDE_PAYLOAD.audio, channels: 2 },
        transcript: {
          ...CALLCOV_GUIDE_PAYLOAD.transcript,
          language: "en-GB",
          segments: [{ speaker: "Agent", text: "hi", start: 0, end: 1, confidence: 0.97 }],
        },
        results: { ...CALLCOV_GUIDE_PAYLOAD.results, sentiment: { overall: "positive" } },
      },
    });
    expect(analysis.problems).toEqual([]);
    expect(analysis.otherFields).toEqual({
      livemode: false,
      '["call.region"]': "top-level key with a dot",
      "call.region": "eu-west-1",
      "call.tags": ["vip"],
      "audio.channels": 2,
      "transcript.language": "en-GB",
      "transcript.segments[0].confidence": 0.97,
      "results.sentiment": { overall: "positive" },
    });
  });

  it("keeps a __proto__ key as data instead of touching the prototype", () => {
    const value: unknown = JSON.parse(
      '{"id":"a","status":"completed","results":{},"__proto__":{"x":1}}',
    );
    const analysis = parseAnalysis({ value });
    expect(Object.getPrototypeOf(analysis.otherFields)).toBe(Object.prototype);
    expect(Object.keys(analysis.otherFields)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(analysis.otherFields, "__proto__")?.value).toEqual({
      x: 1,
    });
  });

  it("ignores inherited properties on the payload", () => {
    const value = Object.create({ id: "inherited", status: "completed" }) as object;
    expect(parseAnalysis({ value })).toMatchObject({ id: null, status: null });
  });

  it("rejects out-of-range timestamps", () => {
    const analysis = parseAnalysis({ value: { id: "a", status: "x", created: 1e20 } });
    expect(analysis.created).toBeNull();
    expect(analysis.problems).toEqual(["created is out of range for a unix timestamp"]);
    expect(analysis.otherFields).toEqual({ created: 1e20 });
  });

  it("notes a negative duration but keeps it", () => {
    const analysis = parseAnalysis({
      value: { id: "a", status: "x", audio: { duration_seconds: -3 } },
    });
    expect(analysis.audio.durationSeconds).toBe(-3);
    expect(analysis.problems).toEqual(["audio.duration_seconds is negative"]);
  });

  it.each([
    [null, "payload is empty", {}],
    [undefined, "payload is empty", {}],
    [[1, 2], "payload is not an object", { "(payload)": [1, 2] }],
    ["text", "payload is not an object", { "(payload)": "text" }],
    [0, "payload is not an object", { "(payload)": 0 }],
    [false, "payload is not an object", { "(payload)": false }],
  ])("never throws on %j", (value, problem, otherFields) => {
    const analysis = parseAnalysis({ value });
    expect(analysis).toMatchObject({ id: null, statusKind: "other", problems: [problem] });
    expect(analysis.otherFields).toEqual(otherFields);
    expect(analysis.transcript.segments).toEqual([]);
  });

  it("never throws when every field has every wrong type", () => {
    const wrong: unknown[] = [null, 0, -1.5, "", "x", true, [], [null], {}, { a: { b: [] } }];
    const keys = ["id", "object", "created", "status", "call", "audio", "transcript", "results"];
    for (const bad of wrong) {
      const value: Record<string, unknown> = { error_message: bad };
      for (const key of keys) value[key] = bad;
      value.call = { agent_id: bad, contact_id: bad };
      value.audio = { url: bad, duration_seconds: bad, format: bad };
      value.transcript = { text: bad, segments: [bad, { speaker: bad, text: bad, start: bad }] };
      expect(() => parseAnalysis({ value })).not.toThrow();
      expect(() => parseAnalysis({ value: { ...value, transcript: bad } })).not.toThrow();
    }
  });

  it("parses 5,000 segments in under 50 ms", () => {
    const segments = Array.from({ length: 5000 }, (_, index) => ({
      speaker: index % 2 === 0 ? "Agent" : "Customer",
      text: `Segment number ${index} of a very long call.`,
      start: index * 2,
      end: index * 2 + 1.5,
    }));
    const value = { ...CALLCOV_GUIDE_PAYLOAD, transcript: { text: "…", segments } };
    parseAnalysis({ value }); // warm up the JIT so the timing measures parsing, not compilation
    const started = performance.now();
    const analysis = parseAnalysis({ value });
    const elapsed = performance.now() - started;
    expect(analysis.transcript.segments).toHaveLength(5000);
    expect(analysis.transcript.segments[4999]).toEqual({
      speaker: "Customer",
      text: "Segment number 4999 of a very long call.",
      start: 9998,
      end: 9999.5,
    });
    expect(analysis.problems).toEqual([]);
    expect(elapsed).toBeLessThan(50);
  });
});
