import type { Analysis, AnalysisStatusKind, TranscriptSegment } from "@/lib/analysis/analysis";
import { toRecord } from "@/lib/analysis/to-record";

type Json = Record<string, unknown>;

// Collects what parsing could not use, so the UI can still show it.
interface Sink {
  otherFields: Record<string, unknown>;
  problems: string[];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function childPath(parent: string, key: string): string {
  // Bracket odd keys so a top-level "call.region" cannot collide with call → region.
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === "" ? key : `${parent}.${key}`;
}

function keep(sink: Sink, path: string, value: unknown): void {
  // defineProperty, because a plain assignment to "__proto__" would swap the prototype instead.
  Object.defineProperty(sink.otherFields, path, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function keepUnknownKeys(sink: Sink, object: Json, path: string, known: ReadonlySet<string>): void {
  for (const key of Object.keys(object)) {
    if (!known.has(key)) keep(sink, childPath(path, key), object[key]);
  }
}

// null means "not provided", which is not a problem on its own.
function readString(sink: Sink, object: Json, key: string, parent: string): string | null {
  const value = own(object, key);
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  const path = childPath(parent, key);
  sink.problems.push(`${path} is not a string`);
  keep(sink, path, value);
  return null;
}

function readNumber(sink: Sink, object: Json, key: string, parent: string): number | null {
  const value = own(object, key);
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const path = childPath(parent, key);
  sink.problems.push(`${path} is not a number`);
  keep(sink, path, value);
  return null;
}

function readSection(sink: Sink, object: Json, key: string): Json | null {
  const value = own(object, key);
  if (value === undefined || value === null) return null;
  const section = toRecord({ value });
  if (section) return section;
  sink.problems.push(`${key} is not an object`);
  keep(sink, key, value);
  return null;
}

function readCreated(sink: Sink, payload: Json): Date | null {
  const seconds = readNumber(sink, payload, "created", "");
  if (seconds === null) return null;
  const created = new Date(seconds * 1000);
  if (!Number.isNaN(created.getTime())) return created;
  sink.problems.push("created is out of range for a unix timestamp");
  keep(sink, "created", seconds);
  return null;
}

function statusKindOf(status: string | null): AnalysisStatusKind {
  const normalised = status?.trim().toLowerCase();
  if (normalised === "completed") return "completed";
  if (normalised === "failed") return "failed";
  return "other";
}

const TOP_KEYS = new Set([
  "id",
  "object",
  "created",
  "status",
  "call",
  "audio",
  "transcript",
  "results",
  "error_message",
]);
const CALL_KEYS = new Set(["agent_id", "contact_id"]);
const AUDIO_KEYS = new Set(["url", "duration_seconds", "format"]);
const TRANSCRIPT_KEYS = new Set(["text", "segments"]);
const SEGMENT_KEYS = new Set(["speaker", "text", "start", "end"]);
const RESULT_KEYS = new Set(["compliance", "quality", "coaching"]);

function readSegments(sink: Sink, transcript: Json): TranscriptSegment[] {
  const value = own(transcript, "segments");
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    sink.problems.push("transcript.segments is not an array");
    keep(sink, "transcript.segments", value);
    return [];
  }
  const segments: TranscriptSegment[] = [];
  for (let index = 0; index < value.length; index++) {
    const path = `transcript.segments[${index}]`;
    const item = toRecord({ value: value[index] });
    if (!item) {
      sink.problems.push(`${path} is not an object`);
      keep(sink, path, value[index]);
      continue;
    }
    const start = readNumber(sink, item, "start", path);
    const end = readNumber(sink, item, "end", path);
    if (start !== null && end !== null && end < start) {
      sink.problems.push(`${path} ends before it starts`);
    }
    segments.push({
      // Missing speaker/text become "" so the UI can render every segment without null checks.
      speaker: readString(sink, item, "speaker", path) ?? "",
      text: readString(sink, item, "text", path) ?? "",
      start,
      end,
    });
    keepUnknownKeys(sink, item, path, SEGMENT_KEYS);
  }
  return segments;
}

function parseObject(payload: Json, sink: Sink): Analysis {
  const object = own(payload, "object");
  if (object !== undefined && object !== null && object !== "analysis") {
    sink.problems.push('object is not "analysis"');
    keep(sink, "object", object);
  }
  const id = readString(sink, payload, "id", "");
  if (id === null && own(payload, "id") === undefined) sink.problems.push("id is missing");
  const status = readString(sink, payload, "status", "");
  if (status === null && own(payload, "status") === undefined) {
    sink.problems.push("status is missing");
  }
  const statusKind = statusKindOf(status);
  const created = readCreated(sink, payload);

  const call = readSection(sink, payload, "call");
  const audio = readSection(sink, payload, "audio");
  const transcript = readSection(sink, payload, "transcript");
  const results = readSection(sink, payload, "results");

  const durationSeconds = audio ? readNumber(sink, audio, "duration_seconds", "audio") : null;
  if (durationSeconds !== null && durationSeconds < 0) {
    sink.problems.push("audio.duration_seconds is negative");
  }
  const errorMessage = readString(sink, payload, "error_message", "");
  if (statusKind === "completed" && results === null) {
    sink.problems.push("results is missing for a completed analysis");
  }
  if (statusKind === "failed" && errorMessage === null) {
    sink.problems.push("error_message is missing for a failed analysis");
  }

  const analysis: Analysis = {
    id,
    status,
    statusKind,
    created,
    agentId: call ? readString(sink, call, "agent_id", "call") : null,
    contactId: call ? readString(sink, call, "contact_id", "call") : null,
    audio: {
      url: audio ? readString(sink, audio, "url", "audio") : null,
      durationSeconds,
      format: audio ? readString(sink, audio, "format", "audio") : null,
    },
    transcript: {
      text: transcript ? readString(sink, transcript, "text", "transcript") : null,
      segments: transcript ? readSegments(sink, transcript) : [],
    },
    results: {
      compliance: results ? own(results, "compliance") : undefined,
      quality: results ? own(results, "quality") : undefined,
      coaching: results ? own(results, "coaching") : undefined,
    },
    errorMessage,
    otherFields: sink.otherFields,
    problems: sink.problems,
  };

  keepUnknownKeys(sink, payload, "", TOP_KEYS);
  if (call) keepUnknownKeys(sink, call, "call", CALL_KEYS);
  if (audio) keepUnknownKeys(sink, audio, "audio", AUDIO_KEYS);
  if (transcript) keepUnknownKeys(sink, transcript, "transcript", TRANSCRIPT_KEYS);
  if (results) keepUnknownKeys(sink, results, "results", RESULT_KEYS);
  return analysis;
}

// Total over any JSON value: bad input degrades to nulls plus `problems`, never an exception.
export function parseAnalysis({ value }: { value: unknown }): Analysis {
  const sink: Sink = { otherFields: {}, problems: [] };
  const payload = toRecord({ value });
  if (payload) return parseObject(payload, sink);

  if (value === undefined || value === null) {
    sink.problems.push("payload is empty");
  } else {
    sink.problems.push("payload is not an object");
    keep(sink, "(payload)", value);
  }
  return {
    id: null,
    status: null,
    statusKind: "other",
    created: null,
    agentId: null,
    contactId: null,
    audio: { url: null, durationSeconds: null, format: null },
    transcript: { text: null, segments: [] },
    results: { compliance: undefined, quality: undefined, coaching: undefined },
    errorMessage: null,
    otherFields: sink.otherFields,
    problems: sink.problems,
  };
}
