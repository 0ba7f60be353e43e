// Wire shape CallCov POSTs (webhooks guide, "Step 3: Receive Webhook"). Everything but the envelope
// is optional because failed and partial analyses omit sections.
export interface AnalysisPayload {
  id: string;
  object: "analysis";
  created: number;
  status: string;
  call?: { agent_id?: string; contact_id?: string };
  audio?: { url?: string; duration_seconds?: number | null; format?: string };
  transcript?: { text?: string; segments?: AnalysisPayloadSegment[] };
  results?: { compliance?: unknown; quality?: unknown; coaching?: unknown };
  error_message?: string;
}

export interface AnalysisPayloadSegment {
  speaker: string;
  text: string;
  start: number;
  end: number;
}

export type AnalysisStatusKind = "completed" | "failed" | "other";

export interface AnalysisAudio {
  url: string | null;
  durationSeconds: number | null;
  format: string | null;
}

export interface TranscriptSegment {
  speaker: string;
  text: string;
  start: number | null;
  end: number | null;
}

export interface AnalysisTranscript {
  text: string | null;
  segments: TranscriptSegment[];
}

// The results sections are undocumented, so they stay opaque; undefined means "absent".
export interface AnalysisResults {
  compliance: unknown;
  quality: unknown;
  coaching: unknown;
}

export interface Analysis {
  id: string | null;
  status: string | null;
  statusKind: AnalysisStatusKind;
  created: Date | null;
  agentId: string | null;
  contactId: string | null;
  audio: AnalysisAudio;
  transcript: AnalysisTranscript;
  results: AnalysisResults;
  errorMessage: string | null;
  // Keyed by path ("call.region", "transcript.segments[3].confidence", `["odd.key"]`): every
  // value that was not consumed above, including known fields that had the wrong type.
  otherFields: Record<string, unknown>;
  // Human-readable notes about missing or mistyped fields, e.g. "created is not a number".
  problems: string[];
}
