import type { AnalysisPayloadSegment } from "@/lib/analysis/analysis";
import type { SampleAnalysis } from "@/lib/analysis/build-sample-analysis.types";

const SEGMENTS: readonly AnalysisPayloadSegment[] = [
  {
    speaker: "Agent",
    text: "Hello, thank you for calling Northwind Energy. This call may be recorded for quality and training purposes. My name is Dana, how can I help?",
    start: 0,
    end: 8.4,
  },
  {
    speaker: "Customer",
    text: "Hi Dana. My last bill is almost twice what I normally pay and I don't understand why.",
    start: 8.9,
    end: 14.6,
  },
  {
    speaker: "Agent",
    text: "I'm sorry about the surprise, let's sort it out. Can you confirm your account number and the postcode on the account?",
    start: 15.1,
    end: 21.8,
  },
  {
    speaker: "Customer",
    text: "Sure, it's 4471 2093, postcode SW1A 1AA.",
    start: 22.4,
    end: 26.9,
  },
  {
    speaker: "Agent",
    text: "Thank you, you're verified. I can see the March bill used an estimated meter reading instead of an actual one, which pushed it up.",
    start: 27.5,
    end: 36.2,
  },
  {
    speaker: "Customer",
    text: "So can you fix it? I sent a photo of the meter last week.",
    start: 36.8,
    end: 40.3,
  },
  {
    speaker: "Agent",
    text: "Yes. I've applied your reading from the photo and reissued the bill; the corrected amount is 84 pounds 20, and you'll get an email confirmation today.",
    start: 41,
    end: 51.7,
  },
  {
    speaker: "Customer",
    text: "That's a relief, thanks for sorting it so quickly.",
    start: 52.2,
    end: 55.1,
  },
];

const COMPLIANCE = {
  passed: true,
  score: 0.92,
  checks: [
    { name: "Greeting", passed: true, note: "Agent introduced themselves by name." },
    { name: "Recording disclosure", passed: true, note: "Read within the first 10 seconds." },
    { name: "Identity verification", passed: true, note: "Account number and postcode confirmed." },
    { name: "Closing summary", passed: false, note: "No recap of next steps before ending." },
  ],
  disclosures_read: ["Call recording", "Identity verification"],
};

const QUALITY = {
  overall_score: 87,
  empathy_score: 0.8,
  clarity_score: 0.9,
  professionalism_score: 0.95,
  talk_ratio: 0.58,
  customer_sentiment: { start: "frustrated", end: "satisfied" },
  silence_seconds: 3.2,
  first_call_resolution: true,
};

const COACHING = {
  strengths: [
    "Acknowledged the customer's frustration before troubleshooting",
    "Verified identity before discussing the account",
    "Resolved the billing error on the first call",
  ],
  improvements: [
    "Summarise the outcome and next steps before closing",
    "Offer to set up meter reading reminders to prevent estimated bills",
  ],
  next_steps: "Review the closing-summary checklist in the next 1:1.",
};

// Demo/test payload in exactly the shape CallCov sends (guide, "Step 3: Receive Webhook").
export function buildSampleAnalysis({
  status,
  now,
  randomId,
}: {
  status: "completed" | "failed";
  now: () => Date;
  randomId: () => string;
}): SampleAnalysis {
  const id = randomId();
  const envelope = {
    id,
    object: "analysis" as const,
    created: Math.floor(now().getTime() / 1000),
    status,
    call: { agent_id: "agent_001", contact_id: "customer_12345" },
  };
  const url = `https://s3.amazonaws.com/callcov/recordings/${id}.wav`;
  if (status === "failed") {
    return {
      ...envelope,
      // Decoding failed, so the duration was never known.
      audio: { url, duration_seconds: null, format: "wav" },
      error_message: "Audio file could not be decoded: unsupported sample rate",
    };
  }
  const segments = SEGMENTS.map((segment) => ({ ...segment }));
  return {
    ...envelope,
    audio: { url, duration_seconds: 56.3, format: "wav" },
    transcript: {
      text: segments.map((segment) => `${segment.speaker}: ${segment.text}`).join("\n"),
      segments,
    },
    // structuredClone keeps callers from mutating the shared templates.
    results: {
      compliance: structuredClone(COMPLIANCE),
      quality: structuredClone(QUALITY),
      coaching: structuredClone(COACHING),
    },
  };
}
