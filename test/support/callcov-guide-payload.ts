/**
 * The example body of the CallCov webhooks guide ("Step 3: Receive Webhook"); the guide leaves
 * the results sections as "{ ... }", so they hold a little made-up content here.
 */
export const CALLCOV_GUIDE_PAYLOAD = {
  id: "550e8400-e29b-41d4-a716-446655440000",
  object: "analysis",
  created: 1642248000,
  status: "completed",
  call: { agent_id: "agent_001", contact_id: "customer_12345" },
  audio: { url: "https://s3.amazonaws.com/callcov/x.wav", duration_seconds: 125.5, format: "wav" },
  transcript: {
    text: "Agent: Hello, thank you for calling...",
    segments: [{ speaker: "Agent", text: "Hello, thank you for calling.", start: 0.0, end: 2.5 }],
  },
  results: { compliance: { passed: true }, quality: { overall_score: 87 }, coaching: {} },
};
